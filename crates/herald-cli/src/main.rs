//! `herald`: news articles in, verifiable political event records out.
//!
//! Commands: `extract` (events to stdout), `run` (the main job: into a SQLite store),
//! `query` (events back out of the store), `eval` (scores against public gold sets).

mod batch;
mod bench;
mod eval;
mod output;

use batch::{run_batches, BatchOptions};
use clap::{Args, Parser, Subcommand};
use herald_core::extract::events::dictionaries::Dictionaries;
use herald_core::ingest::InputDefaults;
use herald_core::model::EventType;
use herald_core::pipeline::parse_published;
use herald_store::{EventFilter, Store};
use output::{EventWriter, Format};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "herald",
    version,
    about = "Turns news articles into PLOVER/CAMEO political event records, every field traced to the words it came from."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code events from articles and write them to stdout (one record per line).
    Extract(ExtractArgs),
    /// The main job: code articles into a SQLite store (idempotent) and print a digest.
    Run(RunArgs),
    /// Read events back from the store.
    Query(QueryArgs),
    /// Print the article records Herald reads from the inputs (clean text and metadata),
    /// without coding events: what Herald saw on a page.
    Clean(CleanArgs),
    /// Score Herald against a public gold set.
    Eval(eval::EvalArgs),
    /// Measure the pipeline's throughput on one core.
    Bench(bench::BenchArgs),
    /// Convert the open Phoenix/CAMEO dictionaries into Herald's own files (what
    /// `scripts/convert-phoenix` runs to regenerate `data/actors/phoenix/`).
    Dictionaries(DictionariesArgs),
}

#[derive(Args)]
struct DictionariesArgs {
    /// The Phoenix dictionary folder (Phoenix.Countries.actors.txt, …).
    #[arg(long, default_value = "../shared/data/phoenix-cameo-dictionaries")]
    from: PathBuf,
    /// Where to write actors.tsv and agents.tsv.
    #[arg(long, default_value = "data/actors/phoenix")]
    to: PathBuf,
}

#[derive(Args)]
struct InputArgs {
    /// Files (.html, .htm, .warc, .warc.gz, RSS/Atom feeds, .jsonl, .txt; gzipped or not; the
    /// format is read from the content when the extension is missing or wrong),
    /// directories (walked recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none, e.g. plain text.
    #[arg(long)]
    published: Option<String>,
    /// URL for inputs that carry none.
    #[arg(long)]
    url: Option<String>,
    /// Source (outlet) name for inputs that carry none.
    #[arg(long)]
    source: Option<String>,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long)]
    threads: Option<usize>,
    /// Stop at the first unreadable record instead of skipping it.
    #[arg(long)]
    strict: bool,
}

/// Which dictionaries the coder uses.
#[derive(Args)]
struct CodingArgs {
    /// A directory of PETRARCH/TABARI-format dictionaries (files named *actors*.txt,
    /// *agents*.txt, *verbs*.txt or CAMEO*.txt, *discards*.txt). Each kind found there
    /// replaces Herald's built-in dictionary of that kind; repairs and skipped lines are
    /// reported on stderr.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
}

impl CodingArgs {
    fn load(&self) -> anyhow::Result<Dictionaries> {
        let Some(dir) = &self.dictionaries else {
            return Ok(Dictionaries::builtin().clone());
        };
        let (dictionaries, reports) = Dictionaries::from_petrarch_dir(dir)
            .map_err(|e| anyhow::anyhow!("--dictionaries: {e}"))?;
        for r in &reports {
            eprintln!("herald: {r}");
            for d in &r.defects {
                eprintln!("herald:   {}:{}: {}", r.path.display(), d.line, d.what);
            }
        }
        Ok(dictionaries)
    }
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    coding: CodingArgs,
    /// Output format of event records.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Also write article records (JSON Lines) to this file.
    #[arg(long)]
    articles: Option<PathBuf>,
}

/// Output format of `herald clean`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CleanFormat {
    /// One article record per line, with paragraph offsets.
    Jsonl,
    /// Title, metadata lines and the clean text, for reading.
    Text,
}

#[derive(Args)]
struct CleanArgs {
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: CleanFormat,
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    coding: CodingArgs,
    /// SQLite database file (created if missing).
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
}

#[derive(Args)]
struct QueryArgs {
    /// SQLite database file written by `herald run`.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Only events of this PLOVER type (e.g. ASSAULT).
    #[arg(long)]
    event: Option<String>,
    /// Only events with an actor, recipient or location in this country (ISO3) or IGO code.
    #[arg(long)]
    country: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Only events with this modality (asserted, historical, future, hypothetical,
    /// negated). Counts and maps should use `asserted`; the default returns all.
    #[arg(long)]
    modality: Option<String>,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// At most this many events.
    #[arg(long)]
    limit: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Run(a) => run(a),
        Command::Query(a) => query(a),
        Command::Clean(a) => clean(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Dictionaries(a) => convert_dictionaries(a),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("herald: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn setup(input: &InputArgs) -> anyhow::Result<BatchOptions> {
    if let Some(n) = input.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()?;
    }
    if let Some(p) = &input.published {
        parse_published(p).map_err(|e| anyhow::anyhow!("--published: {e}"))?;
    }
    Ok(BatchOptions {
        defaults: InputDefaults {
            published: input.published.clone(),
            url: input.url.clone(),
            source: input.source.clone(),
        },
        strict: input.strict,
    })
}

fn extract(args: ExtractArgs) -> anyhow::Result<i32> {
    let options = setup(&args.input)?;
    let dictionaries = args.coding.load()?;
    let stdout = std::io::stdout();
    let mut events = EventWriter::new(args.format, BufWriter::new(stdout.lock()));
    let mut articles = match &args.articles {
        Some(path) => Some(BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?,
        )),
        None => None,
    };
    let summary = run_batches(
        &args.input.inputs,
        &options,
        &dictionaries,
        || {},
        |batch| {
            for p in batch {
                for e in &p.events {
                    events
                        .write(e)
                        .map_err(|e| format!("cannot write to stdout: {e}"))?;
                }
                if let Some(out) = articles.as_mut() {
                    output::write_article(out, &p.article)
                        .map_err(|e| format!("cannot write articles: {e}"))?;
                }
            }
            Ok(())
        },
    );
    let summary = summary.map_err(|f| anyhow::anyhow!(f.0))?;
    events.flush()?;
    if let Some(mut a) = articles {
        a.flush()?;
    }
    summary.print("extract");
    Ok(summary.exit_code())
}

fn convert_dictionaries(args: DictionariesArgs) -> anyhow::Result<i32> {
    let read = |name: &str| -> anyhow::Result<String> {
        let path = args.from.join(name);
        let bytes = std::fs::read(&path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e} (point --from at the Phoenix dictionary folder)",
                path.display()
            )
        })?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let names = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ];
    let texts = names.map(read);
    let mut actor_files = Vec::new();
    for (name, text) in names.iter().zip(&texts) {
        let text = text.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        actor_files.push((*name, text.as_str()));
    }
    let agents = read("Phoenix.agents.txt")?;
    let conversion = herald_core::knowledge::petrarch::convert::phoenix(
        &actor_files,
        ("Phoenix.agents.txt", &agents),
    );
    std::fs::create_dir_all(&args.to)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", args.to.display()))?;
    for (file, text) in [
        ("actors.tsv", &conversion.actors),
        ("agents.tsv", &conversion.agents),
    ] {
        let path = args.to.join(file);
        std::fs::write(&path, text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    for note in &conversion.notes {
        eprintln!("herald dictionaries: {note}");
    }
    eprintln!(
        "herald dictionaries: wrote {} actor and {} agent entries to {} ({} lines repaired or left out)",
        conversion.actor_entries,
        conversion.agent_entries,
        args.to.display(),
        conversion.notes.len()
    );
    Ok(0)
}

fn clean(args: CleanArgs) -> anyhow::Result<i32> {
    let options = setup(&args.input)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let summary = batch::run_stage(
        &args.input.inputs,
        &options,
        herald_core::pipeline::clean_article,
        || {},
        |batch| {
            for a in batch {
                let written = match args.format {
                    CleanFormat::Jsonl => output::write_article_with_paragraphs(&mut out, a),
                    CleanFormat::Text => output::write_article_text(&mut out, a),
                };
                written.map_err(|e| format!("cannot write to stdout: {e}"))?;
            }
            Ok(())
        },
    )
    .map_err(|f| anyhow::anyhow!(f.0))?;
    out.flush()?;
    summary.print("clean");
    Ok(summary.exit_code())
}

fn run(args: RunArgs) -> anyhow::Result<i32> {
    let options = setup(&args.input)?;
    let dictionaries = args.coding.load()?;
    let mut store = Store::open(&args.db)?;
    let progress = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} records read, {elapsed}")
                .expect("valid template"),
        );
        Some(bar)
    } else {
        None
    };
    let mut outcome = herald_store::BatchOutcome::default();
    let summary = run_batches(
        &args.input.inputs,
        &options,
        &dictionaries,
        || {
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        },
        |batch| {
            let rows: Vec<_> = batch
                .iter()
                .map(|p| (p.article.clone(), p.events.clone()))
                .collect();
            let o = store.insert_batch(&rows).map_err(|e| e.to_string())?;
            outcome.add(o);
            Ok(())
        },
    )
    .map_err(|f| anyhow::anyhow!(f.0))?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    summary.print("run");
    eprintln!(
        "herald run: stored {} new articles and {} new events in {}; {} articles were already stored (nothing added for them)",
        outcome.articles_new,
        outcome.events_new,
        args.db.display(),
        outcome.articles_existing
    );
    print_digest(&store)?;
    Ok(summary.exit_code())
}

fn print_digest(store: &Store) -> anyhow::Result<()> {
    let d = store.digest()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Store: {} articles, {} events",
        d.totals.articles, d.totals.events
    )?;
    let modalities: Vec<String> = d
        .by_modality
        .iter()
        .filter(|m| m.events > 0)
        .map(|m| format!("{} {}", m.modality.as_str(), m.events))
        .collect();
    writeln!(out, "By modality: {}", modalities.join(", "))?;
    if let (Some(a), Some(b)) = (d.first_date, d.last_date) {
        writeln!(out, "Dates (asserted): {a} .. {b}")?;
    }
    writeln!(out, "Asserted events by type:")?;
    for t in &d.by_type {
        writeln!(out, "  {:<10} {}", t.event.as_str(), t.events)?;
    }
    writeln!(out, "Asserted events by actor/recipient country:")?;
    for c in d.by_country.iter().take(10) {
        writeln!(out, "  {:<10} {}", c.code, c.events)?;
    }
    writeln!(out, "Top locations:")?;
    for l in &d.top_locations {
        writeln!(
            out,
            "  {:<24} {:<4} {}",
            l.resolved_place,
            l.country_code.as_deref().unwrap_or("-"),
            l.events
        )?;
    }
    Ok(())
}

fn query(args: QueryArgs) -> anyhow::Result<i32> {
    if !args.db.exists() {
        anyhow::bail!(
            "no database at {} (create one with `herald run INPUT --db {}`)",
            args.db.display(),
            args.db.display()
        );
    }
    let date = |flag: &str, v: &Option<String>| -> anyhow::Result<_> {
        v.as_deref()
            .map(|s| parse_published(s).map_err(|e| anyhow::anyhow!("--{flag}: {e}")))
            .transpose()
    };
    let event = match &args.event {
        Some(name) => Some(EventType::parse(name).ok_or_else(|| {
            anyhow::anyhow!(
                "--event: `{name}` is not a PLOVER type (one of {})",
                EventType::ALL.map(|t| t.as_str()).join(", ")
            )
        })?),
        None => None,
    };
    let filter = EventFilter {
        event,
        country: args.country.clone(),
        since: date("since", &args.since)?,
        until: date("until", &args.until)?,
        modality: match args.modality.as_deref() {
            None => None,
            Some(m) => Some(serde_json::from_value(serde_json::Value::String(m.to_ascii_lowercase())).map_err(|_| {
                anyhow::anyhow!("--modality: `{m}` is not one of asserted, historical, future, hypothetical, negated")
            })?),
        },
        limit: args.limit,
    };
    let store = Store::open(&args.db)?;
    let events = store.query(&filter)?;
    let stdout = std::io::stdout();
    let mut w = EventWriter::new(args.format, BufWriter::new(stdout.lock()));
    for e in &events {
        w.write(e)?;
    }
    w.flush()?;
    eprintln!("herald query: {} events", events.len());
    Ok(0)
}
