//! One article through every per-article stage: clean → segment → places → events.
//!
//! [`process`] is a pure function of the raw record and the built-in knowledge, so
//! callers may run it on any number of threads and in any order; the output for a given
//! record never changes.

use crate::clean;
use crate::extract::events::dictionaries::Dictionaries;
use crate::extract::events::{code_article_with, ArticleInput};
use crate::extract::places::find_places;
use crate::model::{stable_id, Article, Event, Origin, RawArticle};
use crate::segment;
use chrono::NaiveDate;

/// An article and the events coded from it.
#[derive(Debug, Clone)]
pub struct Processed {
    pub article: Article,
    pub events: Vec<Event>,
    /// Why the article's events were not coded, when they were not (the article itself
    /// is still stored): e.g. text in a language the coder does not read.
    pub not_coded: Option<String>,
}

/// The language of a text as an ISO 639-1 code where one exists (ISO 639-3 otherwise),
/// and whether the detection is reliable. Short or mixed texts are not reliable; the
/// pipeline then assumes English rather than drop an article.
pub fn detect_language(text: &str) -> (String, bool) {
    // Most input is English news: its function words settle it at a fraction of the cost
    // of trigram scoring (which took a third of the pipeline's time when run on every
    // article). Anything else goes to whatlang.
    if looks_english(text) {
        return ("en".to_string(), true);
    }
    // Five hundred characters decide the language (whatlang is reliable well below that);
    // more only costs time: trigram scoring is linear in the text.
    let mut end = text.len().min(500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // Too few words in the Latin alphabet for trigrams to be sure (wire tables, figures,
    // one-line items): whatlang would spend most of the pipeline's language time to say
    // "unreliable", so say it at once and let the page's declared language decide.
    if head.is_ascii()
        && head
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .take(20)
            .count()
            < 20
    {
        return ("en".to_string(), false);
    }
    if looks_like_figures(head) {
        return ("en".to_string(), false);
    }
    match whatlang::detect(head) {
        Some(info) => (iso639_1(info.lang()).to_string(), info.is_reliable()),
        None => ("en".to_string(), false),
    }
}

/// Figures, not prose: most lines are short rows of words and numbers ("Shr 26 cts vs 21
/// cts", "Net 5,553,000 vs 4,307,000"). Trigrams of such results tables call English French,
/// and scoring them took a sixth of the Reuters pipeline's time; they are unreliable
/// either way, so the page's declared language decides. Lines of bare numbers (numbered
/// steps) are not rows.
fn looks_like_figures(head: &str) -> bool {
    let (mut lines, mut rows, mut bytes) = (0usize, 0usize, 0usize);
    for line in head.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        bytes += line.len();
        let words = line
            .split_whitespace()
            .filter(|w| {
                let w = w.strip_suffix('.').unwrap_or(w);
                !w.is_empty() && w.chars().all(char::is_alphabetic)
            })
            .count();
        rows += usize::from(words >= 2 && line.bytes().any(|b| b.is_ascii_digit()));
    }
    lines >= 3 && rows * 2 >= lines && bytes < 60 * lines
}

/// At least one word in six among the first 200 is an English function word — a rate
/// English prose always reaches and other Latin-script languages do not (their own
/// function words differ; shared ones like "a", "in" are too few alone).
fn looks_english(text: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "of", "and", "to", "is", "was", "were", "said", "for", "that", "with", "on", "by",
        "from", "has", "have", "had", "at", "it", "its", "he", "she", "they", "his", "their",
        "which", "who", "after", "will", "would", "been", "but", "this", "are", "an", "as",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        if w.len() <= 5 && FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)) {
            hits += 1;
        }
    }
    words >= 20 && hits * 6 >= words
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Tur => "tr",
        Ara => "ar",
        Pes => "fa",
        Heb => "he",
        Hin => "hi",
        Urd => "ur",
        Ben => "bn",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Vie => "vi",
        Ind => "id",
        Tha => "th",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Ell => "el",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slk => "sk",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Cat => "ca",
        Amh => "am",
        other => other.code(),
    }
}

/// A record that was read but could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub origin: Origin,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// The publication day a page itself shows: its metadata if that parses, else a date in
/// its URL or its canonical URL.
pub fn page_publication_day(cleaned: &clean::Cleaned, url: Option<&str>) -> Option<NaiveDate> {
    // A feed's redirect URL hides the article's own; its canonical URL names it.
    let url_day = url
        .and_then(clean::url_date)
        .or_else(|| cleaned.canonical_url.as_deref().and_then(clean::url_date));
    let published = cleaned.published.as_deref();
    // A UTC timestamp is a conversion; the day in the URL was written by the publisher
    // in its own time zone, so it wins when the timestamp can fall on it there.
    if let (Some(p), Some(u)) = (published, url_day.as_deref()) {
        if clean::metadata::utc_day_may_be(p, u) {
            return parse_published(u).ok();
        }
    }
    published
        .and_then(|p| parse_published(p).ok())
        .or_else(|| url_day.and_then(|d| parse_published(&d).ok()))
}

/// Parses a publication date given as `YYYY-MM-DD`, an ISO 8601 timestamp
/// (`2021-11-07T10:00:00Z`, also in basic format `20211107T…`) or `YYYY/MM/DD`; the day
/// must exist.
pub fn parse_published(value: &str) -> Result<NaiveDate, String> {
    let v = value.trim();
    let extended = v
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // ISO 8601 basic format ("20200316T08:00:00Z") and slashes ("2020/03/16").
    let basic = || {
        v.get(..8)
            .filter(|_| v.len() == 8 || v.as_bytes().get(8) == Some(&b'T'))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
    };
    let slashed = || {
        v.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y/%m/%d").ok())
    };
    extended
        .or_else(basic)
        .or_else(slashed)
        .ok_or_else(|| format!("publication date `{v}` is not a date (expected YYYY-MM-DD)"))
}

/// Runs all per-article stages on one raw record, with the built-in dictionaries.
pub fn process(raw: &RawArticle) -> Result<Processed, Skipped> {
    process_with(raw, Dictionaries::builtin())
}

/// Runs all per-article stages on one raw record with the given dictionaries.
pub fn process_with(raw: &RawArticle, dictionaries: &Dictionaries) -> Result<Processed, Skipped> {
    let article = clean_article(raw)?;
    // The dictionaries and triggers are English: coding another language would invent
    // events from false friends. The article is kept and the reason counted.
    if article.language != "en" {
        let reason = format!(
            "language `{}`: event coding reads English only",
            article.language
        );
        return Ok(Processed {
            article,
            events: Vec::new(),
            not_coded: Some(reason),
        });
    }
    let events = code_with(&article, dictionaries);
    Ok(Processed {
        article,
        events,
        not_coded: None,
    })
}

/// The clean stage alone: one raw record to its article record (clean text, title,
/// publication day, language, stable id) — what `herald clean` prints.
pub fn clean_article(raw: &RawArticle) -> Result<Article, Skipped> {
    let skip = |reason: String| Skipped {
        origin: raw.origin.clone(),
        reason,
    };
    let cleaned = clean::clean(raw).map_err(skip)?;
    // A date the record itself gives must be valid: the user vouched for it. A date the
    // page's markup gives is only evidence: if it does not parse, the URL may still say.
    let published = match raw.published.as_deref() {
        Some(p) if !p.trim().is_empty() => Some(parse_published(p).map_err(skip)?),
        _ => page_publication_day(&cleaned, raw.url.as_deref()),
    };
    // The id covers the url and the exact clean text: the same record always gets the
    // same id, and a changed page (new edition of a story) is a new article.
    // The record's own url and source first; a page's canonical URL and site name fill
    // them when the input (a saved page) carries none.
    let url = raw.url.clone().or_else(|| cleaned.canonical_url.clone());
    let id = stable_id("a", &[url.as_deref().unwrap_or(""), &cleaned.text]);
    let (language, reliable) = detect_language(&cleaned.text);
    // Detection decides when it is sure; else the page's `<html lang>`; else English.
    let language = if reliable {
        language
    } else {
        cleaned.language.clone().unwrap_or_else(|| "en".to_string())
    };
    let article = Article {
        id,
        url,
        title: cleaned.title.clone(),
        published,
        source: raw.source.clone().or_else(|| cleaned.site_name.clone()),
        authors: cleaned.authors.clone(),
        language,
        text: cleaned.text,
        body_start: cleaned.body_start,
        duplicate_of: None,
        story_id: None,
        origin: Some(raw.origin.clone()),
    };
    Ok(article)
}

/// Codes the events of an already clean article with the built-in dictionaries.
pub fn code(article: &Article) -> Vec<Event> {
    code_with(article, Dictionaries::builtin())
}

/// Codes the events of an already clean article with the given dictionaries.
pub fn code_with(article: &Article, dictionaries: &Dictionaries) -> Vec<Event> {
    let sentences = segment::sentences(&article.text);
    let places = find_places(&article.text, &sentences, article.url.as_deref());
    code_article_with(
        &ArticleInput {
            article,
            sentences: &sentences,
            places: &places,
        },
        dictionaries,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_tables_are_not_given_to_trigram_detection() {
        // A Reuters-21578 earnings item (whatlang calls it French, reliably).
        let table = "BEST PRODUCTS CO <BES> 4TH QTR JAN 31 NET\n\nShr profit 1.44 dlrs vs profit 83 cts\n\nNet profit 39.0 mln vs profit 22.5 mln\n\nSales 816.1 mln vs 865.3 mln\n\nYear\n\nShr loss 95 cts vs profit eight cts\n\nNet loss 25.6 mln vs profit 2,223,000\n\nSales 2,142,118 vs 2,234,768\n\nReuter";
        assert_eq!(detect_language(table), ("en".to_string(), false));
        // Numbered steps are prose between bare numbers: still detected.
        let steps = "Receita de bolo de cenoura\n\n1.\n\nBata no liquidificador as cenouras, os ovos e o óleo até obter uma mistura homogênea.\n\n2.\n\nEm uma tigela, misture a farinha, o açúcar e o fermento, depois junte a mistura do liquidificador.\n\n3.\n\nAsse em forno médio por cerca de quarenta minutos.";
        assert_eq!(detect_language(steps).0, "pt");
    }

    #[test]
    fn languages_are_detected_and_only_english_is_coded() {
        let fr = "La police a tiré des gaz lacrymogènes sur les manifestants de l'opposition à Nairobi mardi, blessant douze personnes, selon des témoins sur place.";
        assert_eq!(detect_language(fr), ("fr".to_string(), true));
        let en = "Police fired tear gas at opposition supporters in Nairobi on Tuesday, injuring twelve people, witnesses said.";
        assert_eq!(detect_language(en).0, "en");
        let raw = |text: &str| RawArticle {
            origin: Origin {
                path: "test".into(),
                line: None,
            },
            url: None,
            title: None,
            published: Some("2023-03-15".into()),
            source: None,
            body: crate::model::RawBody::Text(text.into()),
        };
        let french = process(&raw(fr)).unwrap();
        assert_eq!(french.article.language, "fr");
        assert!(french.events.is_empty());
        assert!(french.not_coded.unwrap().contains("English only"));
        let english = process(&raw(en)).unwrap();
        assert_eq!(english.article.language, "en");
        assert!(!english.events.is_empty());
    }

    #[test]
    fn publication_dates_are_validated() {
        assert_eq!(
            parse_published("2021-11-07").unwrap(),
            NaiveDate::from_ymd_opt(2021, 11, 7).unwrap()
        );
        assert_eq!(
            parse_published("2021-11-07T10:00:00Z").unwrap(),
            NaiveDate::from_ymd_opt(2021, 11, 7).unwrap()
        );
        assert_eq!(
            parse_published("20200316T08:00:00Z").unwrap(),
            NaiveDate::from_ymd_opt(2020, 3, 16).unwrap()
        );
        assert_eq!(
            parse_published("2020/03/16").unwrap(),
            NaiveDate::from_ymd_opt(2020, 3, 16).unwrap()
        );
        assert!(parse_published("2021-02-30").is_err());
        assert!(parse_published("12345678901").is_err());
        assert!(parse_published("20211-01-01").is_err());
        assert!(parse_published("yesterday")
            .unwrap_err()
            .contains("YYYY-MM-DD"));
    }
}
