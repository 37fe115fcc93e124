//! End-to-end cleaning of wire-style articles, asserting the exact clean text.

use super::*;
use crate::model::Origin;

fn article(title: Option<&str>, body: RawBody) -> RawArticle {
    RawArticle {
        origin: Origin {
            path: "test".into(),
            line: None,
        },
        url: None,
        title: title.map(str::to_string),
        published: None,
        source: None,
        body,
    }
}

fn text(title: Option<&str>, body: &str) -> Cleaned {
    clean(&article(title, RawBody::Text(body.into()))).unwrap()
}

fn html(title: Option<&str>, page: &str) -> Cleaned {
    clean(&article(title, RawBody::Html(page.into()))).unwrap()
}

#[test]
fn scraped_wire_story_loses_header_credits_ads_and_share_lines() {
    let body = "World\r\n\
Kenya police fire tear gas at opposition protesters in Nairobi\r\n\
\r\n\
Kenyan riot police fire tear gas at protesters in Nairobi, Kenya, March 20, 2023. REUTERS/Thomas Mukoya\r\n\
\r\n\
NAIROBI, Kenya (AP) —  Police in Kenya's capital fired tear gas at hundreds of supporters of \
opposition leader Raila Odinga on Monday, as [ad_1] protests over the cost of living turned violent.\r\n\
\r\n\
Advertisement\r\n\
\r\n\
\"We will not back down,\" Odinga told reporters. Interior Minister Kithure Kindiki said 238 people \
had been arrested.\r\n\
\r\n\
Photo: Tony Karumba | AFP via Getty Images\r\n\
Share this article\r\n\
Read more: Kenya's opposition vows weekly protests\r\n";
    let c = text(None, body);
    let title = "Kenya police fire tear gas at opposition protesters in Nairobi";
    assert_eq!(c.title.as_deref(), Some(title));
    assert_eq!(
        c.text,
        format!(
            "{title}\n\n\
NAIROBI, Kenya (AP) — Police in Kenya's capital fired tear gas at hundreds of supporters of \
opposition leader Raila Odinga on Monday, as protests over the cost of living turned violent.\n\n\
\"We will not back down,\" Odinga told reporters. Interior Minister Kithure Kindiki said 238 people \
had been arrested."
        )
    );
    assert_eq!(c.body_start, title.len() + 2);
    assert!(c.text[c.body_start..].starts_with("NAIROBI"));
    assert_eq!(c.published, None);
}

#[test]
fn a_record_title_comes_first_and_is_not_repeated() {
    let c = text(
        Some("Sudan army, RSF agree to 72-hour ceasefire"),
        "Sudan army, RSF agree to 72-hour ceasefire\n\n\
KHARTOUM (Reuters) - Sudan's army and the paramilitary Rapid Support Forces agreed to a \
72-hour ceasefire, U.S. Secretary of State Antony Blinken said on Monday.",
    );
    assert_eq!(
        c.text,
        "Sudan army, RSF agree to 72-hour ceasefire\n\nKHARTOUM (Reuters) - Sudan's army and the \
paramilitary Rapid Support Forces agreed to a 72-hour ceasefire, U.S. Secretary of State Antony \
Blinken said on Monday."
    );
    assert_eq!(
        c.body_start,
        "Sudan army, RSF agree to 72-hour ceasefire".len() + 2
    );

    // A body without the title gets it prepended.
    let c = text(
        Some("Troops withdraw  from Kherson"),
        "KYIV (Reuters) - Russian troops withdrew.",
    );
    assert_eq!(
        c.text,
        "Troops withdraw from Kherson\n\nKYIV (Reuters) - Russian troops withdrew."
    );
    assert_eq!(c.title.as_deref(), Some("Troops withdraw from Kherson"));
    assert_eq!(c.body_start, 30);
}

#[test]
fn a_lone_section_name_before_the_body_is_dropped_when_the_record_has_a_title() {
    let c = text(
        Some("Protesters storm parliament in Tunis"),
        "Africa\n\nTUNIS (AP) — Hundreds of protesters stormed the parliament building on Sunday.",
    );
    assert_eq!(
        c.text,
        "Protesters storm parliament in Tunis\n\nTUNIS (AP) — Hundreds of protesters stormed the \
parliament building on Sunday."
    );
}

#[test]
fn plain_text_without_a_headline_has_no_title() {
    let body = "MOGADISHU (Reuters) - Al-Shabaab fighters attacked a military base in central \
Somalia on Friday, officials said.\n\nThe army said 12 militants were killed.";
    let c = text(None, body);
    assert_eq!(c.title, None);
    assert_eq!(c.body_start, 0);
    assert_eq!(c.text, body);
}

#[test]
fn hard_wrapped_wire_copy_is_rejoined_into_paragraphs() {
    // Reuters-21578 style: upper-case headline, body wrapped at ~70 columns.
    let body = "BAHIA COCOA REVIEW\n\n    SALVADOR, Feb 26 - Showers continued throughout the \
week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving \
prospects for the coming temporao,\nalthough normal humidity levels have not been restored,\n\
Comissaria Smith said in its weekly review.\n    The dry period means the temporao will be \
late this year.\n";
    let c = text(None, body);
    assert_eq!(c.title.as_deref(), Some("BAHIA COCOA REVIEW"));
    assert_eq!(
        c.text,
        "BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in the \
Bahia cocoa zone, alleviating the drought since early January and improving prospects for the \
coming temporao, although normal humidity levels have not been restored, Comissaria Smith said \
in its weekly review.\n\nThe dry period means the temporao will be late this year."
    );
}

#[test]
fn one_paragraph_per_line_text_keeps_its_paragraphs() {
    let body = "Israeli strikes hit Gaza City overnight\nGAZA (AP) — Israeli airstrikes hit \
Gaza City overnight, health officials said.\nThe Israeli military said it targeted Hamas \
command centers.\nImage copyright Getty Images\nNo group claimed responsibility.";
    let c = text(None, body);
    assert_eq!(
        c.text,
        "Israeli strikes hit Gaza City overnight\n\nGAZA (AP) — Israeli airstrikes hit Gaza City \
overnight, health officials said.\n\nThe Israeli military said it targeted Hamas command \
centers.\n\nNo group claimed responsibility."
    );
}

#[test]
fn nothing_left_is_an_error_that_says_why() {
    let err = clean(&article(
        None,
        RawBody::Text("Advertisement\n\n[ad_1]\n\nShare this article".into()),
    ))
    .unwrap_err();
    assert!(err.starts_with("empty after cleaning"), "{err}");
}

#[test]
fn a_headline_only_record_keeps_its_title_as_text() {
    let c = text(Some("Junta seizes power in Niger"), "Advertisement");
    assert_eq!(c.text, "Junta seizes power in Niger");
    assert_eq!(c.body_start, c.text.len());
}

const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Kenya police fire tear gas at protesters | World | Example News</title>
<meta property="og:title" content="Kenya police fire tear gas at protesters">
<meta property="article:published_time" content="2023-03-20T14:05:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-03-21"}</script>
</head><body>
<header><nav><p>Home</p><p>World</p></nav></header>
<article>
  <h1>Kenya police fire tear gas at protesters</h1>
  <figure><img src="x.jpg"><figcaption><p>Protesters in Nairobi. (AP Photo/Brian Inganga)</p></figcaption></figure>
  <p class="byline">By Evelyne Musambi</p>
  <p>NAIROBI, Kenya (AP) &mdash; Police fired tear gas at   opposition supporters
     on Monday, Oct. 10, in the capital&#8217;s Kibera neighborhood.</p>
  <div class="ad-slot"><p>Advertisement</p></div>
  <p>[ad_1]</p>
  <p>&quot;We will not back down,&quot; Odinga said.<br>The march was declared illegal.</p>
  <p>Photo: John Doe | AFP via Getty Images</p>
  <aside><p>Related: Kenya's economy in crisis</p></aside>
</article>
<article class="teaser"><p>Other story</p></article>
<footer><p>&copy; 2023 Example News</p></footer>
</body></html>"#;

#[test]
fn html_article_paragraphs_title_and_date() {
    let c = html(None, PAGE);
    let title = "Kenya police fire tear gas at protesters";
    assert_eq!(c.title.as_deref(), Some(title));
    assert_eq!(
        c.text,
        format!(
            "{title}\n\nNAIROBI, Kenya (AP) — Police fired tear gas at opposition supporters on \
Monday, Oct. 10, in the capital’s Kibera neighborhood.\n\n\"We will not back down,\" Odinga \
said. The march was declared illegal."
        )
    );
    assert_eq!(c.body_start, title.len() + 2);
    assert_eq!(c.published.as_deref(), Some("2023-03-20T14:05:00Z"));
}

#[test]
fn html_date_falls_back_to_json_ld_then_time() {
    let page = r#"<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-11-09T08:00:00+03:00"}]}
    </script></head><body><article><p>Troops withdrew from Kherson on Wednesday.</p></article></body></html>"#;
    assert_eq!(
        html(None, page).published.as_deref(),
        Some("2022-11-09T08:00:00+03:00")
    );
    let page = r#"<html><body><article><time datetime="2021-10-10">Oct. 10</time>
      <p>Protesters marched in Khartoum.</p></article></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2021-10-10"));
    let page = r#"<html><head><meta name="Date" content="2020-01-03"></head><body><p>An airstrike killed a general.</p></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2020-01-03"));
}

#[test]
fn html_prefers_the_article_body_over_teasers_and_falls_back_to_the_page() {
    let page = r#"<html><head><title>Niger junta closes airspace - Example Wire</title></head><body>
      <article><p>Short teaser.</p></article>
      <div itemprop="articleBody"><p>NIAMEY (Reuters) - Niger's junta closed the country's airspace on Sunday.</p>
      <p>The junta cited the threat of intervention.</p></div></body></html>"#;
    let c = html(None, page);
    assert_eq!(
        c.text,
        "Niger junta closes airspace\n\nNIAMEY (Reuters) - Niger's junta closed the country's \
airspace on Sunday.\n\nThe junta cited the threat of intervention."
    );
    // No <p> at all: block elements become paragraphs.
    let page = "<html><body><div>Rebels seized the town of Bunia.</div><div>The UN condemned \
the attack.</div><script>var x = 1;</script></body></html>";
    let c = html(Some("Rebels seize Bunia"), page);
    assert_eq!(
        c.text,
        "Rebels seize Bunia\n\nRebels seized the town of Bunia.\n\nThe UN condemned the attack."
    );
}

#[test]
fn site_suffixes_are_cut_only_when_they_look_like_a_site() {
    use html::strip_site_suffix;
    assert_eq!(
        strip_site_suffix("Kenya protests turn deadly | Reuters"),
        "Kenya protests turn deadly"
    );
    assert_eq!(
        strip_site_suffix("Kenya protests turn deadly - BBC News"),
        "Kenya protests turn deadly"
    );
    assert_eq!(
        strip_site_suffix("Coup in Niger — nytimes.com"),
        "Coup in Niger"
    );
    assert_eq!(
        strip_site_suffix("Sudan ceasefire collapses - army blames RSF"),
        "Sudan ceasefire collapses - army blames RSF"
    );
    assert_eq!(strip_site_suffix("Reuters"), "Reuters");
    // A site name followed by its tagline.
    assert_eq!(
        strip_site_suffix(
            "Six aid workers dead in ambush in South Sudan - Wikinews, the free news source"
        ),
        "Six aid workers dead in ambush in South Sudan"
    );
}

#[test]
fn a_hard_wrapped_first_line_is_not_taken_for_a_title() {
    let body = "MOGADISHU (Reuters) - Al-Shabaab fighters attacked a military base in\n\
central Somalia on Friday, killing at least 12 soldiers, officials said in\n\
a statement.\n";
    let c = text(None, body);
    assert_eq!(c.title, None);
    assert_eq!(
        c.text,
        "MOGADISHU (Reuters) - Al-Shabaab fighters attacked a military base in central Somalia \
on Friday, killing at least 12 soldiers, officials said in a statement."
    );
}

#[test]
fn publication_days_in_urls() {
    use crate::clean::url_date;
    assert_eq!(
        url_date("https://laprensafl.com/2020/02/17/tenemos-silvia-pinal/").as_deref(),
        Some("2020-02-17")
    );
    assert_eq!(
        url_date("https://www.recordonline.com/news/20200316/rockland-to-declare?rssfeed=true")
            .as_deref(),
        Some("2020-03-16")
    );
    assert_eq!(
        url_date("https://example.org/news/2021-11-07-kenya-protests").as_deref(),
        Some("2021-11-07")
    );
    // A month alone, an impossible day, or a story id that happens to be digits: nothing.
    assert_eq!(
        url_date("https://azraelsmerryland.blogspot.com/2020/07/consumers.html"),
        None
    );
    assert_eq!(url_date("https://example.org/2021/02/30/x"), None);
    assert_eq!(url_date("https://tass.ru/moskva/8836033"), None);
    assert_eq!(url_date("https://example.org/story/12345678/"), None);
}

/// A news page as CMSs emit them: menus, cookie banner, share bar, ad slot, caption,
/// related stories, newsletter box, comments and footer around a story with a
/// subheading, a list and a quote.
const FULL_PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head>
<title>Ceasefire talks resume in Doha | World | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.com/world/2023/03/20/ceasefire-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example News"},
 {"@type":"NewsArticle","headline":"Ceasefire talks resume in Doha","datePublished":"2023-03-20T09:30:00+03:00",
  "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}]}]}</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our policy.</p><button>Accept</button></div>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main>
<article>
<h1>Ceasefire talks resume in Doha</h1>
<div class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a> and Omar Haddad</div>
<div class="share-bar"><a href="/share">Share on Facebook</a> <a href="/share">Share on Twitter</a> <a href="/share">Email</a></div>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Doha on Monday. Photo: Example/Reuters</figcaption></figure>
<div class="article-body">
<p>DOHA, Qatar — Negotiators for both sides returned to the table in Doha on Monday, a week after talks collapsed over the release of detainees.</p>
<p>Mediators said the first session lasted four hours, and that a second was planned for Tuesday, with officials from Egypt and the United States attending.</p>
<div class="ad-slot"><p>Advertisement</p></div>
<h2>What is on the table</h2>
<p>The draft agreement, seen by reporters, has three stages:</p>
<ul><li>a six-week pause in fighting;</li><li>the exchange of detainees;</li><li>talks on a permanent settlement.</li></ul>
<blockquote><p>"We are closer than we have been in months," one mediator said.</p></blockquote>
<p>Previous rounds, in January and February, ended without agreement, and fighting resumed within days.</p>
</div>
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our daily newsletter with the day's top stories, delivered to your inbox every morning.</p><form><input type="email"></form></div>
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Talks collapse over detainee releases, mediators say</a></li><li><a href="/b">Who are the mediators in the Doha negotiations?</a></li></ul></div>
</article>
<section id="comments"><h2>Comments</h2><div class="comment"><p>This is the best news I have read all week, finally some progress for everyone involved.</p></div></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Floods hit the capital for the third time this year, thousands displaced</a></li></ol></aside>
<footer><p>&copy; 2023 Example News. All rights reserved.</p><p>Contact us, privacy policy and terms of use for every reader of this website.</p></footer>
</body></html>"#;

#[test]
fn html_keeps_the_story_and_drops_the_furniture_around_it() {
    let c = html(None, FULL_PAGE);
    let title = "Ceasefire talks resume in Doha";
    assert_eq!(c.title.as_deref(), Some(title));
    assert_eq!(
        c.text,
        format!(
            "{title}\n\n\
DOHA, Qatar — Negotiators for both sides returned to the table in Doha on Monday, a week after \
talks collapsed over the release of detainees.\n\n\
Mediators said the first session lasted four hours, and that a second was planned for Tuesday, \
with officials from Egypt and the United States attending.\n\n\
What is on the table\n\n\
The draft agreement, seen by reporters, has three stages:\n\n\
a six-week pause in fighting;\n\n\
the exchange of detainees;\n\n\
talks on a permanent settlement.\n\n\
\"We are closer than we have been in months,\" one mediator said.\n\n\
Previous rounds, in January and February, ended without agreement, and fighting resumed within days."
        )
    );
    for gone in [
        "cookies",
        "Home",
        "Share",
        "Photo",
        "Advertisement",
        "newsletter",
        "Related",
        "mediators in the Doha",
        "best news",
        "Floods",
        "rights reserved",
        "privacy",
    ] {
        assert!(!c.text.contains(gone), "{gone:?} should be dropped");
    }
}

#[test]
fn html_metadata_from_json_ld_metas_and_markup() {
    let c = html(None, FULL_PAGE);
    assert_eq!(c.published.as_deref(), Some("2023-03-20T09:30:00+03:00"));
    assert_eq!(c.authors, vec!["Jane Doe", "Omar Haddad"]);
    assert_eq!(
        c.canonical_url.as_deref(),
        Some("https://news.example.com/world/2023/03/20/ceasefire-talks")
    );
    assert_eq!(c.site_name.as_deref(), Some("Example News"));
    assert_eq!(c.language.as_deref(), Some("en"));

    // og:title wins over <title>, and loses its site suffix too.
    let page = r#"<html><head><title>Old headline - Example</title>
      <meta property="og:title" content="Army takes the airport | Example Wire">
      <meta name="author" content="By Ana Ruiz, Tom Lee">
      <meta property="og:url" content="https://wire.example.org/a/1"></head>
      <body><article><p>The army took the airport on Sunday, officials said.</p></article></body></html>"#;
    let c = html(None, page);
    assert_eq!(c.title.as_deref(), Some("Army takes the airport"));
    assert_eq!(c.authors, vec!["Ana Ruiz", "Tom Lee"]);
    assert_eq!(
        c.canonical_url.as_deref(),
        Some("https://wire.example.org/a/1")
    );
    assert_eq!(c.language, None);
    assert_eq!(c.published, None);
}

#[test]
fn html_publication_dates_in_other_forms() {
    // A visible date line near the headline, in words.
    let page = r#"<html><body><article><h1>Strike shuts ports</h1>
      <div class="post-date">Published March 20, 2023 at 9:14 am</div>
      <p>Dock workers walked out at every port on the coast on Monday.</p></article>
      <div class="related"><span class="date">January 2, 2019</span></div></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2023-03-20"));
    // A meta in RFC 2822 form is normalised to a day.
    let page = r#"<html><head><meta name="pubdate" content="Mon, 20 Mar 2023 14:05:00 GMT">
      </head><body><p>Dock workers walked out.</p></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2023-03-20"));
    // JSON-LD that does not parse still gives its datePublished.
    let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
      "datePublished": "2021-11-07T10:00:00Z", }</script></head><body><p>Text here.</p></body></html>"#;
    assert_eq!(
        html(None, page).published.as_deref(),
        Some("2021-11-07T10:00:00Z")
    );
    use metadata::text_date;
    assert_eq!(text_date("20 March 2023").as_deref(), Some("2023-03-20"));
    assert_eq!(text_date("Sept. 3rd, 2021").as_deref(), Some("2021-09-03"));
    assert_eq!(
        text_date("posted 2020/06/22 07:30").as_deref(),
        Some("2020-06-22")
    );
    assert_eq!(text_date("25.12.2020").as_deref(), Some("2020-12-25"));
    assert_eq!(text_date("12/25/2020").as_deref(), Some("2020-12-25"));
    assert_eq!(text_date("March 2023"), None);
    assert_eq!(text_date("Room 12, 2023 visitors"), None);
}

#[test]
fn html_text_in_divs_and_line_breaks_is_read_as_paragraphs() {
    let page = r#"<html><body>
      <div id="menu"><div><a href="/">Home</a></div><div><a href="/news">News</a></div></div>
      <div class="entry">Rebels seized the town of Bunia on Friday, residents said, after two days of fighting.<br><br>
      The United Nations condemned the attack and called for an immediate ceasefire in the province.<br><br>
      Aid groups said thousands of people had fled toward the border, many of them on foot.</div>
      <div class="widget"><a href="/x">Older posts</a></div>
      </body></html>"#;
    let c = html(Some("Rebels seize Bunia"), page);
    assert_eq!(
        c.text,
        "Rebels seize Bunia\n\n\
Rebels seized the town of Bunia on Friday, residents said, after two days of fighting.\n\n\
The United Nations condemned the attack and called for an immediate ceasefire in the province.\n\n\
Aid groups said thousands of people had fled toward the border, many of them on foot."
    );
}

#[test]
fn html_story_split_by_ad_slots_is_read_whole() {
    let chunk = |n: usize| {
        format!(
            "<div class=\"text-wrap\"><div class=\"text-grid\"><p>Paragraph {n} of the story, \
with enough words, commas, and detail to read as prose.</p><p>Another sentence in chunk {n}, \
which also reads like an article.</p></div></div><div class=\"dfp-ad\"></div>"
        )
    };
    let page = format!(
        "<html><body><div class=\"story\">{}</div><div class=\"footer-links\"><a href=\"/\">About us</a></div></body></html>",
        (1..=5).map(chunk).collect::<String>()
    );
    let c = html(Some("Split story"), &page);
    for n in 1..=5 {
        assert!(
            c.text.contains(&format!("Paragraph {n} of")),
            "chunk {n} kept"
        );
    }
    assert!(!c.text.contains("About us"));
}

#[test]
fn hostile_nesting_is_read_without_recursion() {
    let depth = 100_000;
    let mut page = String::with_capacity(depth * 11 + 200);
    page.push_str("<html><body>");
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("<p>Deep inside, the story still reads as a sentence, with commas.</p>");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    let started = std::time::Instant::now();
    let c = clean(&article(Some("Deep"), RawBody::Html(page)));
    assert!(started.elapsed().as_secs() < 60);
    // html5ever may flatten part of such a tree; whatever it keeps, nothing panics.
    if let Ok(c) = c {
        assert!(c.text.starts_with("Deep"));
    }
    // Many unclosed inline elements and a huge flat page are bounded too.
    let page = format!(
        "<html><body>{}</body></html>",
        "<b><i><a href=x>t ".repeat(20_000)
    );
    let _ = clean(&article(None, RawBody::Html(page)));
}

#[test]
fn written_dates_in_other_languages_and_scripts() {
    use metadata::text_date;
    let day = |t: &str| text_date(t);
    assert_eq!(
        day("martes 3 de noviembre de 2020").as_deref(),
        Some("2020-11-03")
    );
    assert_eq!(
        day("Publicado em 22 de outubro de 2019, 08:10").as_deref(),
        Some("2019-10-22")
    );
    assert_eq!(day("1er mars 2021 à 10h").as_deref(), Some("2021-03-01"));
    assert_eq!(day("Stand: 3. März 2020").as_deref(), Some("2020-03-03"));
    assert_eq!(day("zondag 12 oktober 2022").as_deref(), Some("2022-10-12"));
    assert_eq!(
        day("luni, 5 septembrie 2021, 10:15").as_deref(),
        Some("2021-09-05")
    );
    assert_eq!(day("5 ottobre 2020").as_deref(), Some("2020-10-05"));
    assert_eq!(day("2021年3月5日 14:00").as_deref(), Some("2021-03-05"));
    assert_eq!(day("입력 2021년 3월 5일").as_deref(), Some("2021-03-05"));
    assert_eq!(day("الخميس، 05 نوفمبر 2020").as_deref(), Some("2020-11-05"));
    assert_eq!(day("12 out of 2020 voters"), None);
    assert_eq!(day("Olympia 12, 2020"), None);
    // A meta written in Arabic words still gives its day.
    let page = r#"<html><head><meta property="article:published_time" content="الخميس، 05 نوفمبر 2020 - 09:30 ص">
      </head><body><p>Text of the story.</p></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2020-11-05"));
    // A Spanish date line in a date-named element.
    let page = r#"<html><body><h1>Suben las tarifas</h1><div class="fecha-date">jueves 4 de junio de 2020</div>
      <p>Las tarifas subieron el jueves en todo el país.</p></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2020-06-04"));
}

#[test]
fn utc_publication_times_yield_to_the_publishers_local_day() {
    // The same instant declared twice: the one with the publisher's offset wins.
    let page = r#"<html><head>
      <meta property="article:published_time" content="2021-06-04T23:30:00+00:00">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-06-05T01:30:00+02:00"}</script>
      </head><body><p>The council met late on Friday.</p></body></html>"#;
    assert_eq!(
        html(None, page).published.as_deref(),
        Some("2021-06-05T01:30:00+02:00")
    );
    // A UTC time after local midnight: the day shown to readers is the local one.
    let utc_and_shown = |utc: &str, shown: &str| {
        let page = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{utc}"}}</script>
            </head><body><h1>Storm hits the coast</h1><span class="entry-date">{shown}</span>
            <p>The storm made landfall in the evening.</p></body></html>"#
        );
        html(None, &page).published
    };
    assert_eq!(
        utc_and_shown("2021-06-05T02:10:00Z", "June 4, 2021 10:10 pm").as_deref(),
        Some("2021-06-04")
    );
    // Not when the shown day cannot be that instant anywhere (UTC−10 to UTC+14) …
    assert_eq!(
        utc_and_shown("2021-06-05T12:00:00Z", "June 4, 2021").as_deref(),
        Some("2021-06-05T12:00:00Z")
    );
    // … nor when the shown time is itself in GMT.
    assert_eq!(
        utc_and_shown("2021-06-05T02:10:00Z", "02:10 GMT 04.06.2021").as_deref(),
        Some("2021-06-05T02:10:00Z")
    );
    // The day in the URL is the publisher's too.
    let cleaned = Cleaned {
        published: Some("20210605T03:00:00Z".into()),
        ..Cleaned::default()
    };
    let url = Some("https://news.example.org/2021/06/04/storm-hits-the-coast/");
    let day = |c: &Cleaned| crate::pipeline::page_publication_day(c, url).map(|d| d.to_string());
    assert_eq!(day(&cleaned).as_deref(), Some("2021-06-04"));
    let cleaned = Cleaned {
        published: Some("2021-06-05T11:00:00Z".into()),
        ..Cleaned::default()
    };
    assert_eq!(day(&cleaned).as_deref(), Some("2021-06-05"));
    let cleaned = Cleaned {
        published: Some("2021-06-05T03:00:00-04:00".into()),
        ..Cleaned::default()
    };
    assert_eq!(day(&cleaned).as_deref(), Some("2021-06-05"));
}

#[test]
fn the_date_line_is_read_under_the_headline_the_metadata_names() {
    // The first <h1> is the site's masthead; the headline, set in an <h2>, repeats the
    // title, and the date line is under it.
    let page = r#"<html><head><title>Valley Courier :: Bridge reopens after repairs</title></head>
      <body><h1 class="masthead">Valley Courier</h1>
      <ul><li>Home</li><li>Local</li><li>Sports</li><li>Business</li><li>Opinion</li>
      <li>Weather</li><li>Obituaries</li><li>Classifieds</li><li>Contact</li></ul>
      <h2>Bridge reopens after repairs</h2>
      <div>Staff reporter | 2021-09-14 08:30</div>
      <p>The river bridge reopened to traffic on Tuesday after two months of repairs.</p>
      </body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2021-09-14"));
    // Right under the headline, a date bar built as a navigation list is still the
    // article's date.
    let page = r#"<html><head><meta property="og:title" content="Port strike enters its third week"></head>
      <body><h1>Port strike enters its third week</h1>
      <ul class="nav meta"><li>14 Sep 2021 08:30</li></ul>
      <p>Dock workers stayed off the job for a third week on Tuesday.</p>
      <ul class="nav"><li>Older: 2 Jan 2019</li></ul></body></html>"#;
    assert_eq!(html(None, page).published.as_deref(), Some("2021-09-14"));
}

#[test]
fn a_time_element_outranks_a_loose_date_line() {
    // On a forum thread the first dated line under the title is the poster's join date;
    // the post's <time datetime> is the page's date.
    let page = r#"<html><body><h1>Server keeps crashing after update</h1>
      <dl><dt>Joined</dt><dd>May 2, 2016</dd></dl>
      <a href="/t/1"><time datetime="2021-03-18T12:22:42-0400">2 hours ago</time></a>
      <p>Since the last update the server crashes every hour, with no error in the log.</p>
      </body></html>"#;
    assert_eq!(
        html(None, page).published.as_deref(),
        Some("2021-03-18T12:22:42-0400")
    );
}

#[test]
fn the_canonical_url_dates_a_page_read_through_a_feed_redirect() {
    let cleaned = Cleaned {
        canonical_url: Some("https://news.example.org/2021/06/04/storm-hits-the-coast/".into()),
        ..Cleaned::default()
    };
    let day = |url: &str| {
        crate::pipeline::page_publication_day(&cleaned, Some(url)).map(|d| d.to_string())
    };
    assert_eq!(
        day("http://feeds.example.net/~r/news/~3/Xy12/").as_deref(),
        Some("2021-06-04")
    );
    // The URL the page was read from still comes first.
    assert_eq!(
        day("https://mirror.example.net/2021/06/05/storm/").as_deref(),
        Some("2021-06-05")
    );
    // Odd timestamps never panic and never match.
    use metadata::utc_day_may_be;
    assert!(!utc_day_may_be("2021-13-45T99:99:99Z", "2021-06-04"));
    assert!(!utc_day_may_be("2021-06-05T02:10:00+02:00", "2021-06-04"));
    assert!(!utc_day_may_be("2021-06-05T02:10:00Z", "4 June"));
    assert!(!utc_day_may_be("２０２１-06-05T02:10Z", "2021-06-04"));
}

#[test]
fn furniture_wrapper_holding_most_of_the_page_is_read() {
    // An unclosed `<header>` swallows the rest of the page.
    let page = "<html><body><header class=\"site-header\"><a href=\"/\">Home</a>\
<main><article><p>The city council approved the new budget on Tuesday, after a debate \
that lasted, by most accounts, well into the night.</p><p>Spending on schools rises by \
four percent, while the road programme is cut, the mayor said.</p></article></main>\
<footer><a href=\"/about\">About us</a></footer></body></html>";
    let c = html(Some("Budget passes"), page);
    assert!(c.text.contains("The city council approved"), "{}", c.text);
    assert!(c.text.contains("Spending on schools"));
    // A wrapper whose name says sidebar but that holds the story.
    let page = "<html><body><div class=\"grid-sidebar-right\"><div class=\"left-col\">\
<p>The city council approved the new budget on Tuesday, after a debate that lasted, by \
most accounts, well into the night.</p><p>Spending on schools rises by four percent, \
while the road programme is cut, the mayor said.</p></div>\
<div class=\"sidebar\"><p>Subscribe to our newsletter for the best stories, every day.</p>\
</div></div></body></html>";
    let c = html(Some("Budget passes"), page);
    assert!(c.text.contains("The city council approved"), "{}", c.text);
    assert!(!c.text.contains("Subscribe"));
}

#[test]
fn standfirst_above_the_body_is_kept_without_captions_or_bylines() {
    let page = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
<article><header><a href=\"/world\">World</a><h1>Flood waters recede</h1>\
<p class=\"standfirst\">Thousands of families return home as the river falls, but the \
damage to farms will take years to repair.</p><p class=\"byline\">By Ana Ruiz</p></header>\
<figure><img src=\"a.jpg\"><figcaption>A farmer walks through his flooded field on Monday, \
near the town.</figcaption></figure><div class=\"article-body\"><p>The river fell by two \
metres overnight, the water agency said, and most roads have reopened.</p><p>Farmers in \
the valley said the harvest, already late, is lost in many places.</p><p>The government \
promised aid, but gave no figure, and said an inquiry would follow.</p></div></article>\
</body></html>";
    let c = html(Some("Flood waters recede"), page);
    assert!(
        c.text.contains("Thousands of families return home"),
        "{}",
        c.text
    );
    let lead = c.text.find("Thousands").unwrap();
    assert!(lead < c.text.find("The river fell").unwrap());
    assert!(!c.text.contains("A farmer walks"));
    assert!(!c.text.contains("Ana Ruiz"));
}

#[test]
fn closing_calls_to_subscribe_or_download_are_dropped() {
    let page = "<html><body><article><div class=\"story\">\
<p>The port reopened on Friday after a week-long strike, the harbour authority said, \
and the first ships were unloaded overnight.</p>\
<p>Dock workers accepted a pay rise of six percent, their union said, after talks that \
lasted, on and off, for nine days.</p>\
<p>Subscribe now to our digital edition for the full story.</p>\
<p>For the latest news, download our app for iOS and Android.</p>\
</div></article></body></html>";
    let c = html(Some("Port reopens"), page);
    assert!(c.text.contains("Dock workers accepted"), "{}", c.text);
    assert!(!c.text.contains("Subscribe now"));
    assert!(!c.text.contains("download our app"));
}

#[test]
fn deck_without_a_full_stop_above_the_body_is_the_standfirst() {
    let page = "<html><body><article><h1>Clock counts down</h1>\
<p class=\"deck\">A giant clock in the city centre now shows the years left to halve \
emissions, and its makers hope every city will copy it</p>\
<div class=\"content\"><p>The clock, unveiled on Saturday, replaces a display that \
showed the time and the temperature.</p><p>Its makers said the figure would be updated \
every year, as new estimates are published.</p><p>City officials, who approved the \
change, said it would stay for at least a year.</p></div></article></body></html>";
    let c = html(Some("Clock counts down"), page);
    assert!(
        c.text.contains("A giant clock in the city centre"),
        "{}",
        c.text
    );
}

#[test]
fn story_in_several_sections_is_read_whole() {
    // One section has more commas and wins the score; its sisters are the same story.
    let page = "<html><body><div class=\"page\"><div class=\"story-wrap\">\
<section class=\"chapter\"><div class=\"inner\"><div class=\"col\"><p>When the drought began, in the spring, \
the farmers of the valley, most of them small, sold their cattle, their tools, and, in \
the end, their land.</p><p>Prices fell, wells dried, and, by summer, whole villages had \
emptied, the mayor said, his voice low.</p></div></div></section>\
<div class=\"photo\"><img src=\"x.jpg\"></div>\
<section class=\"chapter\"><div class=\"inner\"><div class=\"col\"><p>Rain returned in October, two years \
later than anyone had hoped.</p><p>The government now pays families to come back and \
plant again.</p><p>Some have, though many say they will stay in the city.</p></div></div>\
</section></div><aside><p>Read our newsletter every morning for the news that \
matters.</p></aside></div></body></html>";
    let c = html(Some("Drought"), page);
    assert!(c.text.contains("When the drought began"), "{}", c.text);
    assert!(c.text.contains("Rain returned in October"), "{}", c.text);
    assert!(!c.text.contains("newsletter"));
}

#[test]
fn calls_to_action_are_recognised_across_non_breaking_spaces() {
    let page = "<html><body><article><div class=\"story\">\
<p>The bridge will close for repairs from Monday, the city said, and traffic will be sent \
through the old town for three weeks.</p>\
<p>Buses keep their routes, but will stop at temporary shelters near the river, it said.</p>\
<p>Never miss the latest news by signing&nbsp;up to our morning briefing.</p>\
<p>Stay up&nbsp;to&nbsp;date: get our apps for&nbsp;iOS and Android.</p>\
</div></article></body></html>";
    let c = html(Some("Bridge closes"), page);
    assert!(c.text.contains("Buses keep their routes"), "{}", c.text);
    assert!(!c.text.contains("Never miss"), "{}", c.text);
    assert!(!c.text.contains("Stay up"), "{}", c.text);
}

#[test]
fn story_cut_in_three_chunks_inside_a_link_heavy_wrapper_is_read_whole() {
    let chunk = |n: usize| {
        format!(
            "<div class=\"chunk\"><div class=\"inner\"><p>Part {n} of the report, which \
the council published on Monday, lists the roads, bridges, and tunnels, that need \
repair.</p><p>In part {n}, the engineers write, again, that the work cannot wait.</p>\
</div></div><div class=\"slot\"></div>"
        )
    };
    let links: String = (0..40)
        .map(|i| format!("<li><a href=\"/topic/{i}\">Topic number {i}</a></li>"))
        .collect();
    let page = format!(
        "<html><body><div class=\"outer\"><div class=\"wrap\">{}<ul>{links}</ul></div></div>\
</body></html>",
        (1..=3).map(chunk).collect::<String>()
    );
    let c = html(Some("Roads report"), &page);
    for n in 1..=3 {
        assert!(
            c.text.contains(&format!("Part {n} of the report")),
            "{}",
            c.text
        );
    }
    assert!(!c.text.contains("Topic number"));
}

#[test]
fn the_headline_block_is_recognised_in_any_case_and_spacing() {
    let page = "<html><head><title>Ministers Agree  Budget Deal - The Daily Example</title></head>\
<body><div class=\"top\"><span>Logo</span></div><div><div>MINISTERS AGREE\n BUDGET DEAL</div>\
<div>March 3, 2021</div><p>Finance ministers agreed on a budget deal late on Tuesday, officials said, \
ending weeks of talks that had stalled over defence spending and pensions.</p></div></body></html>";
    assert_eq!(html(None, page).published.as_deref(), Some("2021-03-03"));
}

#[test]
fn classes_on_the_body_do_not_make_the_page_someone_elses() {
    // A state class naming navigation on `<body>` must not hide the page's own date.
    let page = "<html><body class=\"nav-no-loaded menu-closed\"><article><h1>Port strike ends</h1>\
<time datetime=\"2020-06-22T09:30:00+02:00\">22 June</time><p>Dockworkers returned to work on \
Monday after a week-long strike over pay, the union said in a statement.</p></article></body></html>";
    assert_eq!(
        html(None, page).published.as_deref(),
        Some("2020-06-22T09:30:00+02:00")
    );
}

#[test]
fn hidden_blocks_are_left_out_whatever_the_style_spelling() {
    let filler = "x".repeat(300);
    let page = format!(
        "<html><body><article><p>Troops withdrew from the border town on Friday, the defence \
ministry said, after a week of shelling.</p><div style=\"DISPLAY : None\"><p>Hidden \
sign-up text that a reader never sees on the page.</p></div><div style=\"color:red;{filler};\
visibility:hidden\"><p>Another hidden block with enough words to count as prose.</p></div>\
</article></body></html>"
    );
    let c = html(None, &page);
    assert!(c.text.contains("Troops withdrew"), "{}", c.text);
    assert!(!c.text.contains("Hidden sign-up"), "{}", c.text);
    assert!(!c.text.contains("Another hidden"), "{}", c.text);
}

#[test]
fn a_script_rendered_page_is_read_from_its_json_ld_body() {
    let story = "Flood waters rose across the delta on Sunday, forcing thousands of families \
from their homes, the provincial disaster agency said.\\nRescue teams used boats to reach \
villages cut off by the water, and the army opened three shelters in school buildings.\\n\
Officials said the river was expected to crest on Tuesday, and warned residents downstream \
to prepare for evacuation orders in the coming days.\\nThe agency said crops on more than \
twenty thousand hectares were under water, and that damage to roads would be assessed once \
the flood receded.";
    let shell = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
\"headline\":\"Floods force thousands from homes\",\"articleBody\":\"{story}\"}}</script>\
</head><body><div id=\"app\"><h1>Floods force thousands from homes</h1><p>Loading the \
story, please wait while the page finishes loading.</p></div></body></html>"
    );
    let c = html(None, &shell);
    assert!(c.text.contains("Rescue teams used boats"), "{}", c.text);
    assert!(
        c.text.contains("expected to crest on Tuesday"),
        "{}",
        c.text
    );
    // A teaser in JSON-LD does not replace a page that has the story itself.
    let full = format!(
        "<html><head><script type=\"application/ld+json\">{{\"articleBody\":\"Flood waters \
rose across the delta.\"}}</script></head><body><article><p>{}</p><p>{}</p></article></body></html>",
        "Flood waters rose across the delta on Sunday, forcing thousands of families from their homes.",
        "Rescue teams used boats to reach villages cut off by the water, officials said on Monday."
    );
    let c = html(None, &full);
    assert!(c.text.contains("officials said on Monday"), "{}", c.text);
}

#[test]
fn ruby_readings_are_not_part_of_the_text() {
    let page = "<html><body><article><p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>\
ができて、<ruby>親<rt>おや</rt></ruby>が子どもを教育するために、体罰を禁止することになりました。\
政府は来年から新しい制度を始めると発表しました。</p></article></body></html>";
    let c = html(None, page);
    assert!(c.text.contains("法律ができて、親が子どもを"), "{}", c.text);
    assert!(!c.text.contains("ほうりつ"), "{}", c.text);
}

#[test]
fn a_story_shown_only_without_scripts_is_read_from_noscript() {
    let para = |s: &str| format!("<p>{s}</p>");
    let story = [
        "The regional assembly voted on Thursday to dissolve itself, opening the way for an early election in the spring.",
        "The motion passed by 54 votes to 31 after the governing coalition lost its majority last month, officials said.",
        "Opposition leaders welcomed the vote and called on the caretaker cabinet to publish the budget accounts at once.",
        "The electoral commission said it would announce the date of the vote within two weeks of the dissolution.",
        "Turnout at the last regional election was 61 percent, the lowest since the assembly was created in 1999.",
        "Several smaller parties said they would form a joint list to clear the five percent threshold for seats.",
    ]
    .map(para)
    .concat();
    let page = format!(
        "<html><body><noscript><img src=\"pixel.gif\"></noscript><div class=\"post\">\
<h2>Assembly votes to dissolve</h2><script type=\"text/template\">{story}</script>\
<noscript>{story}</noscript></div></body></html>"
    );
    let c = html(None, &page);
    assert!(
        c.text.contains("The motion passed by 54 votes"),
        "{}",
        c.text
    );
    assert!(c.text.contains("within two weeks"), "{}", c.text);
}

#[test]
fn a_label_left_at_the_end_of_the_story_is_dropped() {
    let page =
        "<html><body><article><p>The ceasefire took effect at midnight, and both sides said \
they would observe it, the mediators announced on Saturday.</p><p>Aid convoys are expected to \
cross the border on Monday, officials said.</p><p>Release Date:</p></article>\
<div class=\"gallery\"><a href=\"/p/1\">Photo 1</a></div></body></html>";
    let c = html(None, page);
    assert!(c.text.contains("Aid convoys are expected"), "{}", c.text);
    assert!(!c.text.contains("Release Date"), "{}", c.text);
    // Mid-story, a short line ending with a colon introduces what follows: kept.
    let page = "<html><body><article><p>The ceasefire took effect at midnight, the mediators \
announced on Saturday, after weeks of talks.</p><p>The agreement says:</p><blockquote>Both \
parties shall withdraw heavy weapons to a distance of twenty kilometres.</blockquote>\
</article></body></html>";
    let c = html(None, page);
    assert!(c.text.contains("The agreement says:"), "{}", c.text);
}

#[test]
fn an_invitation_to_follow_the_site_on_a_network_is_furniture_but_a_post_is_news() {
    let page = "<html><body><article><p>The minister said on Twitter that talks with the \
unions would resume on Monday, a day after the strike ended.</p><p>Union leaders said they \
would consult their members before the next round.</p><p>Follow The Daily Example on Twitter \
and Instagram for the latest news.</p></article></body></html>";
    let c = html(None, page);
    assert!(
        c.text.contains("The minister said on Twitter"),
        "{}",
        c.text
    );
    assert!(!c.text.contains("Follow The Daily Example"), "{}", c.text);
}
