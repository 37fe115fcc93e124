//! One article to its records. OWNER: lead.
