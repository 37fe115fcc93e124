//! WARC records written byte by byte as crawlers write them, good and damaged.

use std::io::Write;
use std::path::PathBuf;

use crate::ingest::{read_inputs, IngestError, IngestErrorKind, InputDefaults};
use crate::model::{RawArticle, RawBody};

const PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Kenya protests</title></head>\
<body><article><p>Police fired tear gas at opposition supporters in Nairobi on Monday.</p></article></body></html>";

/// One WARC record with its separator.
fn record(kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    record_with_length(kind, uri, content_type, block, block.len())
}

fn record_with_length(
    kind: &str,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
    length: usize,
) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2023-03-21T08:15:02Z\r\n\
         WARC-Record-ID: <urn:uuid:6c1f4a8e-0d4b-4c4e-9a55-{:012}>\r\n",
        block.len()
    );
    if let Some(uri) = uri {
        out.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    out.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    ));
    let mut out = out.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response block.
fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("HTTP/1.1 {status}\r\nServer: nginx\r\nDate: Tue, 21 Mar 2023 08:15:02 GMT\r\n");
    for h in headers {
        out.push_str(h);
        out.push_str("\r\n");
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

fn response(uri: &str, block: &[u8]) -> Vec<u8> {
    record(
        "response",
        Some(uri),
        "application/http; msgtype=response",
        block,
    )
}

fn html_response(uri: &str, page: &str) -> Vec<u8> {
    response(
        uri,
        &http(
            "200 OK",
            &["Content-Type: text/html; charset=UTF-8"],
            page.as_bytes(),
        ),
    )
}

fn warcinfo() -> Vec<u8> {
    record(
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: Herald test writer\r\nformat: WARC File Format 1.0\r\n",
    )
}

fn request(uri: &str) -> Vec<u8> {
    record(
        "request",
        Some(uri),
        "application/http; msgtype=request",
        b"GET / HTTP/1.1\r\nHost: news.example.com\r\n\r\n",
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// One gzip member per record, as crawlers write `.warc.gz`.
fn members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn read_file(
    name: &str,
    bytes: &[u8],
) -> (tempfile::TempDir, Vec<Result<RawArticle, IngestError>>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let items = read_inputs(
        &[path.to_string_lossy().into_owned()],
        &InputDefaults::default(),
    )
    .collect();
    (dir, items)
}

fn html(item: &Result<RawArticle, IngestError>) -> &str {
    match &item.as_ref().unwrap().body {
        RawBody::Html(html) => html,
        RawBody::Text(_) => panic!("expected HTML"),
    }
}

fn err(item: &Result<RawArticle, IngestError>) -> &IngestError {
    item.as_ref().unwrap_err()
}

/// A small crawl: every kind of record a news crawl holds.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        warcinfo(),
        request("https://news.example.com/2023/03/20/kenya-protests"),
        html_response("https://news.example.com/2023/03/20/kenya-protests", PAGE),
        record(
            "metadata",
            Some("https://news.example.com/2023/03/20/kenya-protests"),
            "application/warc-fields",
            b"fetchTimeMs: 131\r\n",
        ),
        response(
            "https://news.example.com/logo.jpg",
            &http(
                "200 OK",
                &["Content-Type: image/jpeg"],
                b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
            ),
        ),
        response(
            "http://news.example.com/",
            &http(
                "301 Moved Permanently",
                &[
                    "Location: https://news.example.com/",
                    "Content-Type: text/html",
                ],
                b"<html><body>Moved</body></html>",
            ),
        ),
        record(
            "resource",
            Some("file:///archive/page.html"),
            "text/html; charset=utf-8",
            "<html><body><p>Manifestantes en Bogotá.</p></body></html>".as_bytes(),
        ),
        record(
            "revisit",
            Some("https://news.example.com/2023/03/20/kenya-protests"),
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        ),
        response(
            "https://news.example.com/missing",
            &http(
                "404 Not Found",
                &["Content-Type: text/html"],
                b"<html>Not found</html>",
            ),
        ),
    ]
}

fn check_crawl(items: &[Result<RawArticle, IngestError>]) {
    assert_eq!(items.len(), 6, "{items:#?}");
    let article = items[0].as_ref().unwrap();
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example.com/2023/03/20/kenya-protests")
    );
    assert_eq!(article.origin.line, Some(3)); // the third record of the file
    assert_eq!(article.published, None); // WARC-Date is the crawl date: not used
    assert_eq!(html(&items[0]), PAGE);

    let image = err(&items[1]);
    assert_eq!(image.kind, IngestErrorKind::Ignored);
    assert_eq!(image.origin.line, Some(5));
    assert!(
        image
            .reason
            .contains("not a page (Content-Type `image/jpeg`)"),
        "{}",
        image.reason
    );
    assert!(image.reason.contains("https://news.example.com/logo.jpg"));
    let moved = err(&items[2]);
    assert_eq!(moved.kind, IngestErrorKind::Ignored);
    assert!(moved.reason.contains("HTTP status 301"), "{}", moved.reason);

    assert!(html(&items[3]).contains("Manifestantes en Bogotá."));
    assert_eq!(items[3].as_ref().unwrap().origin.line, Some(7));
    assert!(err(&items[4]).reason.contains("revisit record"));
    assert!(err(&items[5]).reason.contains("HTTP status 404"));
    assert!(items[1..]
        .iter()
        .all(|i| i.as_ref().is_ok_and(|_| true) || err(i).kind == IngestErrorKind::Ignored));
}

#[test]
fn a_crawl_gives_its_pages_and_counts_what_is_not_a_page() {
    let plain: Vec<u8> = crawl().concat();
    let (_dir, items) = read_file("crawl.warc", &plain);
    check_crawl(&items);
    let first = err(&items[1]);
    assert!(
        first.reason.starts_with("WARC record 5 at byte "),
        "{}",
        first.reason
    );
}

#[test]
fn per_record_gzip_and_whole_file_gzip_read_the_same() {
    let (_d1, items) = read_file("crawl.warc.gz", &members(&crawl()));
    check_crawl(&items);
    assert!(
        err(&items[1]).reason.contains("(gzip member at byte "),
        "{}",
        err(&items[1]).reason
    );
    let (_d2, items) = read_file("crawl.warc.gz", &gzip(&crawl().concat()));
    check_crawl(&items);
    // The extension does not matter: the content says WARC (and gzip).
    let (_d3, items) = read_file("crawl.html", &members(&crawl()));
    check_crawl(&items);
    let (_d4, items) = read_file("crawl-without-extension", &crawl().concat());
    check_crawl(&items);
}

#[test]
fn the_gzip_member_offsets_in_messages_are_the_ones_in_the_file() {
    let recs = crawl();
    let bytes = members(&recs);
    let offset_of_fifth: usize = recs[..4].iter().map(|r| gzip(r).len()).sum();
    let (_d, items) = read_file("crawl.warc.gz", &bytes);
    let uncompressed: usize = recs[..4].iter().map(Vec::len).sum();
    assert!(
        err(&items[1]).reason.starts_with(&format!(
            "WARC record 5 (gzip member at byte {offset_of_fifth}, uncompressed byte {uncompressed})"
        )),
        "{}",
        err(&items[1]).reason
    );
}

fn three_pages() -> Vec<Vec<u8>> {
    (1..=3)
        .map(|i| {
            html_response(
                &format!("https://news.example.com/story-{i}"),
                &PAGE.replace("Monday", &format!("day {i}")),
            )
        })
        .collect()
}

/// [`three_pages`] with record 2's `Content-Length` changed by `lie` (the block stays).
fn three_pages_with_second_length(lie: impl Fn(usize) -> usize) -> Vec<Vec<u8>> {
    let mut recs = three_pages();
    let block = http("200 OK", &["Content-Type: text/html"], PAGE.as_bytes());
    recs[1] = record_with_length(
        "response",
        Some("https://news.example.com/story-2"),
        "application/http; msgtype=response",
        &block,
        lie(block.len()),
    );
    recs
}

#[test]
fn a_content_length_that_is_too_long_loses_only_its_own_record() {
    // Record 2 claims 150 bytes more than it has: it swallows the start of record 3.
    let recs = three_pages_with_second_length(|len| len + 150);
    for (name, bytes) in [
        ("lies.warc", recs.concat()),
        ("lies.warc.gz", members(&recs)),
    ] {
        let (_d, items) = read_file(name, &bytes);
        assert_eq!(items.len(), 3, "{name}: {items:#?}");
        assert!(html(&items[0]).contains("day 1"));
        let e = err(&items[1]);
        assert_eq!(
            (e.kind, e.origin.line),
            (IngestErrorKind::Unreadable, Some(2))
        );
        assert!(e.reason.starts_with("WARC record 2 "), "{}", e.reason);
        assert!(e.reason.contains("Content-Length"), "{}", e.reason);
        assert!(
            e.reason.contains(
                name.strip_suffix(".gz")
                    .map_or("at byte", |_| "gzip member at byte")
            ),
            "{}",
            e.reason
        );
        let third = items[2].as_ref().unwrap();
        assert_eq!(
            third.url.as_deref(),
            Some("https://news.example.com/story-3")
        );
        assert_eq!(third.origin.line, Some(3));
        assert!(html(&items[2]).contains("day 3"));
    }
}

#[test]
fn a_content_length_that_is_too_short_loses_only_its_own_record() {
    let recs = three_pages_with_second_length(|len| len - 40);
    let (_d, items) = read_file("short.warc", &recs.concat());
    assert_eq!(items.len(), 3, "{items:#?}");
    let e = err(&items[1]);
    assert!(e.reason.contains("Content-Length"), "{}", e.reason);
    assert_eq!(e.origin.line, Some(2));
    assert!(html(&items[2]).contains("day 3"));
    assert_eq!(items[2].as_ref().unwrap().origin.line, Some(3));
    // Too long at the end of the file: the data ends first.
    let mut recs = three_pages();
    let last = recs.pop().unwrap();
    let block = http("200 OK", &["Content-Type: text/html"], PAGE.as_bytes());
    recs.push(record_with_length(
        "response",
        Some("https://news.example.com/story-3"),
        "application/http; msgtype=response",
        &block,
        block.len() + 5000,
    ));
    drop(last);
    let (_d, items) = read_file("end.warc", &recs.concat());
    assert_eq!(items.len(), 3);
    assert!(
        err(&items[2])
            .reason
            .contains("truncated: Content-Length is"),
        "{}",
        err(&items[2]).reason
    );
}

#[test]
fn a_gzip_file_cut_mid_record_reports_that_record_after_the_good_ones() {
    let recs = three_pages();
    let mut bytes = members(&recs);
    let cut = bytes.len() - gzip(&recs[2]).len() / 2;
    bytes.truncate(cut);
    let (_d, items) = read_file("cut.warc.gz", &bytes);
    assert_eq!(items.len(), 3, "{items:#?}");
    assert!(html(&items[1]).contains("day 2"));
    let e = err(&items[2]);
    assert_eq!(
        (e.kind, e.origin.line),
        (IngestErrorKind::Unreadable, Some(3))
    );
    let member = gzip(&recs[0]).len() + gzip(&recs[1]).len();
    assert!(e.reason.starts_with("WARC record 3 "), "{}", e.reason);
    assert!(
        e.reason
            .contains(&format!("gzip member at byte {member} is truncated")),
        "{}",
        e.reason
    );
}

#[test]
fn a_corrupt_gzip_member_loses_its_record_and_the_next_one_is_read() {
    let recs = three_pages();
    let parts: Vec<Vec<u8>> = recs.iter().map(|r| gzip(r)).collect();
    let mut second = parts[1].clone();
    let mid = second.len() / 2;
    for b in &mut second[mid..mid + 8] {
        *b ^= 0x5a;
    }
    let bytes = [parts[0].clone(), second, parts[2].clone()].concat();
    let (_d, items) = read_file("corrupt.warc.gz", &bytes);
    let articles: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
    let errors: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(articles.len(), 2, "{items:#?}");
    assert!(html(&items[0]).contains("day 1"));
    assert_eq!(
        articles[1].url.as_deref(),
        Some("https://news.example.com/story-3")
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let at = parts[0].len();
    assert!(
        errors[0]
            .reason
            .contains(&format!("gzip member at byte {at}")),
        "{}",
        errors[0].reason
    );
}

#[test]
fn junk_between_records_is_one_error_and_reading_resynchronises() {
    let recs = three_pages();
    let bytes = [
        recs[0].clone(),
        b"garbage written by a broken proxy\r\nmore garbage\r\n".to_vec(),
        recs[1].clone(),
        recs[2].clone(),
    ]
    .concat();
    let (_d, items) = read_file("junk.warc", &bytes);
    assert_eq!(items.len(), 4, "{items:#?}");
    assert!(
        err(&items[1])
            .reason
            .contains("no WARC header here (found `garbage"),
        "{}",
        err(&items[1]).reason
    );
    assert!(html(&items[2]).contains("day 2"));
    assert!(html(&items[3]).contains("day 3"));
}

#[test]
fn legacy_charsets_come_from_the_http_header_or_the_page() {
    // windows-1252 declared only in the HTTP header: é = E9, € = 80.
    let page = b"<html><head><title>Caf\xe9</title></head><body><p>Le caf\xe9 co\xfbte 3 \x80.</p></body></html>";
    let sjis_text = "東京で警察が抗議者に催涙ガスを発射した。";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(sjis_text);
    let mut jp = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>".to_vec();
    jp.extend_from_slice(&sjis);
    jp.extend_from_slice(b"</p></body></html>");
    let recs = [
        response(
            "https://www.example.fr/cafe",
            &http(
                "200 OK",
                &["Content-Type: text/html; charset=windows-1252"],
                page,
            ),
        ),
        response(
            "https://www.example.jp/news",
            &http("200 OK", &["Content-Type: text/html"], &jp),
        ),
    ];
    let (_d, items) = read_file("charsets.warc.gz", &members(&recs));
    assert!(
        html(&items[0]).contains("Le café coûte 3 €."),
        "{}",
        html(&items[0])
    );
    assert!(html(&items[1]).contains(sjis_text));
}

#[test]
fn chunked_and_compressed_payloads_are_undone() {
    let compressed = gzip(PAGE.as_bytes());
    let mut chunked = format!("{:x}\r\n", 100).into_bytes();
    chunked.extend_from_slice(&compressed[..100]);
    chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", compressed.len() - 100).as_bytes());
    chunked.extend_from_slice(&compressed[100..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let block = http(
        "200 OK",
        &[
            "Content-Type: text/html; charset=utf-8",
            "Transfer-Encoding: chunked",
            "Content-Encoding: gzip",
        ],
        &chunked,
    );
    // A payload stored decoded under its original headers (as Common Crawl does).
    let stored_decoded = http(
        "200 OK",
        &["Content-Type: text/html", "Content-Encoding: gzip"],
        PAGE.as_bytes(),
    );
    let recs = [
        response("https://news.example.com/a", &block),
        response("https://news.example.com/b", &stored_decoded),
    ];
    let (_d, items) = read_file("coded.warc", &recs.concat());
    assert_eq!(html(&items[0]), PAGE);
    assert_eq!(html(&items[1]), PAGE);
}

#[test]
fn brotli_payloads_are_decoded() {
    // "<html><head><title>Port closed</title></head><body><p>Dockworkers in Rotterdam
    // walked out …</p></body></html>", compressed by Python's `brotli` module.
    const BR: &[u8] = &[
        0x1b, 0xb2, 0x00, 0x00, 0xc5, 0xf2, 0x96, 0xea, 0x37, 0x45, 0x88, 0x26, 0xa9, 0x8a, 0xd0,
        0x7e, 0x18, 0x06, 0xff, 0xb3, 0x13, 0xe8, 0xe4, 0x44, 0x0f, 0xc6, 0xed, 0xc7, 0x40, 0xc2,
        0xc4, 0xdb, 0xbe, 0x18, 0x93, 0x74, 0x87, 0xd7, 0x59, 0x34, 0x1d, 0x13, 0xd3, 0x92, 0x56,
        0xd0, 0xa8, 0x1f, 0x18, 0x10, 0xd3, 0x0f, 0xd6, 0x62, 0xaa, 0x01, 0x4f, 0x37, 0xbc, 0x53,
        0x1f, 0x24, 0x4f, 0xfb, 0x03, 0x47, 0x12, 0xa0, 0xde, 0xc2, 0x9b, 0x6e, 0xab, 0x82, 0x3c,
        0xe0, 0x50, 0xac, 0xc2, 0x9f, 0x71, 0xbc, 0xca, 0xdf, 0x52, 0xe7, 0x85, 0x71, 0x1a, 0xf9,
        0xd0, 0xef, 0x83, 0x09, 0x59, 0x1a, 0x0d, 0x66, 0xab, 0x5c, 0x38, 0x5f, 0x58, 0x30, 0x03,
    ];
    let headers = [
        "Content-Type: text/html; charset=utf-8",
        "Content-Encoding: br",
    ];
    let recs = [
        response("https://news.example.com/br", &http("200 OK", &headers, BR)),
        // Stored decoded under the original header.
        response(
            "https://news.example.com/plain",
            &http("200 OK", &headers, PAGE.as_bytes()),
        ),
        // Neither brotli nor markup: an error naming the coding, and the next record
        // is still read.
        response(
            "https://news.example.com/junk",
            &http("200 OK", &headers, &[0xff; 64]),
        ),
        html_response("https://news.example.com/after", PAGE),
    ];
    let (_d, items) = read_file("br.warc", &recs.concat());
    assert!(html(&items[0]).contains("Dockworkers in Rotterdam walked out on Monday"));
    assert_eq!(html(&items[1]), PAGE);
    assert!(err(&items[2])
        .reason
        .contains("Content-Encoding br does not decode"));
    assert_eq!(html(&items[3]), PAGE);
}

#[test]
fn odd_but_valid_writers_are_read() {
    // wget: angle brackets around the URI, LF-only HTTP headers, no Content-Type.
    let block = format!("HTTP/1.0 200 OK\nServer: x\n\n{PAGE}");
    let wget = record(
        "response",
        Some("<https://news.example.com/wget>"),
        "application/http;msgtype=response",
        block.as_bytes(),
    );
    // A record whose file ends without the final separator.
    let mut last = html_response("https://news.example.com/last", PAGE);
    last.truncate(last.len() - 4);
    let (_d, items) = read_file("odd.warc", &[wget, last].concat());
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(
        items[0].as_ref().unwrap().url.as_deref(),
        Some("https://news.example.com/wget")
    );
    assert_eq!(html(&items[1]), PAGE);
}

#[test]
fn bad_headers_and_bodies_get_reasons() {
    let no_length = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n".to_vec();
    let no_status = response("https://news.example.com/x", b"<html>no status line</html>");
    let recs = [no_length, no_status, three_pages().remove(0)];
    let (_d, items) = read_file("bad.warc", &recs.concat());
    assert!(
        err(&items[0]).reason.contains("no valid Content-Length"),
        "{}",
        err(&items[0]).reason
    );
    assert!(
        err(&items[1]).reason.contains("no HTTP status line"),
        "{}",
        err(&items[1]).reason
    );
    assert!(html(&items[2]).contains("day 1"));
    assert_eq!(items.len(), 3);
    // An empty .warc, and one cut inside its first header.
    let (_d, items) = read_file("empty.warc", b"");
    assert_eq!(err(&items[0]).reason, "empty file (no WARC record)");
    let (_d, items) = read_file("cut.warc", b"WARC/1.0\r\nWARC-Type: resp");
    assert!(
        err(&items[0])
            .reason
            .contains("ends inside the WARC header"),
        "{}",
        err(&items[0]).reason
    );
}

#[test]
fn arbitrary_damage_never_panics_and_every_good_record_is_found() {
    // Cut the crawl at every position: reading must end cleanly, never panic.
    let plain: Vec<u8> = crawl().concat();
    for cut in (0..plain.len()).step_by(7) {
        // (A record glued to the cut line, with no line break, would go with it.)
        let mut bytes = plain[..cut].to_vec();
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(&three_pages()[0]);
        let (_d, items) = read_file("cut.warc", &bytes);
        // The page appended after the cut is found again.
        assert!(
            items.iter().any(|i| i
                .as_ref()
                .is_ok_and(|a| a.url.as_deref() == Some("https://news.example.com/story-1"))),
            "cut at {cut}: {items:#?}"
        );
    }
    let gz = members(&crawl());
    for cut in (0..gz.len()).step_by(23) {
        let (_d, _items) = read_file("cut.warc.gz", &gz[..cut]);
    }
}

fn samples() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/warc-format-samples");
    dir.is_dir().then_some(dir)
}

#[test]
fn the_real_sample_crawls_read_when_present() {
    let Some(dir) = samples() else {
        eprintln!("skipped: ../shared/data/warc-format-samples is absent");
        return;
    };
    for name in [
        "IAH-20080430204825-00000-blackbook-truncated.warc",
        "IAH-20080430204825-00000-blackbook-truncated.warc.gz",
    ] {
        let path = dir.join(name).to_string_lossy().into_owned();
        let items: Vec<_> = read_inputs(&[path], &InputDefaults::default()).collect();
        let urls: Vec<_> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|a| a.url.clone().unwrap())
            .collect();
        assert_eq!(
            urls,
            [
                "http://www.archive.org/",
                "http://www.archive.org/index.php"
            ],
            "{name}"
        );
        assert!(
            items
                .iter()
                .all(|i| i.as_ref().is_ok() || err(i).kind == IngestErrorKind::Ignored),
            "{items:#?}"
        );
    }
    let path = dir
        .join("IAH-urls-wget.warc.gz")
        .to_string_lossy()
        .into_owned();
    let items: Vec<_> = read_inputs(&[path], &InputDefaults::default()).collect();
    let pages: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
    assert!(!pages.is_empty(), "{items:#?}");
    assert!(pages
        .iter()
        .all(|p| p.url.as_deref().is_some_and(|u| u.starts_with("http"))));
    assert!(
        items
            .iter()
            .all(|i| i.as_ref().is_ok() || err(i).kind == IngestErrorKind::Ignored),
        "{items:#?}"
    );
}

#[test]
fn records_larger_than_the_limit_are_skipped_without_being_held() {
    let big = super::BLOCK_LIMIT as usize + 1000;
    let mut video = http("200 OK", &["Content-Type: video/mp4"], b"");
    video.resize(big, 0x42);
    let mut page = http("200 OK", &["Content-Type: text/html"], b"<html><body><p>");
    page.resize(big, b'a');
    let recs = [
        response("https://news.example.com/clip.mp4", &video),
        response("https://news.example.com/huge.html", &page),
        three_pages().remove(0),
    ];
    let (_d, items) = read_file("big.warc", &recs.concat());
    assert_eq!(
        items.len(),
        3,
        "{:#?}",
        items.iter().map(|i| i.as_ref().err()).collect::<Vec<_>>()
    );
    let clip = err(&items[0]);
    assert_eq!(clip.kind, IngestErrorKind::Ignored);
    assert!(clip.reason.contains("video/mp4"), "{}", clip.reason);
    let huge = err(&items[1]);
    assert_eq!(huge.kind, IngestErrorKind::Unreadable);
    assert!(
        huge.reason.contains("larger than the 33 MiB limit"),
        "{}",
        huge.reason
    );
    assert!(html(&items[2]).contains("day 1"));
}
