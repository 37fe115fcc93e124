//! The `herald` command. OWNER: lead.
fn main() {}
