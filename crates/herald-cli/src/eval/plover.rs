//! The PLOVER gold standard: 322 English sentences (CAMEO manual examples) coded in
//! PLOVER 0.5b1 (2016), in `PLOVER_GSR_CAMEO.json`. The 2016 names are mapped to v2.0
//! (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
//!
//! Each sentence is coded alone, as a one-sentence article published on the record's
//! date. Herald's answer for a sentence is its first event in text order (the coder already
//! keeps one event per clause, so this is the main clause's event).
//! Figures:
//! - `event_accuracy`: sentences whose answer has the gold type / all sentences.
//! - `actor_f1`, `recipient_f1`: micro F1 over (country code, first sector) pairs of the
//!   answer's actor (recipient) list against the gold list; a missing sector is its own
//!   value, so "Israel" (no sector) does not match "Israeli forces" (MIL). The gold writes
//!   every international body as `IGO`; Herald's body codes (`UNO`, `EU`, …) are mapped to
//!   `IGO` for the comparison.
//! - `actor_code_f1`, `recipient_code_f1`: the same over codes alone.
//! - `extra_event_rate`: events beyond the gold count (one per sentence here), summed
//!   over sentences, divided by the number of sentences.
//! - `mode_accuracy`: over sentences whose gold has a mode, the answer's first mode equals
//!   it (2016 mode names mapped to v2.0 by `mode_v2`; COERCE `curfew` and `martial-law` are
//!   v2.0 modes, THREATEN `curfew`/`martial-law` become `restrict`).

use super::{gold_json, print_figures, EvalArgs};
use herald_core::extract::events::dictionaries::Dictionaries;
use herald_core::model::{Article, Event, EventType};
use herald_core::pipeline::code_with;
use serde_json::{json, Value};
use std::collections::BTreeMap;

struct Gold {
    id: String,
    text: String,
    date: Option<chrono::NaiveDate>,
    event: EventType,
    mode: Option<String>,
    source: Vec<(String, String)>,
    target: Vec<(String, String)>,
    /// The gold's contexts under [`context_family`] names (empty when it gives none that
    /// PLOVER v2.0 has).
    context: Vec<String>,
}

/// A context under the name both sides are compared by. The 2016 gold uses a few older
/// names ("refugee", "resource", "political", "government", "rights"); its "rights" covers
/// both of v2.0's `human_rights` and `rights_freedoms`, so those are one family. `None`
/// for names with no v2.0 counterpart ("assets", "foreign", "unknown") and for
/// "historical", which v2.0 makes an auxiliary mode (Herald's `modality`).
fn context_family(name: &str) -> Option<&'static str> {
    Some(match name.trim().to_lowercase().as_str() {
        "refugee" | "refugees" | "migration" => "migration",
        "resource" | "resources" | "natural_resource" => "natural_resource",
        "political" | "politics" | "political_institutions" => "political_institutions",
        "government" | "executive" => "executive",
        "rights" | "human_rights" | "rights_freedoms" => "rights",
        "discrimination" | "religion" | "religion_ethnicity" => "religion_ethnicity",
        other => herald_core::extract::events::contexts::CONTEXTS
            .iter()
            .find(|c| **c == other && other != "historical")?,
    })
}

fn context_families<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = names
        .into_iter()
        .filter_map(context_family)
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn actors(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .map(|a| {
            let code = a
                .get("code")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_uppercase();
            let sector = a.get("sector").and_then(Value::as_str).unwrap_or("").trim();
            // Gold sectors sometimes carry a suffix ("ELIyor"): the first three letters are the sector.
            let sector: String = sector.chars().take(3).collect::<String>().to_uppercase();
            (code, sector)
        })
        .collect()
}

/// The 2016 (0.5b1) modes of the gold under their PLOVER v2.0 names; `None` where v2.0
/// has no such mode ("other").
fn mode_v2(event: EventType, mode: &str) -> Option<String> {
    let m = match mode {
        "curfew" | "martial-law" if event == EventType::Coerce => mode,
        "demo-org" | "demo-spon" => "demo",
        "riot-spon" => "riot",
        "strike-gen" => "strike",
        "strike-hun" => "hunger",
        "host" => "visit",
        "assassinate" => "targeted",
        "confiscate" => "seize",
        "detain" => "arrest",
        "ban" | "curfew" | "martial-law" | "political" => "restrict",
        "other" => return None,
        m => m,
    };
    Some(m.to_string())
}

fn load(args: &EvalArgs) -> anyhow::Result<Vec<Gold>> {
    let (_, records): (_, Vec<Value>) = gold_json(args, "plover", "PLOVER_GSR_CAMEO.json")?;
    let mut out = Vec::new();
    for r in records {
        let Some(event) = r
            .get("event")
            .and_then(Value::as_str)
            .and_then(EventType::parse)
        else {
            continue; // the DOCUMENT header record
        };
        out.push(Gold {
            id: r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            text: r
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            date: r
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            event,
            mode: r
                .get("mode")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .and_then(|m| mode_v2(event, m)),
            source: actors(r.get("source")),
            target: actors(r.get("target")),
            context: context_families(
                r.get("context")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .split(','),
            ),
        });
    }
    Ok(out)
}

#[derive(Default)]
struct Prf {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Prf {
    fn add(&mut self, pred: &[(String, String)], gold: &[(String, String)]) {
        let mut left: Vec<&(String, String)> = gold.iter().collect();
        for p in pred {
            if let Some(i) = left.iter().position(|g| *g == p) {
                left.remove(i);
                self.tp += 1;
            }
        }
        self.pred += pred.len();
        self.gold += gold.len();
    }
    fn f1(&self) -> f64 {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Codes of international bodies in Herald's dictionary (`UNO`, `EU`, `NATO`, …). The
/// 2016 gold writes all of them as `IGO`; Herald names the body, so for scoring its codes
/// are mapped to `IGO`.
fn igo_codes() -> std::collections::HashSet<String> {
    use herald_core::knowledge::actors::{ActorKind, ActorLexicon};
    ActorLexicon::builtin()
        .entries()
        .filter(|(_, e)| e.kind == ActorKind::Igo)
        .filter_map(|(_, e)| e.code.clone())
        .collect()
}

fn pairs(
    list: &[herald_core::model::ActorRecord],
    igos: &std::collections::HashSet<String>,
) -> Vec<(String, String)> {
    list.iter()
        .map(|a| {
            let code = a.code.clone().unwrap_or_default();
            let mut sector = a.sector.first().cloned().unwrap_or_default();
            let code = if igos.contains(&code) {
                // The gold gives a body no sector of its own ("IGO", not "IGO/IGO").
                if sector == "IGO" {
                    sector.clear();
                }
                "IGO".to_string()
            } else {
                code
            };
            (code, sector)
        })
        .collect()
}

/// Precision per confidence decile: a calibrated coder's answers in the 0.8–0.9 decile
/// have the gold type about 85% of the time. Empty deciles are left out.
fn calibration(deciles: &[(usize, usize); 10]) -> Value {
    Value::Array(
        deciles
            .iter()
            .enumerate()
            .filter(|(_, (answers, _))| *answers > 0)
            .map(|(i, &(answers, right))| {
                json!({
                    "from": i as f64 / 10.0,
                    "to": (i + 1) as f64 / 10.0,
                    "n": answers,
                    "precision": (right as f64 / answers as f64 * 1000.0).round() / 1000.0,
                })
            })
            .collect(),
    )
}

fn codes(list: &[(String, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, _)| (c.clone(), String::new()))
        .collect()
}

pub fn run(args: &EvalArgs) -> anyhow::Result<i32> {
    let gold = load(args)?;
    let dictionaries = match &args.dictionaries {
        None => Dictionaries::builtin().clone(),
        Some(dir) => {
            Dictionaries::from_petrarch_dir(dir)
                .map_err(|e| anyhow::anyhow!("--dictionaries: {e}"))?
                .0
        }
    };
    let igos = igo_codes();
    // Compile the built-in knowledge before timing: the speed figure is the coder's.
    let _ = herald_core::knowledge::actors::ActorLexicon::builtin();
    let _ = herald_core::knowledge::gazetteer::gazetteer();
    let started = std::time::Instant::now();
    let mut correct = 0usize;
    let mut extra = 0usize;
    let mut total_events = 0usize;
    let (mut actor, mut recipient, mut actor_code, mut recipient_code) = (
        Prf::default(),
        Prf::default(),
        Prf::default(),
        Prf::default(),
    );
    let (mut mode_n, mut mode_ok) = (0usize, 0usize);
    // Contexts, over the sentences whose gold gives one: (label, "") pairs so that `Prf`
    // scores them like actors.
    let mut context = Prf::default();
    // The 2016 gold knows 14 of v2.0's 37 contexts; a context it never uses (territory,
    // crime, peacekeeping, …) cannot be right or wrong against it, so it is not scored.
    let gold_contexts: std::collections::HashSet<&str> = gold
        .iter()
        .flat_map(|g| g.context.iter().map(String::as_str))
        .collect();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut misses = Vec::new();
    // Per confidence decile of the answer: (answers, answers of the gold type).
    let mut deciles = [(0usize, 0usize); 10];
    for g in &gold {
        let article = Article {
            id: format!("a-{}", g.id),
            url: None,
            title: None,
            published: g.date,
            source: None,
            authors: Vec::new(),
            language: "en".into(),
            text: g.text.clone(),
            body_start: 0,
            duplicate_of: None,
            story_id: None,
            origin: None,
        };
        let events = code_with(&article, &dictionaries);
        total_events += events.len();
        extra += events.len().saturating_sub(1);
        let answer: Option<&Event> = events.first();
        let predicted = answer
            .map(|e| e.event.as_str().to_string())
            .unwrap_or_else(|| "NONE".into());
        *confusion
            .entry((g.event.as_str().to_string(), predicted.clone()))
            .or_insert(0) += 1;
        let (pa, pr) = answer
            .map(|e| (pairs(&e.actor, &igos), pairs(&e.recipient, &igos)))
            .unwrap_or_default();
        actor.add(&pa, &g.source);
        recipient.add(&pr, &g.target);
        actor_code.add(&codes(&pa), &codes(&g.source));
        recipient_code.add(&codes(&pr), &codes(&g.target));
        if let Some(e) = answer {
            let bin = ((e.confidence * 10.0).floor() as usize).min(9);
            deciles[bin].0 += 1;
            if e.event == g.event {
                deciles[bin].1 += 1;
            }
        }
        if answer.is_some_and(|e| e.event == g.event) {
            correct += 1;
            if pa != g.source || pr != g.target {
                let show = |v: &[(String, String)]| {
                    v.iter()
                        .map(|(c, s)| format!("{c}/{s}"))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let texts = |v: &[herald_core::model::ActorRecord]| {
                    v.iter()
                        .map(|a| a.entity_text.clone())
                        .collect::<Vec<_>>()
                        .join(" + ")
                };
                let e = answer.expect("checked");
                misses.push(format!(
                    "{} actors gold [{}] -> [{}] got [{}] -> [{}] ({} -> {}): {}",
                    g.id,
                    show(&g.source),
                    show(&g.target),
                    show(&pa),
                    show(&pr),
                    texts(&e.actor),
                    texts(&e.recipient),
                    g.text
                ));
            }
        } else {
            misses.push(format!(
                "{} gold {} got {}: {}",
                g.id,
                g.event.as_str(),
                predicted,
                g.text
            ));
        }
        if !g.context.is_empty() {
            let as_pairs = |v: &[String]| -> Vec<(String, String)> {
                v.iter().map(|c| (c.clone(), String::new())).collect()
            };
            let mut predicted = answer
                .map(|e| context_families(e.context.iter().map(String::as_str)))
                .unwrap_or_default();
            predicted.retain(|c| gold_contexts.contains(c.as_str()));
            context.add(&as_pairs(&predicted), &as_pairs(&g.context));
        }
        if let Some(m) = &g.mode {
            mode_n += 1;
            if answer.and_then(|e| e.mode.first()) == Some(m) {
                mode_ok += 1;
            }
        }
    }
    let n = gold.len();
    let secs = started.elapsed().as_secs_f64();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let report = json!({
        "suite": "plover",
        "n": n,
        "event_accuracy": round(ratio(correct, n)),
        "actor_f1": round(actor.f1()),
        "recipient_f1": round(recipient.f1()),
        "actor_code_f1": round(actor_code.f1()),
        "recipient_code_f1": round(recipient_code.f1()),
        "extra_event_rate": round(ratio(extra, n)),
        "mode_accuracy": round(ratio(mode_ok, mode_n)),
        "mode_n": mode_n,
        "context_precision": round(ratio(context.tp, context.pred)),
        "context_recall": round(ratio(context.tp, context.gold)),
        "context_f1": round(context.f1()),
        "events": total_events,
        "sentences_per_second": round(n as f64 / secs.max(1e-9)),
        "calibration": calibration(&deciles),
    });
    if args.json {
        println!("{report}");
        return Ok(0);
    }
    print_figures(
        &format!("PLOVER gold ({n} sentences)"),
        &report,
        &[
            "event_accuracy",
            "actor_f1",
            "recipient_f1",
            "actor_code_f1",
            "recipient_code_f1",
            "extra_event_rate",
            "mode_accuracy",
            "context_precision",
            "context_recall",
            "context_f1",
        ],
    );
    println!("\nConfusion (gold → predicted):");
    let mut by_gold: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
    for ((g, p), c) in &confusion {
        by_gold
            .entry(g.as_str())
            .or_default()
            .push((p.as_str(), *c));
    }
    for (g, mut row) in by_gold {
        row.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let cells: Vec<String> = row.iter().map(|(p, c)| format!("{p} {c}")).collect();
        println!("  {g:<10} {}", cells.join(", "));
    }
    println!("\nCalibration (answer confidence → share of answers with the gold type):");
    for (i, &(answers, right)) in deciles.iter().enumerate() {
        if answers > 0 {
            println!(
                "  {:.1}–{:.1}  {:>4} answers  precision {:.3}",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0,
                answers,
                right as f64 / answers as f64
            );
        }
    }
    if args.misses {
        println!("\nMisses:");
        for m in misses {
            println!("  {m}");
        }
    }
    Ok(0)
}
