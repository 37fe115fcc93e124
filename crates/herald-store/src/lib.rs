//! Herald's event store. OWNER: store helper. Stub until filled.
