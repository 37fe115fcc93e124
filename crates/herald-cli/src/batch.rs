//! Streaming batch processing shared by `extract` and `run`: read records, process them
//! on all cores a batch at a time, hand the results to a sink in input order, and keep
//! the account of every record (processed, or skipped with its reason).

use herald_core::extract::events::dictionaries::Dictionaries;
use herald_core::ingest::{read_inputs, IngestErrorKind, InputDefaults};
use herald_core::model::Article;
use herald_core::model::RawArticle;
use herald_core::pipeline::{process_with, Processed, Skipped};
use rayon::prelude::*;

/// Records processed in parallel at a time: large enough to keep every core busy,
/// small enough that memory stays flat on a million-article input.
const BATCH: usize = 256;

/// What happened to the input, for the summary and the exit code.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub records_read: u64,
    pub articles: u64,
    pub events: u64,
    /// Articles stored without coding, by reason (e.g. their language).
    pub not_coded: std::collections::BTreeMap<String, u64>,
    /// Records that could not be read or cleaned, with their reasons.
    pub skipped: Vec<String>,
    /// Files passed over during a directory walk (not input formats) and crawl records
    /// that hold no page (images, redirects, robots.txt).
    pub ignored: Vec<String>,
}

impl Summary {
    /// `2` when nothing at all could be read, else `0` (skips are reported, not fatal).
    pub fn exit_code(&self) -> i32 {
        if self.articles == 0 && (!self.skipped.is_empty() || self.records_read == 0) {
            2
        } else {
            0
        }
    }

    pub fn print(&self, what: &str) {
        eprintln!(
            "herald {what}: {} records read, {} articles, {} events, {} skipped{}",
            self.records_read,
            self.articles,
            self.events,
            self.skipped.len(),
            if self.ignored.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} passed over (files that are not an input format, crawl records that are not pages)",
                    self.ignored.len()
                )
            }
        );
        if !self.not_coded.is_empty() {
            let parts: Vec<String> = self
                .not_coded
                .iter()
                .map(|(k, n)| format!("{n} in {k}"))
                .collect();
            eprintln!(
                "herald {what}: {} articles kept but not coded (event coding reads English only): {}",
                self.not_coded.values().sum::<u64>(),
                parts.join(", ")
            );
        }
    }
}

/// Options shared by the commands that read articles.
pub struct BatchOptions {
    pub defaults: InputDefaults,
    pub strict: bool,
}

/// An error that stops the run (only with `--strict`, or when the sink fails).
#[derive(Debug)]
pub struct Fatal(pub String);

/// What one record becomes in a command: a coded article (`extract`, `run`) or a clean
/// article alone (`clean`); the summary counts it the same way.
pub trait Outcome: Send {
    fn event_count(&self) -> usize;
    fn not_coded(&self) -> Option<&str>;
}

impl Outcome for Processed {
    fn event_count(&self) -> usize {
        self.events.len()
    }
    fn not_coded(&self) -> Option<&str> {
        self.not_coded.as_deref()
    }
}

impl Outcome for Article {
    fn event_count(&self) -> usize {
        0
    }
    fn not_coded(&self) -> Option<&str> {
        None
    }
}

/// Runs the whole pipeline over `inputs`; see [`run_stage`].
pub fn run_batches(
    inputs: &[String],
    options: &BatchOptions,
    dictionaries: &Dictionaries,
    on_record: impl FnMut(),
    sink: impl FnMut(&[Processed]) -> Result<(), String>,
) -> Result<Summary, Fatal> {
    run_stage(
        inputs,
        options,
        |raw| process_with(raw, dictionaries),
        on_record,
        sink,
    )
}

/// Runs `stage` over every record of `inputs` on all cores a batch at a time, calling
/// `sink` with each batch's results in input order. Skipped records are reported on
/// stderr as they happen and counted.
pub fn run_stage<T: Outcome>(
    inputs: &[String],
    options: &BatchOptions,
    stage: impl Fn(&RawArticle) -> Result<T, Skipped> + Sync,
    mut on_record: impl FnMut(),
    mut sink: impl FnMut(&[T]) -> Result<(), String>,
) -> Result<Summary, Fatal> {
    let mut summary = Summary::default();
    let mut pending: Vec<RawArticle> = Vec::with_capacity(BATCH);
    let mut flush = |pending: &mut Vec<RawArticle>, summary: &mut Summary| -> Result<(), Fatal> {
        let results: Vec<_> = pending.par_iter().map(&stage).collect();
        pending.clear();
        let mut done = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(p) => {
                    summary.articles += 1;
                    summary.events += p.event_count() as u64;
                    if let Some(reason) = p.not_coded() {
                        // Group by the language only, so the summary stays one line.
                        let key = reason.split(':').next().unwrap_or(reason).to_string();
                        *summary.not_coded.entry(key).or_insert(0) += 1;
                    }
                    done.push(p);
                }
                Err(skip) => {
                    eprintln!("herald: skipped {skip}");
                    if options.strict {
                        return Err(Fatal(format!("{skip} (--strict stops at the first error)")));
                    }
                    summary.skipped.push(skip.to_string());
                }
            }
        }
        sink(&done).map_err(Fatal)
    };
    for item in read_inputs(inputs, &options.defaults) {
        on_record();
        match item {
            Ok(raw) => {
                summary.records_read += 1;
                pending.push(raw);
                if pending.len() >= BATCH {
                    flush(&mut pending, &mut summary)?;
                }
            }
            Err(e) if e.kind == IngestErrorKind::Ignored => {
                summary.ignored.push(e.to_string());
            }
            Err(e) => {
                eprintln!("herald: skipped {e}");
                if options.strict {
                    return Err(Fatal(format!("{e} (--strict stops at the first error)")));
                }
                summary.skipped.push(e.to_string());
            }
        }
    }
    flush(&mut pending, &mut summary)?;
    Ok(summary)
}
