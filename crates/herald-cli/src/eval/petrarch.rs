//! PETRARCH2's unit-test records (`PETR.UnitTest.records.xml`, 284 fictional Middle-earth
//! sentences) coded with the toy dictionaries beside them (`PETR.Validate.*.txt`), loaded
//! the way `herald extract --dictionaries DIR` loads a user's files. It tests coder
//! mechanics — compounds, agents, synsets, patterns, passives, dated actor codes,
//! discards — not CAMEO coverage.
//!
//! Each record is coded from its `<Text>` alone (never its `<Parse>`), as a one-sentence
//! article published on the record's `date`. Herald's answer is the set of
//! (source, target, code) triples of all its events: an actor's code string is its
//! country block (`---` when none) followed by its sectors (`ARNGOV`, `---GOV`); an event
//! with several actors or recipients gives one triple per pair, as PETRARCH expands
//! compounds. As in PETRARCH's default (`require_dyad`), an event gives triples only when
//! it has a coded source and a coded target (a name the dictionaries do not know is not
//! coded), and, as in TABARI and PETRARCH, no event between an actor and itself; gold
//! triples with a `---` side (some records were made without `require_dyad`) therefore
//! count as misses.
//!
//! Figures: micro precision, recall and F1 of those triples against the gold triples
//! over all scored records; `false_positives` counts triples coded on records that expect
//! none (`noevents="True"`, and the discard errors below).
//!
//! Error records (`<EventCoding error="…">`) say what PETRARCH must refuse: `storydiscard`
//! and `sentencediscard` expect no event (the discards file must stop them) and are scored
//! like `noevents` records; `dateline` and `bad_input_parse` are about PETRARCH's input
//! format (a malformed parse tree, a story without a dateline) and say nothing about coding
//! a text, so they are left out of the score and counted as `skipped_errors`. Records
//! without any `<EventCoding>` expect no event. A few gold codes can never be produced by
//! a dictionary coder (`###`, or the quoted text of an actor the dictionaries lack, such
//! as `"INJURY TOLL"`); they stay in the gold and count as misses.

use super::{default_data, print_figures, EvalArgs};
use anyhow::Context;
use herald_core::extract::events::dictionaries::Dictionaries;
use herald_core::model::{ActorRecord, Article};
use herald_core::pipeline::code_with;
use serde_json::json;
use std::collections::BTreeSet;

const RECORDS: &str = "PETR.UnitTest.records.xml";

type Triple = (String, String, String);

/// What a record expects.
enum Expect {
    Triples(BTreeSet<Triple>),
    /// No event (`noevents`, discard errors, no coding given).
    Nothing,
    /// A parse or input error: not scored.
    Skip,
}

struct Record {
    id: String,
    date: Option<chrono::NaiveDate>,
    text: String,
    expect: Expect,
}

/// `name="value"`, `name = 'value'` pairs of one tag.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let body = &after[1..];
        let Some(close) = body.find(quote) else { break };
        out.push((name, unescape(&body[..close])));
        rest = &body[close + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Removes `<!-- … -->` comments (some hold commented-out codings).
fn without_comments(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open..].find("-->") {
            Some(close) => rest = &rest[open + close + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn parse(xml: &str) -> Vec<Record> {
    let xml = without_comments(xml);
    let mut out = Vec::new();
    let mut rest = xml.as_str();
    while let Some(open) = rest.find("<Sentence ") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let end = after.find("</Sentence>").unwrap_or(after.len());
        let attrs = attributes(&after[..tag_end]);
        let body = &after[tag_end + 1..end];
        rest = &after[end..];
        let get = |attrs: &[(String, String)], k: &str| {
            attrs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.clone())
        };
        let text = body
            .find("<Text>")
            .and_then(|s| {
                let t = &body[s + 6..];
                t.find("</Text>").map(|e| &t[..e])
            })
            .map(|t| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let mut triples = BTreeSet::new();
        let mut nothing = false;
        let mut skip = false;
        let mut codings = body;
        while let Some(k) = codings.find("<EventCoding") {
            let c = &codings[k..];
            let close = c.find('>').unwrap_or(c.len());
            let a = attributes(&c[..close]);
            codings = &c[close..];
            if get(&a, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                nothing = true;
            } else if let Some(error) = get(&a, "error") {
                if error.contains("discard") {
                    nothing = true;
                } else {
                    skip = true;
                }
            } else if let (Some(s), Some(t), Some(e)) = (
                get(&a, "sourcecode"),
                get(&a, "targetcode"),
                get(&a, "eventcode"),
            ) {
                triples.insert((s, t, e));
            }
        }
        let expect = if skip {
            Expect::Skip
        } else if triples.is_empty() || nothing {
            Expect::Nothing
        } else {
            Expect::Triples(triples)
        };
        out.push(Record {
            id: get(&attrs, "id").unwrap_or_else(|| "?".into()),
            date: get(&attrs, "date")
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
            text,
            expect,
        });
    }
    out
}

/// `ARN` + [`GOV`] → `ARNGOV`; no country → `---GOV`.
fn code_string(a: &ActorRecord) -> String {
    let mut s = a.code.clone().unwrap_or_else(|| "---".into());
    for sector in &a.sector {
        s.push_str(sector);
    }
    s
}

fn triples(article: &Article, dictionaries: &Dictionaries) -> BTreeSet<Triple> {
    let mut out = BTreeSet::new();
    // A name the dictionaries do not know (no code, no sector) is not a coded actor.
    let coded = |list: &[ActorRecord]| -> Vec<String> {
        list.iter()
            .filter(|a| a.code.is_some() || !a.sector.is_empty())
            .map(code_string)
            .collect()
    };
    for e in code_with(article, dictionaries) {
        let cameo = e.cameo.clone().unwrap_or_default();
        for s in coded(&e.actor) {
            for t in coded(&e.recipient) {
                if s != t {
                    out.insert((s.clone(), t.clone(), cameo.clone()));
                }
            }
        }
    }
    out
}

fn show(set: &BTreeSet<Triple>) -> String {
    set.iter()
        .map(|(s, t, e)| format!("{s}>{t}:{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn run(args: &EvalArgs) -> anyhow::Result<i32> {
    let dir = args
        .data
        .clone()
        .unwrap_or_else(|| default_data("petrarch2-unittests"));
    let path = dir.join(RECORDS);
    let xml = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {} (point --data at the petrarch2-unittests folder holding {RECORDS} \
             and the PETR.Validate.*.txt dictionaries)",
            path.display()
        )
    })?;
    let records = parse(&xml);
    anyhow::ensure!(
        !records.is_empty(),
        "{}: no <Sentence> records found",
        path.display()
    );
    let (dictionaries, reports) = Dictionaries::from_petrarch_dir(&dir)
        .with_context(|| format!("cannot load the dictionaries in {}", dir.display()))?;
    if !args.json {
        for r in &reports {
            println!("{r}");
        }
    }
    let started = std::time::Instant::now();
    let (mut tp, mut predicted, mut gold_total) = (0usize, 0usize, 0usize);
    let (mut n, mut skipped, mut false_positives, mut nothing_records) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for r in &records {
        let gold = match &r.expect {
            Expect::Skip => {
                skipped += 1;
                continue;
            }
            Expect::Nothing => {
                nothing_records += 1;
                BTreeSet::new()
            }
            Expect::Triples(t) => t.clone(),
        };
        n += 1;
        let article = Article {
            id: format!("a-{}", r.id),
            url: None,
            title: None,
            published: r.date,
            source: None,
            authors: Vec::new(),
            language: "en".into(),
            text: r.text.clone(),
            body_start: 0,
            duplicate_of: None,
            story_id: None,
            origin: None,
        };
        let got = triples(&article, &dictionaries);
        let hits = got.intersection(&gold).count();
        tp += hits;
        predicted += got.len();
        gold_total += gold.len();
        if gold.is_empty() {
            false_positives += got.len();
        }
        if got != gold {
            misses.push(format!(
                "{}\n  gold: {}\n  got:  {}\n  text: {}",
                r.id,
                show(&gold),
                show(&got),
                r.text
            ));
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, predicted);
    let recall = ratio(tp, gold_total);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let report = json!({
        "suite": "petrarch",
        "n": n,
        "precision": round(precision),
        "recall": round(recall),
        "f1": round(f1),
        "false_positives": false_positives,
        "gold_triples": gold_total,
        "predicted_triples": predicted,
        "true_positives": tp,
        "no_event_records": nothing_records,
        "skipped_errors": skipped,
        "records_missed": misses.len(),
        "sentences_per_second": round(n as f64 / secs.max(1e-9)),
    });
    if args.misses {
        for m in &misses {
            eprintln!("{m}");
        }
    }
    if args.json {
        println!("{report}");
        return Ok(0);
    }
    print_figures(
        &format!("PETRARCH unit-test records ({n} scored, {skipped} input errors skipped)"),
        &report,
        &[
            "precision",
            "recall",
            "f1",
            "false_positives",
            "gold_triples",
            "predicted_triples",
            "records_missed",
        ],
    );
    Ok(0)
}
