//! `pubdate`: publication day of 200 MediaCloud news pages (htmldate's evaluation set,
//! the `.clean.json` where undeterminable dates are `null`). A page counts as right when
//! Herald's day equals the gold day, or when both have none.

use super::extraction::{report, round3, HeraldTime};
use super::{gold_json, EvalArgs};
use herald_core::clean::clean;
use herald_core::model::{Origin, RawArticle, RawBody};
use herald_core::pipeline::page_publication_day;
use serde_json::{json, Value};

pub fn run(args: &EvalArgs) -> anyhow::Result<i32> {
    let (dir, gold): (_, serde_json::Map<String, Value>) = gold_json(
        args,
        "htmldate-mediacloud",
        "eval_mediacloud_2020.clean.json",
    )?;
    let mut urls: Vec<&String> = gold.keys().collect();
    urls.sort();
    let mut pages = Vec::new();
    for url in urls {
        let file = gold[url]["file"].as_str().unwrap_or_default();
        let html = super::extraction::read_page(&dir.join("html").join(format!("{file}.gz")))?;
        pages.push((
            url.clone(),
            html,
            gold[url]["date"].as_str().map(str::to_string),
        ));
    }
    let mut herald = HeraldTime::default();
    let n = pages.len();
    let (mut right, mut found, mut misses) = (0usize, 0usize, Vec::new());
    for (url, html, truth) in pages {
        let raw = RawArticle {
            origin: Origin {
                path: url.clone(),
                line: None,
            },
            url: Some(url.clone()),
            title: None,
            published: None,
            source: None,
            body: RawBody::Html(html),
        };
        // The pipeline's own rule: the page's date if it parses, else the URL's.
        let day = herald.run(|| {
            clean(&raw)
                .ok()
                .and_then(|c| page_publication_day(&c, Some(&url)))
                .map(|d| d.to_string())
        });
        found += usize::from(day.is_some());
        if day == truth {
            right += 1;
        } else {
            misses.push(format!("{url}: gold {truth:?}, got {day:?}"));
        }
    }
    let fields = json!({
        "suite": "pubdate",
        "n": n,
        "accuracy": round3(right as f64 / n.max(1) as f64),
        "found": found,
    });
    report(args, fields, &herald, n)?;
    if args.misses && !args.json {
        for m in misses {
            println!("  miss {m}");
        }
    }
    Ok(0)
}
