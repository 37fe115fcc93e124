//! `herald eval SUITE`: scores Herald against public gold sets. Each suite is one
//! module with the same shape: `run(&EvalArgs) -> anyhow::Result<Report>`; the report
//! prints as a table or, with `--json`, as one JSON object so runs can be compared.

mod extraction;
mod petrarch;
mod plover;
mod pubdate;

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Suite {
    /// The 322 PLOVER gold sentences (event type, actors, recipients).
    Plover,
    /// PETRARCH2's unit-test records with its toy dictionaries ((source, target, code) triples).
    Petrarch,
    /// Main text of the article-extraction-benchmark pages (shingle P/R/F1).
    #[value(name = "extraction-aeb")]
    ExtractionAeb,
    /// trafilatura's evaluation pages (must-include / must-exclude snippets).
    #[value(name = "extraction-trafilatura")]
    ExtractionTrafilatura,
    /// Mozilla Readability's test pages against expected.html (shingle P/R/F1).
    #[value(name = "extraction-readability")]
    ExtractionReadability,
    /// Publication day of htmldate's MediaCloud pages.
    Pubdate,
}

#[derive(Args)]
pub struct EvalArgs {
    /// Which gold set.
    #[arg(value_enum)]
    pub suite: Suite,
    /// Folder of the gold set (default: ../shared/data/<suite> from the repository root).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list every sentence Herald got wrong (table output only; `petrarch` prints
    /// them to stderr, also with `--json`).
    #[arg(long)]
    pub misses: bool,
    /// `plover` only: code with these PETRARCH-format dictionaries instead of the built-in
    /// ones (as `herald extract --dictionaries`), e.g. the Phoenix verb dictionary, to
    /// compare them on the same gold.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
}

/// Default data folder of a suite: `$HERALD_SHARED_DATA/<name>` if set, else the
/// `../shared/data/<name>` folder beside the repository.
/// The text form of a suite's figures: a heading, then one aligned line per key of the
/// JSON report, in the order given.
pub fn print_figures(heading: &str, report: &serde_json::Value, keys: &[&str]) {
    println!("{heading}");
    for key in keys {
        println!("  {key:<18} {}", report[*key]);
    }
}

pub fn default_data(name: &str) -> PathBuf {
    if let Ok(root) = std::env::var("HERALD_SHARED_DATA") {
        return PathBuf::from(root).join(name);
    }
    PathBuf::from("../shared/data").join(name)
}

/// A suite's data folder (`--data`, else the default) and its gold file parsed as JSON.
/// Errors name the file and tell the user which folder `--data` should point at.
pub fn gold_json<T: serde::de::DeserializeOwned>(
    args: &EvalArgs,
    folder: &str,
    file: &str,
) -> anyhow::Result<(PathBuf, T)> {
    use anyhow::Context;
    let dir = args.data.clone().unwrap_or_else(|| default_data(folder));
    let path = dir.join(file);
    let raw = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {} (point --data at the {folder} folder holding {file})",
            path.display()
        )
    })?;
    let gold = serde_json::from_str(&raw)
        .with_context(|| format!("{} is not the expected JSON", path.display()))?;
    Ok((dir, gold))
}

pub fn run(args: EvalArgs) -> anyhow::Result<i32> {
    match args.suite {
        Suite::Plover => plover::run(&args),
        Suite::Petrarch => petrarch::run(&args),
        Suite::ExtractionAeb => extraction::run_aeb(&args),
        Suite::ExtractionTrafilatura => extraction::run_trafilatura(&args),
        Suite::ExtractionReadability => extraction::run_readability(&args),
        Suite::Pubdate => pubdate::run(&args),
    }
}
