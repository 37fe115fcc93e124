//! Dispatch, directory walks and the bad inputs every format shares.

use std::fs;

use super::*;
use crate::model::RawBody;

fn read_all(inputs: &[String]) -> Vec<Result<RawArticle, IngestError>> {
    read_inputs(inputs, &InputDefaults::default()).collect()
}

fn path_of(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).to_string_lossy().into_owned()
}

const WIRE: &str = "Kenya police fire tear gas at opposition protesters\n\n\
NAIROBI, Kenya (AP) — Police fired tear gas at opposition supporters in Nairobi on Monday.\n";

#[test]
fn a_directory_is_walked_recursively_in_sorted_order_skipping_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("b-nested")).unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join("c.txt"), WIRE).unwrap();
    fs::write(
        dir.path().join("a.html"),
        "<html><p>Police fired.</p></html>",
    )
    .unwrap();
    fs::write(dir.path().join("b-nested/z.txt"), WIRE).unwrap();
    fs::write(dir.path().join(".hidden.txt"), WIRE).unwrap();
    fs::write(dir.path().join(".git/config.txt"), WIRE).unwrap();
    fs::write(dir.path().join("README.md"), "# notes").unwrap();

    let items = read_all(&[dir.path().to_string_lossy().into_owned()]);
    let names: Vec<String> = items
        .iter()
        .map(|item| match item {
            Ok(a) => a.origin.path.clone(),
            Err(e) => e.origin.path.clone(),
        })
        .map(|p| {
            p.strip_prefix(dir.path().to_str().unwrap())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["/README.md", "/a.html", "/b-nested/z.txt", "/c.txt"]
    );
    let readme = items[0].as_ref().unwrap_err();
    assert_eq!(readme.kind, IngestErrorKind::Ignored);
    assert!(readme.reason.contains("`.md`"), "{}", readme.reason);
    assert!(matches!(items[1].as_ref().unwrap().body, RawBody::Html(_)));
    assert!(matches!(items[3].as_ref().unwrap().body, RawBody::Text(_)));
}

#[test]
fn a_missing_file_is_one_error_and_the_next_input_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), WIRE).unwrap();
    let missing = path_of(&dir, "nowhere.txt");
    let items = read_all(&[missing.clone(), path_of(&dir, "ok.txt")]);
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(
        err.origin,
        Origin {
            path: missing.clone(),
            line: None
        }
    );
    assert_eq!(err.reason, "no such file or directory");
    assert_eq!(err.kind, IngestErrorKind::Unreadable);
    assert_eq!(
        err.to_string(),
        format!("{missing}: no such file or directory")
    );
    assert!(items[1].is_ok());
}

#[test]
fn an_unknown_extension_named_explicitly_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("report.pdf"), "%PDF-1.7").unwrap();
    let items = read_all(&[path_of(&dir, "report.pdf")]);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::Unreadable);
    assert_eq!(
        err.reason,
        "unknown extension `.pdf` (expected .txt, .html, .htm, .jsonl, .warc, .rss, .atom, .xml (each optionally .gz))"
    );
}

#[test]
fn extensions_are_matched_in_any_case_and_through_gzip() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("STORY.TXT"), WIRE).unwrap();
    let gz = fs::File::create(dir.path().join("feed.jsonl.gz")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(gz, flate2::Compression::fast());
    enc.write_all(b"{\"title\":\"A\",\"text\":\"Police fired tear gas.\"}\n")
        .unwrap();
    enc.finish().unwrap();
    let items = read_all(&[path_of(&dir, "STORY.TXT"), path_of(&dir, "feed.jsonl.gz")]);
    assert!(items[0].is_ok());
    let rec = items[1].as_ref().unwrap();
    assert_eq!(rec.origin.line, Some(1));
    assert_eq!(rec.body, RawBody::Text("Police fired tear gas.".into()));
}

#[test]
fn a_file_without_extension_named_explicitly_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("dump"),
        "\n\n{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
    )
    .unwrap();
    let items = read_all(&[path_of(&dir, "dump")]);
    let lines: Vec<_> = items
        .iter()
        .map(|i| i.as_ref().unwrap().origin.line)
        .collect();
    // The sniffed blank lines are given back to the reader: line numbers stay true.
    assert_eq!(lines, [Some(3), Some(4)]);
}

#[test]
fn sniffing_looks_at_the_first_non_blank_byte() {
    assert_eq!(Format::sniff(Some(b'{')), Format::Jsonl);
    assert_eq!(Format::sniff(Some(b'<')), Format::Html);
    assert_eq!(Format::sniff(Some(b'N')), Format::Text);
    assert_eq!(Format::sniff(None), Format::Text);
}

#[test]
fn bad_documents_each_get_a_reason_the_user_can_act_on() {
    assert_eq!(decode_document(Vec::new()).unwrap_err(), "empty file");
    assert_eq!(
        decode_document(b" \n\t\n".to_vec()).unwrap_err(),
        "empty file"
    );
    assert_eq!(
        decode_document(b"PK\x03\x04\x00\x00zip".to_vec()).unwrap_err(),
        "binary file (NUL bytes)"
    );
    let latin1 = b"Police in Bogot\xe1 said".to_vec();
    assert!(decode_document(latin1)
        .unwrap_err()
        .starts_with("invalid UTF-8 at byte 15"));
    assert!(decode_document(b"\xff\xfeP\x00".to_vec())
        .unwrap_err()
        .starts_with("UTF-16"));
    assert_eq!(
        decode_document(b"\xEF\xBB\xBFNairobi".to_vec()).unwrap(),
        "Nairobi"
    );
}

#[test]
fn defaults_fill_only_what_a_record_lacks() {
    let defaults = InputDefaults {
        published: Some("2023-03-20".into()),
        url: None,
        source: Some("cli".into()),
    };
    assert_eq!(
        defaults.fill(None, &defaults.published),
        Some("2023-03-20".into())
    );
    assert_eq!(
        defaults.fill(Some(" ".into()), &defaults.published),
        Some("2023-03-20".into())
    );
    assert_eq!(
        defaults.fill(Some("2021-10-10".into()), &defaults.published),
        Some("2021-10-10".into())
    );
    assert_eq!(defaults.fill(None, &defaults.url), None);
}

#[test]
fn the_content_decides_the_format_when_it_is_unmistakable() {
    let d = |s: &[u8]| {
        let d = Format::detect(s);
        (d.format, d.certain)
    };
    assert_eq!(d(b"WARC/1.0\r\nWARC-Type: warcinfo"), (Format::Warc, true));
    assert_eq!(d(b"\n\nWARC/0.17\r\n"), (Format::Warc, true));
    assert_eq!(
        d(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
        (Format::Feed, true)
    );
    assert_eq!(d(b"\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">"), (Format::Feed, true));
    assert_eq!(d(b"<rdf:RDF xmlns:rdf=\"x\">"), (Format::Feed, true));
    assert_eq!(d(b"<?xml version=\"1.0\"?><urlset>"), (Format::Feed, false));
    assert_eq!(
        d(b"  <!DOCTYPE html>\n<html lang=en>"),
        (Format::Html, true)
    );
    assert_eq!(d(b"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"><html>"), (Format::Html, true));
    assert_eq!(
        d(b"<!-- saved from url=(0042) --><HTML><HEAD>"),
        (Format::Html, true)
    );
    assert_eq!(d(b"<div class=story><p>x</p>"), (Format::Html, false));
    assert_eq!(d(b"{\"text\":\"x\"}"), (Format::Jsonl, false));
    assert_eq!(d(b"Police fired tear gas."), (Format::Text, false));
    assert_eq!(d(b""), (Format::Text, false));
    assert_eq!(d(b"<!-- never closed"), (Format::Html, false));
}

#[test]
fn an_extension_that_lies_gives_way_to_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><body><p>Police fired tear gas.</p></body></html>";
    fs::write(dir.path().join("page.txt"), page).unwrap();
    fs::write(dir.path().join("prose.jsonl.txt"), "{not json, just prose").unwrap();
    fs::write(
        dir.path().join("records.html"),
        "{\"text\":\"Police fired tear gas.\"}\n",
    )
    .unwrap();
    let warc = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/a\r\n\
                Content-Type: text/html\r\nContent-Length: 24\r\n\r\n<p>Police fired gas.</p>\r\n\r\n";
    fs::write(dir.path().join("crawl.dat"), warc).unwrap();
    let items = read_all(&[
        path_of(&dir, "page.txt"),
        path_of(&dir, "prose.jsonl.txt"),
        path_of(&dir, "records.html"),
        path_of(&dir, "crawl.dat"),
    ]);
    assert_eq!(items[0].as_ref().unwrap().body, RawBody::Html(page.into()));
    // Weak signs do not override the extension: `{` in a .txt is prose, and a
    // .html file is HTML even when it opens with `{`.
    assert!(matches!(items[1].as_ref().unwrap().body, RawBody::Text(_)));
    assert!(matches!(items[2].as_ref().unwrap().body, RawBody::Html(_)));
    // An unknown extension named explicitly is read when the content is unmistakable.
    let rec = items[3].as_ref().unwrap();
    assert_eq!(rec.url.as_deref(), Some("https://x.example/a"));
}

#[test]
fn legacy_arc_files_are_passed_over_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("old.arc"),
        "filedesc://old.arc 0.0.0.0 20080430204825 text/plain 76\n",
    )
    .unwrap();
    let items = read_all(&[dir.path().to_string_lossy().into_owned()]);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::Ignored);
    assert!(err.reason.contains("convert it to WARC"), "{}", err.reason);
}
