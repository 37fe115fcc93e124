use std::fs;

use crate::ingest::{read_inputs, IngestErrorKind, InputDefaults};
use crate::model::{Origin, RawBody};

fn read(
    content: &[u8],
    defaults: &InputDefaults,
) -> (
    String,
    Vec<Result<crate::model::RawArticle, crate::ingest::IngestError>>,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    fs::write(&path, content).unwrap();
    let name = path.to_string_lossy().into_owned();
    let items = read_inputs(std::slice::from_ref(&name), defaults).collect();
    (name, items)
}

#[test]
fn each_line_is_a_record_and_a_malformed_line_in_the_middle_loses_only_itself() {
    let feed = concat!(
        r#"{"url":"https://example.org/1","title":"Kenya police fire tear gas","published":"2023-03-20","source":"AP","text":"NAIROBI, Kenya (AP) — Police fired tear gas."}"#,
        "\n",
        r#"{"url":"https://example.org/2","title":"Broken" "text":"never read"}"#,
        "\n",
        "\n",
        r#"{"url":"https://example.org/3","html":"<p>Troops withdrew from Bakhmut.</p>","extra":{"authors":["A"]}}"#,
        "\r\n",
    );
    let (name, items) = read(feed.as_bytes(), &InputDefaults::default());
    assert_eq!(items.len(), 3);
    let first = items[0].as_ref().unwrap();
    assert_eq!(
        first.origin,
        Origin {
            path: name.clone(),
            line: Some(1)
        }
    );
    assert_eq!(first.title.as_deref(), Some("Kenya police fire tear gas"));
    assert_eq!(first.published.as_deref(), Some("2023-03-20"));
    assert_eq!(first.source.as_deref(), Some("AP"));
    assert_eq!(
        first.body,
        RawBody::Text("NAIROBI, Kenya (AP) — Police fired tear gas.".into())
    );

    let err = items[1].as_ref().unwrap_err();
    assert_eq!(
        err.origin,
        Origin {
            path: name.clone(),
            line: Some(2)
        }
    );
    assert_eq!(err.kind, IngestErrorKind::Unreadable);
    assert_eq!(
        err.reason,
        "malformed JSON: expected `,` or `}` at column 49"
    );

    // Line 3 is blank: skipped silently, and the numbering still counts it.
    let third = items[2].as_ref().unwrap();
    assert_eq!(third.origin.line, Some(4));
    assert_eq!(
        third.body,
        RawBody::Html("<p>Troops withdrew from Bakhmut.</p>".into())
    );
}

#[test]
fn records_without_a_body_or_of_the_wrong_shape_are_errors() {
    let feed = concat!(
        r#"{"url":"https://example.org/1","title":"Headline only"}"#,
        "\n",
        r#"{"text":""}"#,
        "\n",
        r#"["not", "an", "object"]"#,
        "\n",
        r#"{"text": 42}"#,
        "\n",
        r#"{"text":"Police fired tear gas."#,
        "\n",
    );
    let (_, items) = read(feed.as_bytes(), &InputDefaults::default());
    let reasons: Vec<_> = items
        .iter()
        .map(|i| i.as_ref().unwrap_err().reason.clone())
        .collect();
    assert_eq!(reasons[0], "record has neither `text` nor `html`");
    assert_eq!(reasons[1], "record has an empty `text`/`html`");
    assert_eq!(
        reasons[2],
        "not a JSON object (each line must be one `{...}` record)"
    );
    assert!(
        reasons[3].starts_with("malformed record: invalid type: integer `42`"),
        "{}",
        reasons[3]
    );
    assert!(
        reasons[4].starts_with("malformed JSON: line ended inside a string"),
        "{}",
        reasons[4]
    );
}

#[test]
fn defaults_fill_missing_metadata_but_never_override_it() {
    let defaults = InputDefaults {
        published: Some("2023-01-01".into()),
        url: Some("https://default.example".into()),
        source: Some("cli-source".into()),
    };
    let feed = concat!(
        r#"{"text":"a","published":"2023-03-20"}"#,
        "\n",
        r#"{"text":"b","published":"","source":null}"#,
        "\n",
    );
    let (_, items) = read(feed.as_bytes(), &defaults);
    let a = items[0].as_ref().unwrap();
    let b = items[1].as_ref().unwrap();
    assert_eq!(a.published.as_deref(), Some("2023-03-20"));
    assert_eq!(a.url.as_deref(), Some("https://default.example"));
    assert_eq!(b.published.as_deref(), Some("2023-01-01"));
    assert_eq!(b.source.as_deref(), Some("cli-source"));
}

#[test]
fn empty_blank_binary_and_non_utf8_jsonl() {
    let (_, items) = read(b"", &InputDefaults::default());
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().reason, "empty file");

    let (_, items) = read(b"\n  \n\n", &InputDefaults::default());
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().reason, "empty file");

    let (_, items) = read(
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        &InputDefaults::default(),
    );
    assert_eq!(
        items.len(),
        1,
        "a binary file is one error, not one per line"
    );
    // A gzip header and nothing more: whatever the name says, it is gzip, cut short.
    assert_eq!(
        items[0].as_ref().unwrap_err().reason,
        "gzip data that does not decompress (truncated)"
    );

    let (_, items) = read(b"\x00\x00\x00{}\n\x00", &InputDefaults::default());
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].as_ref().unwrap_err().reason,
        "binary file (NUL bytes)"
    );

    let (_, items) = read(
        b"{\"text\":\"S\xe3o Paulo\"}\n{\"text\":\"ok\"}\n",
        &InputDefaults::default(),
    );
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.origin.line, Some(1));
    assert_eq!(err.reason, "invalid UTF-8 at byte 10 of the line");
    assert!(items[1].is_ok());
}

#[test]
fn a_large_file_streams_record_by_record() {
    // The iterator yields the first record before later lines are even parsed: take(1)
    // on a file with a broken tail returns only the good head.
    let mut feed = String::from("{\"text\":\"first\"}\n");
    for _ in 0..10_000 {
        feed.push_str("{\"text\":\"Police fired tear gas at protesters in Nairobi.\"}\n");
    }
    feed.push_str("{broken\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    fs::write(&path, &feed).unwrap();
    let mut stream = read_inputs(
        &[path.to_string_lossy().into_owned()],
        &InputDefaults::default(),
    );
    assert_eq!(
        stream.next().unwrap().unwrap().body,
        RawBody::Text("first".into())
    );
    let rest: Vec<_> = stream.collect();
    assert_eq!(rest.len(), 10_001);
    assert_eq!(
        rest.last().unwrap().as_ref().unwrap_err().origin.line,
        Some(10_002)
    );
}
