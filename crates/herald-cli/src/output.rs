//! Writers for event and article records: JSON Lines (the contract) and CSV (one flat
//! row per event, for spreadsheets and R/pandas users).

use herald_core::model::{ActorRecord, Article, Event};
use std::io::Write;

/// Output format of event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// Writes events in one format; CSV writes its header before the first row.
pub struct EventWriter<W: Write> {
    inner: Inner<W>,
    header_written: bool,
}

enum Inner<W: Write> {
    Jsonl(W),
    // Boxed: the CSV writer carries its own buffer and would bloat every `Inner`.
    Csv(Box<csv::Writer<W>>),
}

const CSV_HEADER: &[&str] = &[
    "id",
    "article_id",
    "event",
    "mode",
    "context",
    "cameo",
    "quad_code",
    "modality",
    "date",
    "date_precision",
    "date_text",
    "actor_text",
    "actor_code",
    "actor_sector",
    "actor_name",
    "recipient_text",
    "recipient_code",
    "recipient_sector",
    "recipient_name",
    "place",
    "geonameid",
    "lat",
    "lon",
    "admin1",
    "country_code",
    "resolution",
    "dead",
    "injured",
    "arrested",
    "event_text",
    "event_start",
    "event_end",
    "sentence",
    "url",
    "published",
    "sources",
    "confidence",
];

fn join_actors(actors: &[ActorRecord], f: impl Fn(&ActorRecord) -> String) -> String {
    actors.iter().map(f).collect::<Vec<_>>().join("|")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl<W: Write> EventWriter<W> {
    pub fn new(format: Format, out: W) -> EventWriter<W> {
        let inner = match format {
            Format::Jsonl => Inner::Jsonl(out),
            Format::Csv => Inner::Csv(Box::new(csv::Writer::from_writer(out))),
        };
        EventWriter {
            inner,
            header_written: false,
        }
    }

    pub fn write(&mut self, e: &Event) -> std::io::Result<()> {
        match &mut self.inner {
            Inner::Jsonl(out) => {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")
            }
            Inner::Csv(w) => {
                if !self.header_written {
                    w.write_record(CSV_HEADER)?;
                    self.header_written = true;
                }
                let loc = e.event_loc.as_ref();
                let row: Vec<String> = vec![
                    e.id.clone(),
                    e.article_id.clone(),
                    e.event.as_str().to_string(),
                    e.mode.join("|"),
                    e.context.join("|"),
                    opt(&e.cameo),
                    e.quad_code.to_string(),
                    e.modality.as_str().to_string(),
                    opt(&e.date),
                    e.date_precision
                        .map(|p| p.as_str().to_string())
                        .unwrap_or_default(),
                    e.date_text
                        .as_ref()
                        .map(|d| d.text.clone())
                        .unwrap_or_default(),
                    join_actors(&e.actor, |a| a.entity_text.clone()),
                    join_actors(&e.actor, |a| opt(&a.code)),
                    join_actors(&e.actor, |a| a.sector.join(";")),
                    join_actors(&e.actor, |a| opt(&a.name)),
                    join_actors(&e.recipient, |a| a.entity_text.clone()),
                    join_actors(&e.recipient, |a| opt(&a.code)),
                    join_actors(&e.recipient, |a| a.sector.join(";")),
                    join_actors(&e.recipient, |a| opt(&a.name)),
                    loc.map(|l| {
                        l.resolved_place
                            .clone()
                            .unwrap_or_else(|| l.extracted_place.clone())
                    })
                    .unwrap_or_default(),
                    loc.map(|l| opt(&l.geonameid)).unwrap_or_default(),
                    loc.map(|l| opt(&l.lat)).unwrap_or_default(),
                    loc.map(|l| opt(&l.lon)).unwrap_or_default(),
                    loc.map(|l| opt(&l.admin1)).unwrap_or_default(),
                    loc.map(|l| opt(&l.country_code)).unwrap_or_default(),
                    loc.map(|l| l.resolution.to_string()).unwrap_or_default(),
                    opt(&e.size.dead),
                    opt(&e.size.injured),
                    opt(&e.size.arrested),
                    e.event_text.text.clone(),
                    e.event_text.start.to_string(),
                    e.event_text.end.to_string(),
                    e.text_info.text.clone(),
                    opt(&e.cite_info.url),
                    opt(&e.cite_info.published),
                    e.sources.to_string(),
                    format!("{:.2}", e.confidence),
                ];
                w.write_record(&row)?;
                Ok(())
            }
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.inner {
            Inner::Jsonl(out) => out.flush(),
            Inner::Csv(w) => w.flush(),
        }
    }
}

/// Writes one article record as a JSON line (DESIGN.md's article record).
pub fn write_article(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, a)?;
    out.write_all(b"\n")
}

/// The paragraphs of a clean text as code-point ranges (blank-line separated blocks; the
/// title is the first when the article has one).
pub fn paragraph_offsets(text: &str) -> Vec<[usize; 2]> {
    let index = herald_core::model::CharIndex::new(text);
    let mut out = Vec::new();
    let mut start = 0;
    for block in text.split("\n\n") {
        let end = start + block.len();
        if !block.trim().is_empty() {
            out.push([index.char_offset(start), index.char_offset(end)]);
        }
        start = end + 2;
    }
    out
}

/// An article record with its paragraph offsets (`herald clean --format jsonl`).
pub fn write_article_with_paragraphs(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    let mut record = serde_json::to_value(a)?;
    record["paragraphs"] = serde_json::json!(paragraph_offsets(&a.text));
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

/// An article for reading (`herald clean --format text`).
pub fn write_article_text(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "# {}", a.title.as_deref().unwrap_or("(no title)"))?;
    writeln!(out, "id: {}", a.id)?;
    if let Some(url) = &a.url {
        writeln!(out, "url: {url}")?;
    }
    if let Some(p) = a.published {
        writeln!(out, "published: {p}")?;
    }
    if let Some(source) = &a.source {
        writeln!(out, "source: {source}")?;
    }
    writeln!(out, "language: {}", a.language)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        &a.text[a.body_start.min(a.text.len())..].trim_start()
    )?;
    writeln!(out)
}
