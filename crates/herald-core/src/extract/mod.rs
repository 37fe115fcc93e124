//! Extract stage: per-sentence finders (actors, events, dates, places, counts) and the
//! event coder that ties them together.

pub mod counts;
pub mod dates;
pub mod events;
pub mod places;
