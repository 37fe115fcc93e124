//! Built-in knowledge: actor dictionaries and the gazetteer, compiled once per process
//! from the reviewable files under `data/` (embedded in the binary at build time).

pub mod actors;
pub mod gazetteer;
pub mod petrarch;
