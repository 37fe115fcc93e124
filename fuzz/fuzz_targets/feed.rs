//! Any bytes as an RSS/Atom feed: items come out or errors do, never a panic.
#![no_main]
use herald_core::ingest::{Format, InputDefaults, Source};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let source = Source {
        path: "fuzz.rss".into(),
        input: Box::new(std::io::Cursor::new(data.to_vec())),
        defaults: Arc::new(InputDefaults::default()),
    };
    for record in Format::Feed.read(source).take(1000) {
        if let Ok(raw) = record {
            let _ = herald_core::pipeline::process(&raw);
        }
    }
});
