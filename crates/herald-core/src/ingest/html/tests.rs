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
