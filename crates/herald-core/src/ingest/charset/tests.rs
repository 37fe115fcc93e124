use super::*;

fn page(head: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("<!doctype html><html><head>{head}<title>News</title></head><body><p>")
        .into_bytes();
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(b"</p></body></html>");
    bytes
}

#[test]
fn a_windows_1252_page_declared_in_meta_decodes_accents_and_the_euro_sign() {
    // "Le café coûte 3 €" in windows-1252: é = E9, û = FB, € = 80.
    let bytes = page(
        r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#,
        b"Le caf\xe9 co\xfbte 3 \x80 \xe0 Paris.",
    );
    let d = decode_html(&bytes, None, None).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.source, CharsetSource::Meta);
    assert!(d.text.contains("Le café coûte 3 € à Paris."), "{}", d.text);
}

#[test]
fn iso_8859_1_means_windows_1252_as_in_browsers() {
    let bytes = page(
        r#"<meta charset="ISO-8859-1">"#,
        b"Pr\xe9sident \x93quoted\x94",
    );
    let d = decode_html(&bytes, None, None).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.text.contains("Président “quoted”"), "{}", d.text);
}

#[test]
fn an_undeclared_windows_1252_page_is_detected_instead_of_refused() {
    let bytes = page(
        "",
        b"La police a dispers\xe9 les manifestants \xe0 Bogot\xe1 mardi, selon le minist\xe8re de l'Int\xe9rieur; le co\xfbt est estim\xe9 \xe0 2 millions d'\x80.",
    );
    let d = decode_html(&bytes, None, Some("https://www.example.fr/a")).unwrap();
    assert_eq!(d.source, CharsetSource::Detected);
    assert_eq!(d.encoding, "windows-1252");
    assert!(
        d.text.contains("dispersé les manifestants à Bogotá"),
        "{}",
        d.text
    );
}

#[test]
fn a_shift_jis_page_decodes_from_its_meta_and_without_it() {
    // 「警察が抗議者に催涙ガスを発射した。」 in Shift_JIS.
    let sentence = "東京で警察が抗議者に催涙ガスを発射した。首相は記者会見で遺憾の意を表明した。";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(sentence);
    assert_eq!(&sjis[..4], b"\x93\x8c\x8b\x9e"); // 東京: real Shift_JIS bytes
    let declared = page(r#"<meta charset="shift_jis">"#, &sjis);
    let d = decode_html(&declared, None, None).unwrap();
    assert_eq!((d.encoding, d.source), ("Shift_JIS", CharsetSource::Meta));
    assert!(d.text.contains(sentence));

    let undeclared = page("", &sjis);
    let d = decode_html(&undeclared, None, Some("http://www.example.co.jp/news")).unwrap();
    assert_eq!(
        (d.encoding, d.source),
        ("Shift_JIS", CharsetSource::Detected)
    );
    assert!(d.text.contains(sentence));
}

#[test]
fn gbk_and_windows_1250_pages_are_detected() {
    let zh = "警方周二在首都向反对派支持者发射催泪瓦斯，造成十二人受伤。政府发言人表示将展开调查。";
    let (gbk, _, _) = encoding_rs::GBK.encode(zh);
    let d = decode_html(&page("", &gbk), None, Some("http://news.example.cn/")).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert!(d.text.contains(zh));

    let pl = "Policja użyła gazu łzawiącego wobec demonstrantów w Warszawie. Rzecznik rządu zapowiedział śledztwo.";
    let (cp1250, _, _) = encoding_rs::WINDOWS_1250.encode(pl);
    let d = decode_html(
        &page("", &cp1250),
        None,
        Some("https://wiadomosci.example.pl/"),
    )
    .unwrap();
    assert_eq!(d.encoding, "windows-1250");
    assert!(d.text.contains(pl));
}

#[test]
fn the_http_header_wins_over_meta_and_a_bom_wins_over_both() {
    let bytes = page(r#"<meta charset="utf-8">"#, b"Caf\xe9");
    let d = decode_html(&bytes, Some("ISO-8859-15"), None).unwrap();
    assert_eq!((d.encoding, d.source), ("ISO-8859-15", CharsetSource::Http));
    assert!(d.text.contains("Café"));

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(page(r#"<meta charset="windows-1252">"#, "Café".as_bytes()));
    let d = decode_html(&bom, Some("iso-8859-1"), None).unwrap();
    assert_eq!((d.encoding, d.source), ("UTF-8", CharsetSource::Bom));
    assert!(d.text.starts_with("<!doctype") && d.text.contains("Café"));

    // encoding_rs never encodes to UTF-16: the bytes are built by hand.
    let mut le = vec![0xFF, 0xFE];
    for unit in "<p>Café</p>".encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
    }
    let d = decode_html(&le, None, None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", "<p>Café</p>"));
}

#[test]
fn a_page_resaved_as_utf8_with_a_stale_legacy_declaration_stays_utf8() {
    let bytes = page(
        r#"<meta charset="iso-8859-1">"#,
        "Président à Bogotá".as_bytes(),
    );
    let d = decode_html(&bytes, None, None).unwrap();
    assert_eq!((d.encoding, d.source), ("UTF-8", CharsetSource::Utf8));
    assert!(d.text.contains("Président à Bogotá"));
    // A meta that claims UTF-16 on ASCII bytes means UTF-8.
    let d = decode_html(&page(r#"<meta charset="utf-16">"#, b"ok"), None, None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn declarations_in_comments_are_not_read_and_labels_are_parsed_loosely() {
    let head = r#"<!-- <meta charset="koi8-r"> --><META HTTP-EQUIV='content-type' CONTENT='text/html;charset=Windows-1251'>"#;
    assert_eq!(
        meta_charset(head.as_bytes()).unwrap().name(),
        "windows-1251"
    );
    assert_eq!(meta_charset(b"<meta charset=bogus><p>x"), None);
    assert_eq!(
        content_type_charset("text/html; Charset=\"UTF-8\""),
        Some("UTF-8".into())
    );
    assert_eq!(content_type_charset("text/html"), None);
    assert_eq!(
        tld_of("https://news.Example.CO.JP:8080/a?b"),
        Some("jp".into())
    );
    assert_eq!(
        tld_of("http://xn--80ak6aa92e.xn--p1ai/"),
        Some("xn--p1ai".into())
    );
    assert_eq!(tld_of("http://例え.テスト/"), None);
}

#[test]
fn binary_and_empty_pages_are_refused_with_a_reason() {
    assert_eq!(
        decode_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, None).unwrap_err(),
        "binary data (NUL bytes), not a page"
    );
    assert_eq!(decode_html(b"  \n ", None, None).unwrap_err(), "empty page");
    // A stray NUL late in a page does not lose the page.
    let mut bytes = page("", &[b' '; 2000]);
    bytes.push(0);
    assert!(decode_html(&bytes, None, None)
        .unwrap()
        .text
        .ends_with('\u{fffd}'));
}

#[test]
fn feeds_follow_their_xml_declaration() {
    let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title></channel></rss>";
    let d = decode_xml(xml);
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.text.contains("<title>Café</title>"));
    let d = decode_xml("<rss><title>Café</title></rss>".as_bytes());
    assert_eq!((d.encoding, d.source), ("UTF-8", CharsetSource::Utf8));
}
