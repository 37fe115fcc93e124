//! Any bytes as a WARC file (plain or gzip): the reader reports errors per record and
//! never panics; every record it yields goes through the pipeline.
#![no_main]
use herald_core::ingest::{Format, InputDefaults, Source};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let source = Source {
        path: "fuzz.warc".into(),
        input: Box::new(std::io::Cursor::new(data.to_vec())),
        defaults: Arc::new(InputDefaults::default()),
    };
    for record in Format::Warc.read(source).take(1000) {
        if let Ok(raw) = record {
            let _ = herald_core::pipeline::process(&raw);
        }
    }
});
