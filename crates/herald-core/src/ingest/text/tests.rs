use std::fs;

use crate::ingest::{read_inputs, IngestErrorKind, InputDefaults};
use crate::model::RawBody;

#[test]
fn a_text_file_is_one_article_with_the_cli_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    let body =
        "Sudan army, RSF agree to 72-hour ceasefire\n\nKHARTOUM (Reuters) - Sudan's army and \
                the paramilitary Rapid Support Forces agreed to a 72-hour ceasefire on Monday.\n";
    fs::write(&path, body).unwrap();
    let defaults = InputDefaults {
        published: Some("2023-04-24".into()),
        url: Some("https://example.org/sudan".into()),
        source: Some("Reuters".into()),
    };
    let items: Vec<_> = read_inputs(&[path.to_string_lossy().into_owned()], &defaults).collect();
    assert_eq!(items.len(), 1);
    let article = items[0].as_ref().unwrap();
    assert_eq!(article.origin.line, None);
    assert_eq!(article.title, None);
    assert_eq!(article.published.as_deref(), Some("2023-04-24"));
    assert_eq!(article.url.as_deref(), Some("https://example.org/sudan"));
    assert_eq!(article.source.as_deref(), Some("Reuters"));
    assert_eq!(article.body, RawBody::Text(body.into()));
}

#[test]
fn empty_binary_and_non_utf8_text_files_are_reported_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("1-empty.txt"), "").unwrap();
    fs::write(
        dir.path().join("2-binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    fs::write(
        dir.path().join("3-latin1.txt"),
        b"Protesters in S\xe3o Paulo marched",
    )
    .unwrap();
    fs::write(dir.path().join("4-good.txt"), "Police fired tear gas.").unwrap();
    let items: Vec<_> = read_inputs(
        &[dir.path().to_string_lossy().into_owned()],
        &InputDefaults::default(),
    )
    .collect();
    let reasons: Vec<String> = items
        .iter()
        .take(3)
        .map(|i| {
            let e = i.as_ref().unwrap_err();
            assert_eq!(e.kind, IngestErrorKind::Unreadable);
            assert_eq!(e.origin.line, None);
            e.reason.clone()
        })
        .collect();
    assert_eq!(reasons[0], "empty file");
    assert_eq!(reasons[1], "binary file (NUL bytes)");
    assert!(
        reasons[2].starts_with("invalid UTF-8 at byte 15"),
        "{}",
        reasons[2]
    );
    assert!(items[3].is_ok());
    assert_eq!(items.len(), 4);
}
