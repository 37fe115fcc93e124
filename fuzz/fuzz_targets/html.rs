//! Any bytes as an HTML page through the clean stage and the whole pipeline: never a
//! panic, and every event's offsets lie inside the clean text.
#![no_main]
use herald_core::model::{Origin, RawArticle, RawBody};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = RawArticle {
        origin: Origin {
            path: "fuzz.html".into(),
            line: None,
        },
        url: Some("https://example.org/2021/11/07/story".into()),
        title: None,
        published: Some("2021-11-08".into()),
        source: None,
        body: RawBody::Html(String::from_utf8_lossy(data).into_owned()),
    };
    if let Ok(p) = herald_core::pipeline::process(&raw) {
        let chars = p.article.text.chars().count();
        for e in &p.events {
            assert!(e.event_text.end <= chars && e.text_info.end <= chars);
        }
    }
});
