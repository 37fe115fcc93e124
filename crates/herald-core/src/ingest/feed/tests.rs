//! Feeds as publishers write them: CDATA, double escaping, HTML entities, Atom types.

use super::{feed_date, unescape};
use crate::ingest::{read_inputs, IngestError, IngestErrorKind, InputDefaults};
use crate::model::{RawArticle, RawBody};

fn read_named(
    name: &str,
    bytes: &[u8],
    defaults: &InputDefaults,
) -> Vec<Result<RawArticle, IngestError>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_inputs(&[path.to_string_lossy().into_owned()], defaults).collect()
}

fn read(name: &str, bytes: &[u8]) -> Vec<Result<RawArticle, IngestError>> {
    read_named(name, bytes, &InputDefaults::default())
}

fn html(item: &Result<RawArticle, IngestError>) -> &str {
    match &item.as_ref().unwrap().body {
        RawBody::Html(html) => html,
        RawBody::Text(text) => panic!("expected HTML, got text {text:?}"),
    }
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News &amp; Views</title>
  <link>https://news.example.com/</link>
  <image><title>Logo title is not the source</title><url>https://news.example.com/logo.png</url></image>
  <item>
    <title>Kenya police fire tear gas at opposition &#8216;protesters&#8217;</title>
    <link>https://news.example.com/2023/03/20/kenya-protests</link>
    <pubDate>Mon, 20 Mar 2023 23:30:00 -0500</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>NAIROBI &mdash; Police fired tear gas at opposition supporters on Monday.</p>
<p>Twelve people were injured, witnesses said.</p>]]></content:encoded>
  </item>
  <item>
    <title>AT&T outage &amp; a bare ampersand</title>
    <guid isPermaLink="true">https://news.example.com/2023/03/21/outage</guid>
    <dc:date>2023-03-21T06:00:00+01:00</dc:date>
    <description>&lt;p&gt;Caf&amp;eacute; owners in Bogot&#225; said&amp;nbsp;the outage lasted hours.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Only a title</title>
    <link>https://news.example.com/only-title</link>
  </item>
</channel>
</rss>
"#;

#[test]
fn rss_items_are_articles_with_their_own_metadata() {
    let items = read("news.rss", RSS.as_bytes());
    assert_eq!(items.len(), 3, "{items:#?}");
    let first = items[0].as_ref().unwrap();
    assert_eq!(
        first.title.as_deref(),
        Some("Kenya police fire tear gas at opposition ‘protesters’")
    );
    assert_eq!(
        first.url.as_deref(),
        Some("https://news.example.com/2023/03/20/kenya-protests")
    );
    // The day as the feed wrote it (its own time zone), not converted to UTC.
    assert_eq!(first.published.as_deref(), Some("2023-03-20"));
    assert_eq!(first.source.as_deref(), Some("Example News & Views"));
    assert_eq!(first.origin.line, Some(8)); // the line of its <item>
    let body = html(&items[0]);
    assert!(
        body.contains("<p>NAIROBI &mdash; Police fired tear gas"),
        "{body}"
    );
    assert!(body.contains("<p>Twelve people were injured"));
    assert!(
        !body.contains("Short summary"),
        "content:encoded wins over description"
    );

    let second = items[1].as_ref().unwrap();
    assert_eq!(
        second.title.as_deref(),
        Some("AT&T outage & a bare ampersand")
    );
    assert_eq!(
        second.url.as_deref(),
        Some("https://news.example.com/2023/03/21/outage")
    );
    assert_eq!(second.published.as_deref(), Some("2023-03-21"));
    // Unescaped once, as XML says: what is left is HTML, for the HTML parser.
    let body = html(&items[1]);
    assert!(
        body.contains("<p>Caf&eacute; owners in Bogotá said&nbsp;the outage lasted hours.</p>"),
        "{body}"
    );

    let third = items[2].as_ref().unwrap_err();
    assert_eq!(third.kind, IngestErrorKind::Unreadable);
    assert_eq!(third.origin.line, Some(22));
    assert!(
        third
            .reason
            .starts_with("feed item `Only a title` has no text"),
        "{}",
        third.reason
    );
}

#[test]
fn the_cli_defaults_fill_only_what_an_item_lacks() {
    let defaults = InputDefaults {
        published: Some("2020-01-01".into()),
        url: None,
        source: Some("cli".into()),
    };
    let items = read_named("news.rss", RSS.as_bytes(), &defaults);
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.published.as_deref(), Some("2023-03-20"));
    assert_eq!(first.source.as_deref(), Some("Example News & Views"));
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Wire</title>
  <id>tag:wire.example.org,2023:feed</id>
  <updated>2023-03-22T10:00:00Z</updated>
  <entry>
    <title type="html">Protesters &amp;amp; police clash in &lt;em&gt;Lima&lt;/em&gt;</title>
    <link rel="self" href="https://wire.example.org/api/entries/1"/>
    <link rel="alternate" type="text/html" href="https://wire.example.org/2023/03/22/lima"/>
    <id>tag:wire.example.org,2023:1</id>
    <published>2023-03-22T08:00:00-05:00</published>
    <updated>2023-03-23T09:00:00Z</updated>
    <summary>Summary text.</summary>
    <content type="html">&lt;p&gt;LIMA (Wire) &amp;#8212; Police clashed with protesters on Wednesday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Inline markup</title>
    <link href="https://wire.example.org/2023/03/22/inline"/>
    <updated>2023-03-22T11:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Soldiers <b>withdrew</b> from the town.</p></div></content>
  </entry>
  <entry>
    <title>Plain</title>
    <id>https://wire.example.org/2023/03/22/plain</id>
    <updated>Wed, 22 Mar 2023 12:00:00 GMT</updated>
    <content type="text">Ministers met in Geneva &lt;for talks&gt;.</content>
  </entry>
</feed>"#;

#[test]
fn atom_entries_read_html_xhtml_and_text_content() {
    let items = read("wire.atom", ATOM.as_bytes());
    assert_eq!(items.len(), 3, "{items:#?}");
    let first = items[0].as_ref().unwrap();
    assert_eq!(
        first.title.as_deref(),
        Some("Protesters & police clash in Lima")
    );
    assert_eq!(
        first.url.as_deref(),
        Some("https://wire.example.org/2023/03/22/lima")
    );
    assert_eq!(first.published.as_deref(), Some("2023-03-22"));
    assert_eq!(first.source.as_deref(), Some("Atom Wire"));
    assert!(
        html(&items[0]).contains("<p>LIMA (Wire) &#8212; Police clashed"),
        "{}",
        html(&items[0])
    );

    let second = items[1].as_ref().unwrap();
    assert_eq!(second.published.as_deref(), Some("2023-03-22")); // from <updated>
    assert!(
        html(&items[1]).contains("<p>Soldiers <b>withdrew</b> from the town.</p>"),
        "{}",
        html(&items[1])
    );
    let third = items[2].as_ref().unwrap();
    assert_eq!(
        third.url.as_deref(),
        Some("https://wire.example.org/2023/03/22/plain")
    );
    assert_eq!(third.published.as_deref(), Some("2023-03-22"));
    assert_eq!(
        third.body,
        RawBody::Text("Ministers met in Geneva <for talks>.".into())
    );
}

#[test]
fn rss_1_rdf_feeds_are_read() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example.net/"><title>Old Portal</title></channel>
  <item rdf:about="https://old.example.net/a">
    <title>Rebels seize town</title>
    <link>https://old.example.net/a</link>
    <description>Rebels seized the town of X on Friday.</description>
    <dc:date>2004-07-16</dc:date>
  </item>
</rdf:RDF>"#;
    let items = read("portal.xml", rdf.as_bytes());
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.source.as_deref(), Some("Old Portal"));
    assert_eq!(a.published.as_deref(), Some("2004-07-16"));
    assert_eq!(a.url.as_deref(), Some("https://old.example.net/a"));
}

#[test]
fn a_feed_that_is_really_a_page_is_read_as_the_page() {
    let page = "<!DOCTYPE html><html><head><title>Feed moved</title></head><body><p>Our feed has moved to a new address.</p></body></html>";
    let items = read("news.rss", page.as_bytes());
    assert_eq!(items.len(), 1);
    assert_eq!(html(&items[0]), page);
    assert_eq!(items[0].as_ref().unwrap().origin.line, None);
}

#[test]
fn a_feed_saved_under_another_extension_is_still_a_feed() {
    for name in ["feed.html", "feed.txt", "feed"] {
        let items = read(name, RSS.as_bytes());
        assert_eq!(items.len(), 3, "{name}");
        assert!(items[0].is_ok(), "{name}");
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, ATOM.as_bytes()).unwrap();
    let items = read("wire.atom.gz", &gz.finish().unwrap());
    assert_eq!(items.len(), 3);
}

#[test]
fn xml_that_is_not_a_feed_and_broken_feeds_get_reasons() {
    let sitemap = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>"#;
    let items = read("sitemap.xml", sitemap.as_bytes());
    assert_eq!(
        items[0].as_ref().unwrap_err().reason,
        "XML but not an RSS or Atom feed (root element <urlset>)"
    );
    assert_eq!(
        items[0].as_ref().unwrap_err().kind,
        IngestErrorKind::Ignored
    );
    let items = read("empty.rss", b"  \n");
    assert_eq!(items[0].as_ref().unwrap_err().reason, "empty file");
    let items = read(
        "none.rss",
        b"<rss><channel><title>T</title></channel></rss>",
    );
    assert_eq!(
        items[0].as_ref().unwrap_err().reason,
        "feed without any item or entry"
    );

    // A damaged item loses itself only; a cut feed reports its last item.
    let broken = "<rss><channel><title>T</title>\n\
<item><title>One</title><description>First story.</description></item>\n\
<item><title>Two</title><description>Bad <![CDATA[ never closed</description></item>\n";
    let items = read("broken.rss", broken.as_bytes());
    assert!(items[0].is_ok(), "{items:#?}");
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(err.origin.line, Some(3));
    assert!(!err.reason.is_empty());

    let cut = "<rss><channel><title>T</title>\n<item><title>One</title><description>First story.</description></item>\n<item><title>Two</title><description>Second";
    let items = read("cut.rss", cut.as_bytes());
    assert!(items[0].is_ok());
    assert!(
        items[1]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("ends inside this item"),
        "{:#?}",
        items[1]
    );
}

#[test]
fn a_legacy_encoded_feed_follows_its_declaration() {
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><channel><title>Le Journal</title>\n<item><title>Le caf\xe9 co\xfbte 3 \x80</title><link>https://journal.example.fr/a</link><description>Les prix montent \xe0 Paris.</description></item>\n</channel></rss>".to_vec();
    let items = read("journal.rss", &bytes);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Le café coûte 3 €"));
    assert!(html(&items[0]).contains("Les prix montent à Paris."));
    bytes.truncate(10);
}

#[test]
fn feed_dates_in_the_forms_feeds_write() {
    for (raw, day) in [
        ("Tue, 14 Mar 2023 10:00:00 GMT", Some("2023-03-14")),
        ("Tue, 14 Mar 2023 23:30:00 -0500", Some("2023-03-14")),
        ("14 Mar 2023 10:00 EST", Some("2023-03-14")),
        ("Tuesday, 14 March 2023 10:00:00 +0000", Some("2023-03-14")),
        ("Tue, 14 Mar 23 10:00:00 GMT", Some("2023-03-14")),
        ("2023-03-14T10:00:00Z", Some("2023-03-14")),
        ("2023-03-14T23:30:00-05:00", Some("2023-03-14")),
        ("2023-03-14", Some("2023-03-14")),
        ("2023-02-30T10:00:00Z", None),
        ("yesterday", None),
        ("", None),
        ("Mon, 32 Mar 2023 10:00:00 GMT", None),
    ] {
        assert_eq!(feed_date(raw).as_deref(), day, "{raw}");
    }
}

#[test]
fn unescaping_keeps_what_it_does_not_know() {
    assert_eq!(unescape("AT&T &amp; &lt;b&gt;"), "AT&T & <b>");
    assert_eq!(unescape("&#233;&#xE9;&eacute;&nbsp;"), "ééé\u{a0}");
    assert_eq!(
        unescape("&unknown; & &#xZZ; &#1114112;"),
        "&unknown; & &#xZZ; &#1114112;"
    );
    assert_eq!(unescape("trailing &"), "trailing &");
    assert_eq!(unescape("&;"), "&;");
}

#[test]
fn a_feed_cut_anywhere_never_panics() {
    let bytes = [RSS.as_bytes(), ATOM.as_bytes()].concat();
    for cut in (0..bytes.len()).step_by(5) {
        let text = String::from_utf8_lossy(&bytes[..cut]);
        let parsed = super::parse(&text);
        assert!(parsed.items.len() <= 6, "cut at {cut}");
        let _ = super::super::Format::detect(&bytes[cut..]);
        let _ = feed_date(&text[text.len().saturating_sub(30)..]);
    }
}
