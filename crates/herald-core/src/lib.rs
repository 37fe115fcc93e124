//! # herald-core
//!
//! Herald's engine as a library: raw news articles in, PLOVER/CAMEO event records out.
//! Every per-article stage is a pure function of the article and the built-in
//! [`knowledge`], so articles can be processed on all cores in any order and still give
//! byte-identical output. No database, no network, no async: those live in other crates.
//!
//! The stages, in pipeline order:
//! [`ingest`] (read inputs) → [`clean`] (clean text + metadata) → [`segment`]
//! (sentences, tokens) → [`extract`] (actors, events, dates, places, counts) →
//! [`pipeline`] (glue: one article to its records).

pub mod clean;
pub mod extract;
pub mod ingest;
pub mod knowledge;
pub mod model;
pub mod pipeline;
pub mod segment;
