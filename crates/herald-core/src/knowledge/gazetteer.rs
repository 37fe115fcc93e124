//! Gazetteer. OWNER: gazetteer/places helper. Stub until filled.
