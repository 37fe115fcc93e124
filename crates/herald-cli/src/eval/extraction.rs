//! Main-text extraction suites: how much of a page's article body Herald's clean stage
//! keeps, and how much else it lets through, each measured the way its benchmark does.
//!
//! - `extraction-aeb` — the Zyte/Scrapinghub article-extraction-benchmark (181 pages):
//!   `\w+` tokens, 4-token shingles as multisets; per page TP/FP/FN normalised to sum 1;
//!   precision and recall macro-averaged over the pages where they are defined; F1 of the
//!   two means (the benchmark's `evaluate.py`, re-implemented here).
//! - `extraction-trafilatura` — trafilatura's evaluation subset (472 pages): each
//!   "with" snippet found in the whitespace-normalised text is a true positive, each
//!   missing one a false negative; each "without" snippet found is a false positive, each
//!   absent one a true negative; counts summed over pages. `accuracy` is
//!   (TP + TN) / all snippets.
//! - `extraction-readability` — Mozilla Readability's test pages (130), against the text
//!   of `expected.html`, with the aeb shingle metric.
//!
//! The extracted text is the clean text's body (the title paragraph excluded, since none
//! of the golds count the headline as body).

use super::{default_data, gold_json, EvalArgs};
use anyhow::Context;
use herald_core::clean::clean;
use herald_core::model::{Origin, RawArticle, RawBody};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Reads a (possibly gzipped) page as text, decoded as the ingest stage decodes a saved
/// page (BOM, `<meta charset>`, else UTF-8 when valid, else detection), so the suites
/// measure what a user gets from `herald clean page.html`.
pub fn read_page(path: &Path) -> anyhow::Result<String> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{} is not valid gzip", path.display()))?;
        out
    } else {
        raw
    };
    Ok(
        match herald_core::ingest::charset::decode_html(&bytes, None, None) {
            Ok(decoded) => decoded.text,
            // Empty or binary: the page scores what an empty extraction scores.
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        },
    )
}

/// The body text Herald extracts from a page ("" when the page yields nothing).
pub fn extract_body(html: String, url: Option<&str>, name: &str) -> String {
    let raw = RawArticle {
        origin: Origin {
            path: name.to_string(),
            line: None,
        },
        url: url.map(str::to_string),
        title: None,
        published: None,
        source: None,
        body: RawBody::Html(html),
    };
    match clean(&raw) {
        Ok(c) => c.text[c.body_start.min(c.text.len())..].to_string(),
        Err(_) => String::new(),
    }
}

/// TP, FP, FN of 4-token shingles, normalised to sum to 1 (so long pages do not weigh
/// more), as the article-extraction-benchmark computes them.
pub fn shingle_match(truth: &str, pred: &str) -> (f64, f64, f64) {
    fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
        // `\w+`: runs of alphanumeric characters and underscores.
        let tokens: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .collect();
        let mut out = HashMap::new();
        let n = 4;
        let count = tokens.len().saturating_sub(n - 1).max(1);
        for i in 0..count {
            let shingle: Vec<&str> = tokens[i..(i + n).min(tokens.len())].to_vec();
            if !shingle.is_empty() {
                *out.entry(shingle).or_insert(0) += 1;
            }
        }
        out
    }
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fnn) = (0.0, 0.0, 0.0);
    for key in t.keys().chain(p.keys().filter(|k| !t.contains_key(*k))) {
        let (tc, pc) = (
            *t.get(key).unwrap_or(&0) as f64,
            *p.get(key).unwrap_or(&0) as f64,
        );
        tp += tc.min(pc);
        fp += (pc - tc).max(0.0);
        fnn += (tc - pc).max(0.0);
    }
    let sum = tp + fp + fnn;
    if sum > 0.0 {
        (tp / sum, fp / sum, fnn / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Macro precision, recall and F1 over pages, with the benchmark's edge cases.
pub fn macro_prf(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let precision_of = |&(tp, fp, fnn): &(f64, f64, f64)| {
        if fp == 0.0 && fnn == 0.0 {
            1.0
        } else if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    };
    let recall_of = |&(tp, fp, fnn): &(f64, f64, f64)| {
        if fp == 0.0 && fnn == 0.0 {
            1.0
        } else if tp == 0.0 && fnn == 0.0 {
            0.0
        } else {
            tp / (tp + fnn)
        }
    };
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let p = mean(
        pages
            .iter()
            .filter(|x| x.0 + x.1 > 0.0)
            .map(precision_of)
            .collect(),
    );
    let r = mean(
        pages
            .iter()
            .filter(|x| x.0 + x.2 > 0.0)
            .map(recall_of)
            .collect(),
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// With `--misses`, a page's shingle TP/FP/FN on stderr when it is not perfect.
fn print_page_miss(args: &EvalArgs, name: &str, (tp, fp, fnn): (f64, f64, f64)) {
    if args.misses && (fp > 0.0 || fnn > 0.0) {
        eprintln!("page\t{name}\ttp {tp:.3}\tfp {fp:.3}\tfn {fnn:.3}");
    }
}

pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Time spent inside Herald, not in reading the gold or scoring, for the pages/s figure.
#[derive(Default)]
pub struct HeraldTime(std::time::Duration);

impl HeraldTime {
    pub fn run<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let out = f();
        self.0 += started.elapsed();
        out
    }
}

pub fn report(
    args: &EvalArgs,
    mut fields: Value,
    herald: &HeraldTime,
    pages: usize,
) -> anyhow::Result<i32> {
    let secs = herald.0.as_secs_f64();
    fields["pages_per_second"] = json!(round3(pages as f64 / secs.max(1e-9)));
    if args.json {
        println!("{fields}");
    } else {
        for (k, v) in fields.as_object().expect("object") {
            println!("  {k:<18} {v}");
        }
    }
    Ok(0)
}

pub fn run_aeb(args: &EvalArgs) -> anyhow::Result<i32> {
    let (dir, truth): (_, HashMap<String, Value>) =
        gold_json(args, "article-extraction-benchmark", "ground-truth.json")?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let pages: Vec<(String, String, Option<String>)> = ids
        .iter()
        .map(|id| {
            let html = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
            let url = truth[*id]["url"].as_str().map(str::to_string);
            Ok(((*id).clone(), html, url))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut herald = HeraldTime::default();
    let scores: Vec<(f64, f64, f64)> = pages
        .into_iter()
        .map(|(id, html, url)| {
            let body = herald.run(|| extract_body(html, url.as_deref(), &id));
            let m = shingle_match(truth[&id]["articleBody"].as_str().unwrap_or(""), &body);
            print_page_miss(args, &id, m);
            m
        })
        .collect();
    let (p, r, f1) = macro_prf(&scores);
    let fields = json!({"suite": "extraction-aeb", "n": scores.len(), "precision": round3(p), "recall": round3(r), "f1": round3(f1)});
    report(args, fields, &herald, scores.len())
}

/// Collapses runs of whitespace to one space, as trafilatura's evaluation does.
fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run_trafilatura(args: &EvalArgs) -> anyhow::Result<i32> {
    let (dir, gold): (_, serde_json::Map<String, Value>) =
        gold_json(args, "trafilatura-eval", "evaldata.subset.json")?;
    let mut urls: Vec<&String> = gold.keys().collect();
    urls.sort();
    let mut pages = Vec::new();
    for url in urls {
        let file = gold[url]["file"].as_str().unwrap_or_default();
        let path = dir.join("html").join(format!("{file}.gz"));
        let path = if path.exists() {
            path
        } else {
            dir.join("html").join(file)
        };
        pages.push((url.clone(), file.to_string(), read_page(&path)?));
    }
    let mut herald = HeraldTime::default();
    let (mut tp, mut fnn, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let n = pages.len();
    for (url, file, html) in pages {
        let body = normalise_space(&herald.run(|| extract_body(html, Some(&url), &url)));
        let snippets = |key: &str| -> Vec<String> {
            gold[&url][key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(normalise_space)
                        .collect()
                })
                .unwrap_or_default()
        };
        for s in snippets("with") {
            if body.contains(&s) {
                tp += 1;
            } else {
                fnn += 1;
                if args.misses {
                    eprintln!("missed\t{file}\t{s}");
                }
            }
        }
        for s in snippets("without") {
            if body.contains(&s) {
                fp += 1;
                if args.misses {
                    eprintln!("kept\t{file}\t{s}");
                }
            } else {
                tn += 1;
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let accuracy = (tp + tn) as f64 / (tp + tn + fp + fnn).max(1) as f64;
    let fields = json!({"suite": "extraction-trafilatura", "n": n, "precision": round3(p), "recall": round3(r), "f1": round3(f1), "accuracy": round3(accuracy)});
    report(args, fields, &herald, n)
}

/// The text of an HTML fragment: the contents of its block elements, one per paragraph.
fn fragment_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    doc.root_element().text().collect::<Vec<_>>().join(" ")
}

pub fn run_readability(args: &EvalArgs) -> anyhow::Result<i32> {
    let dir = args
        .data
        .clone()
        .unwrap_or_else(|| default_data("readability-test-pages"));
    let pages_dir = dir.join("pages");
    let mut names: Vec<_> = std::fs::read_dir(&pages_dir)
        .with_context(|| {
            format!(
                "cannot list {} (point --data at readability-test-pages)",
                pages_dir.display()
            )
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    let mut pages = Vec::new();
    for page in names {
        let source = read_page(&page.join("source.html.gz"))?;
        let expected = fragment_text(&read_page(&page.join("expected.html.gz"))?);
        pages.push((page.display().to_string(), source, expected));
    }
    let mut herald = HeraldTime::default();
    let scores: Vec<(f64, f64, f64)> = pages
        .into_iter()
        .map(|(name, source, expected)| {
            let body = herald.run(|| extract_body(source, None, &name));
            let m = shingle_match(&expected, &body);
            print_page_miss(args, &name, m);
            m
        })
        .collect();
    let (p, r, f1) = macro_prf(&scores);
    let fields = json!({"suite": "extraction-readability", "n": scores.len(), "precision": round3(p), "recall": round3(r), "f1": round3(f1)});
    report(args, fields, &herald, scores.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_metric_matches_the_benchmark_definition() {
        let truth = "Police fired tear gas at opposition supporters in Nairobi on Tuesday.";
        assert_eq!(shingle_match(truth, truth), (1.0, 0.0, 0.0));
        // Extra menu text lowers precision, not recall.
        let (tp, fp, fnn) = shingle_match(truth, &format!("Home News Sport Weather {truth}"));
        assert!(tp > 0.0 && fp > 0.0 && fnn == 0.0);
        let (p, r, _) = macro_prf(&[(tp, fp, fnn)]);
        assert!(p < 1.0 && r == 1.0);
        // Nothing extracted: recall 0; precision undefined, so the page is left out of it.
        let empty = shingle_match(truth, "");
        assert_eq!(empty, (0.0, 0.0, 1.0));
        let (p, r, _) = macro_prf(&[empty, (1.0, 0.0, 0.0)]);
        assert_eq!((p, r), (1.0, 0.5));
    }
}
