//! Event coder. OWNER: lead.
