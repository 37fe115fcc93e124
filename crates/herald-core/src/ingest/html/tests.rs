use std::fs;

use crate::ingest::{read_inputs, InputDefaults};
use crate::model::RawBody;

#[test]
fn an_html_file_is_passed_on_whole_for_the_clean_stage() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!doctype html><html><head><title>Kenya protests | Example News</title></head>\
                <body><article><p>Police fired tear gas.</p></article></body></html>";
    fs::write(dir.path().join("page.htm"), page).unwrap();
    fs::write(dir.path().join("empty.html"), "\n\n").unwrap();
    let inputs = [
        dir.path().join("empty.html").to_string_lossy().into_owned(),
        dir.path().join("page.htm").to_string_lossy().into_owned(),
    ];
    let items: Vec<_> = read_inputs(&inputs, &InputDefaults::default()).collect();
    assert_eq!(items[0].as_ref().unwrap_err().reason, "empty file");
    let article = items[1].as_ref().unwrap();
    assert_eq!(article.body, RawBody::Html(page.into()));
    assert_eq!(article.title, None);
}

#[test]
fn legacy_encoded_pages_decode_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    // windows-1252 declared in <meta>: é = E9, € = 80.
    let cp1252 = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head>\
<body><p>Le caf\xe9 co\xfbte 3 \x80 \xe0 Paris.</p></body></html>";
    // Shift_JIS without any declaration (detected).
    let sentence = "東京で警察が抗議者に催涙ガスを発射した。首相は記者会見で遺憾の意を表明した。";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(sentence);
    let mut jp = b"<html><body><p>".to_vec();
    jp.extend_from_slice(&sjis);
    jp.extend_from_slice(b"</p></body></html>");
    fs::write(dir.path().join("fr.html"), cp1252).unwrap();
    fs::write(dir.path().join("jp.html"), &jp).unwrap();
    let inputs = [
        dir.path().join("fr.html").to_string_lossy().into_owned(),
        dir.path().join("jp.html").to_string_lossy().into_owned(),
    ];
    let items: Vec<_> = read_inputs(&inputs, &InputDefaults::default()).collect();
    let RawBody::Html(fr) = &items[0].as_ref().unwrap().body else {
        panic!("html")
    };
    assert!(fr.contains("Le café coûte 3 € à Paris."), "{fr}");
    let RawBody::Html(ja) = &items[1].as_ref().unwrap().body else {
        panic!("html")
    };
    assert!(ja.contains(sentence), "{ja}");
}
