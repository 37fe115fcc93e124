//! `herald bench INPUT...`: throughput of the per-article pipeline on one core, articles
//! already in memory (so disk and parsing of the input format are not measured).

use clap::Args;
use herald_core::ingest::{read_inputs, InputDefaults};
use herald_core::pipeline::{clean_article, process};
use std::time::Instant;

#[derive(Args)]
pub struct BenchArgs {
    /// Articles to process (any input format).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Publication date for inputs that carry none.
    #[arg(long, default_value = "2020-01-01")]
    published: String,
    /// Passes over the articles (the first warms the dictionaries up and is not timed).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Which part of the pipeline to time: `all` (raw input to events) or `clean`
    /// (raw input to clean article text and metadata, no coding).
    #[arg(long, value_enum, default_value_t = Stage::All)]
    stage: Stage,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Stage {
    All,
    Clean,
}

pub fn run(args: BenchArgs) -> anyhow::Result<i32> {
    let defaults = InputDefaults {
        published: Some(args.published.clone()),
        ..InputDefaults::default()
    };
    let raws: Vec<_> = read_inputs(&args.inputs, &defaults)
        .filter_map(Result::ok)
        .collect();
    if raws.is_empty() {
        anyhow::bail!("no readable articles in the inputs");
    }
    let bytes: usize = raws
        .iter()
        .map(|r| match &r.body {
            herald_core::model::RawBody::Text(t) | herald_core::model::RawBody::Html(t) => t.len(),
        })
        .sum();
    // Warm-up: compiles the dictionaries and the gazetteer once.
    let started = Instant::now();
    let first: Vec<_> = raws.iter().map(process).collect();
    let warm = started.elapsed();
    let sentences: usize = first
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| herald_core::segment::sentences(&p.article.text).len())
        .sum();
    let events: usize = first
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| p.events.len())
        .sum();
    let passes = args.repeat.max(1);
    let started = Instant::now();
    for _ in 0..passes {
        for r in &raws {
            match args.stage {
                Stage::All => {
                    std::hint::black_box(process(r).ok());
                }
                Stage::Clean => {
                    std::hint::black_box(clean_article(r).ok());
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64() / passes as f64;
    println!(
        "{} articles, {} sentences, {:.1} MB, {} events; first pass (with knowledge load) {:.2} s",
        raws.len(),
        sentences,
        bytes as f64 / 1e6,
        events,
        warm.as_secs_f64()
    );
    let timed = match args.stage {
        Stage::All => "raw input to events",
        Stage::Clean => "clean stage alone",
    };
    println!(
        "one core, {timed}: {:.0} articles/s, {:.0} sentences/s, {:.2} MB/s ({} timed passes of {:.3} s)",
        raws.len() as f64 / secs,
        sentences as f64 / secs,
        bytes as f64 / 1e6 / secs,
        passes,
        secs
    );
    Ok(0)
}
