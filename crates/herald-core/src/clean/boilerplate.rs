//! Line rules: which whole lines (or HTML paragraphs) are page furniture, not article.
//!
//! Each rule is written against a *shape* that holds across outlets rather than a list
//! of one site's strings: a photo credit is "something / AGENCY" or "(… Photo/…)" at
//! the end of a line, a share line starts with a call to action and is short. Lines
//! that end like a sentence (`told Reuters.`) are never credits, so quoting an agency
//! in prose is safe.

/// Why a line was dropped (tests and debugging read this; the pipeline only drops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boilerplate {
    /// "Advertisement", "Story continues below advertisement", a lone `[ad_1]`.
    Ad,
    /// Image captions and credits: "Photo: …", "(AP Photo/…)", "… via Getty Images".
    Credit,
    /// "Share this article", "Read more: …", "RELATED: …", newsletter prompts.
    Share,
    /// "By Jane Doe, Reuters".
    Byline,
    /// "Published 10:32 AM, Oct. 10, 2021", "Updated 3 hours ago".
    Timestamp,
    /// "© 2023 The Associated Press. All rights reserved."
    Copyright,
    /// The site's filing of the page: "Category: Press Releases", "Tags: Brexit, EU".
    Taxonomy,
}

/// Classifies one normalised line; `None` means it is article text.
pub fn boilerplate(line: &str) -> Option<Boilerplate> {
    let lower = line.to_lowercase();
    let words = line.split(' ').count();
    let key = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if AD_LINES.contains(&key) {
        return Some(Boilerplate::Ad);
    }
    if is_credit(line, &lower) {
        return Some(Boilerplate::Credit);
    }
    if words <= 30 && starts_with_any(&lower, SHARE_PREFIXES) {
        return Some(Boilerplate::Share);
    }
    if (words <= 25
        && (lower.starts_with('©')
            || lower.starts_with("copyright ")
            || lower.contains("all rights reserved")))
        // A paragraph that opens with © and speaks of rights is the notice, however
        // long its terms run (a caption's "© Agency" glued to prose is not).
        || (words <= 80
            && lower.starts_with('©')
            && ["copyright", "reprint", "rights", "permission", "reproduc"]
                .iter()
                .any(|w| lower.contains(w)))
    {
        return Some(Boilerplate::Copyright);
    }
    if is_homoglyph_text(line) {
        return Some(Boilerplate::Ad);
    }
    if is_byline(line) {
        return Some(Boilerplate::Byline);
    }
    if words <= 12 && is_taxonomy(&lower) {
        return Some(Boilerplate::Taxonomy);
    }
    if words <= 12
        && starts_with_any(&lower, TIMESTAMP_PREFIXES)
        && line.bytes().any(|b| b.is_ascii_digit())
    {
        return Some(Boilerplate::Timestamp);
    }
    None
}

/// Words that mix Latin and Cyrillic letters ("Yоur соntеnt" with Cyrillic о, с, е):
/// spam written to slip past filters. No language writes three such words in a line.
fn is_homoglyph_text(line: &str) -> bool {
    line.split_whitespace()
        .filter(|w| {
            let latin = w.chars().any(|c| c.is_ascii_alphabetic());
            let cyrillic = w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
            latin && cyrillic
        })
        .nth(2)
        .is_some()
}

/// "Category: …", "Tags : …", "Filed under: …" and the same labels in the languages news
/// sites write in: how the site files the page, never a sentence of the story.
fn is_taxonomy(lower: &str) -> bool {
    if !lower.contains(':') {
        return false; // every label is followed by a colon
    }
    const LABELS: &[&str] = &[
        "category",
        "categories",
        "filed under",
        "posted in",
        "tags",
        "tagged",
        "topics",
        "kategorie",
        "kategorien",
        "schlagwörter",
        "schlagworte",
        "catégorie",
        "catégories",
        "categoría",
        "categorías",
        "categoria",
        "categorie",
        "etiquetas",
        "kategoria",
        "tagi",
    ];
    LABELS.iter().any(|label| {
        lower
            .strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Whole lines that only announce an ad (compared lower-case, punctuation trimmed).
const AD_LINES: &[&str] = &[
    "",
    "ad",
    "ad_1",
    "ad_2",
    "ad_3",
    "advertisement",
    "advertisement scroll to continue",
    "article continues below",
    "article continues below advertisement",
    "continue reading below",
    "continue reading the main story",
    "scroll to continue with content",
    "skip advertisement",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
];

const SHARE_PREFIXES: &[&str] = &[
    "share this",
    "share on ",
    "share:",
    "read more",
    "related:",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "related news",
    "see also:",
    "also read:",
    "also read ",
    "also see:",
    "click here to",
    "sign up for",
    "subscribe to our",
    "follow us on",
    "watch:",
    "listen:",
    "more:",
    // The same prompts in the languages news sites write in.
    "lesen sie auch",
    "mehr zum thema",
    "siehe auch",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "lee también",
    "leer también",
    "vea también",
    "veja também",
    "leia também",
    "leggi anche",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
];

const TIMESTAMP_PREFIXES: &[&str] = &[
    "published",
    "updated",
    "last updated",
    "posted",
    "first published",
];

/// Starts of caption and credit lines.
const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photos:",
    "photo by ",
    "photo credit",
    "photograph:",
    "photograph by ",
    "image:",
    "image credit",
    "image copyright",
    "image caption",
    "image source",
    "media caption",
    "picture:",
    "pictured:",
    "credit:",
    "credits:",
    "crédit photo",
    "crédits photo",
    "bildquelle:",
    "foto:",
    "caption:",
    "file photo",
    "file image",
    "file picture",
];

/// Photo agencies and picture desks whose name ends or opens a credit (lower-case).
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "epa",
    "epa-efe",
    "efe",
    "getty images",
    "getty",
    "xinhua",
    "anadolu",
    "anadolu agency",
    "bloomberg",
    "shutterstock",
    "alamy",
    "sipa",
    "dpa",
    "ansa",
    "tass",
    "sputnik",
    "pa",
    "pa images",
    "pa wire",
    "nurphoto",
    "sopa images",
    "imago",
    "zuma press",
    "kyodo",
    "yonhap",
    "handout",
];

fn is_agency(s: &str) -> bool {
    AGENCIES.contains(&s.trim().trim_end_matches('.').to_lowercase().as_str())
}

fn is_credit(line: &str, lower: &str) -> bool {
    if starts_with_any(lower, CREDIT_PREFIXES) {
        return true;
    }
    // Credits never end like a sentence; strip only a closing bracket.
    let tail = line.trim_end_matches([')', ']']);
    if ends_with_ignoring_case(tail, "getty images")
        || ends_with_ignoring_case(tail, "via getty")
        || ends_with_ignoring_case(tail, "shutterstock")
        || tail.ends_with("REUTERS")
        || tail.ends_with(" AFP")
    {
        return true;
    }
    // "… / AFP", "… | Reuters", "(AP Photo/Ben Curtis)".
    if let Some(cut) = tail.rfind(['/', '|']) {
        let after = &tail[cut + 1..];
        if is_agency(after) {
            return true;
        }
        // "REUTERS/Thomas Mukoya", "Reuters/Staff", "AP Photo/Ben Curtis": an agency (or
        // "Photo") right before the slash and a short name after it.
        let before = tail[..cut].trim_end();
        let last_word_start = before.rfind([' ', '(', '.']).map_or(0, |i| i + 1);
        let head = &before[last_word_start..];
        let name_words = after.split_whitespace().count();
        if name_words <= 4
            && !after.trim_end().ends_with(['.', '!', '?'])
            && (is_agency(head) || head.eq_ignore_ascii_case("photo"))
        {
            return true;
        }
    }
    // "(Photo by X)", "(Photo: Reuters)".
    if line.ends_with(')') {
        if let Some(open) = line.rfind('(') {
            // "(Photo by …)", "(AP Video by …)", "(Image: Reuters)".
            let inner = line[open + 1..].to_lowercase();
            let credit_word = inner.split([' ', '/', ':']).take(3).any(|w| {
                matches!(
                    w,
                    "photo" | "photos" | "video" | "image" | "images" | "photograph"
                )
            });
            if credit_word {
                return true;
            }
        }
    }
    false
}

/// `text` starts with one of `prefixes`. Every line of every page is checked against these
/// lists, so the first byte is compared before the rest.
fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return prefixes.iter().any(|p| p.is_empty());
    };
    prefixes
        .iter()
        .any(|p| p.as_bytes().first() == Some(&first) && text.starts_with(p))
}

/// `text` ends with the ASCII `suffix`, in any case (without lower-casing the whole line).
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// "By Jane Doe", "By JANE DOE and TOM LEE, Associated Press": `By`, then only
/// capitalised words and connectors, short, and no sentence end. "By Tuesday evening
/// the rebels…" fails on its lower-case words.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').collect();
    words.len() <= 10
        && !rest.ends_with(['.', '!', '?'])
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || matches!(
                    w,
                    "and" | "of" | "the" | "in" | "for" | "de" | "van" | "von" | "al"
                )
                || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Boilerplate::*;

    #[test]
    fn ads() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "[ad_1]",
            "- Advertisement -",
            "Continue reading the main story",
        ] {
            assert_eq!(boilerplate(line), Some(Ad), "{line}");
        }
    }

    #[test]
    fn captions_and_credits() {
        for line in [
            "Photo: John Doe | AFP via Getty Images",
            "Reuters/Staff",
            "(AP Photo/Ben Curtis)",
            "Image credit: Handout",
            "Image copyright Getty Images",
            "FILE PHOTO: Sudanese army soldiers stand guard in Khartoum, Sudan, April 20, 2023. REUTERS/Mohamed Nureldin Abdallah",
            "Kenyan riot police fire tear gas at protesters in Nairobi, Kenya, March 20, 2023. REUTERS/Thomas Mukoya",
            "Supporters of Raila Odinga run from tear gas in Kibera. Tony Karumba/AFP via Getty Images",
            "Police officers patrol the streets of Nairobi on Monday. (Photo by Simon Maina / AFP)",
            "A protester throws a stone in Kisumu. Photograph: Brian Inganga/AP",
            "Smoke rises over Khartoum on Saturday. / AFP",
            "Riot police in Nairobi | Reuters",
            "Voting begins in some states on Sept. 6. (AP Video by Mike Pesoli)",
        ] {
            assert_eq!(boilerplate(line), Some(Credit), "{line}");
        }
    }

    #[test]
    fn prose_that_names_an_agency_is_kept() {
        for line in [
            "\"We are ready,\" Odinga told Reuters.",
            "The army said 20 people were killed, AFP reported.",
            "The 50/50 split was agreed by Reuters and AFP in 2019.",
            "NAIROBI, Kenya (AP) — Police fired tear gas at opposition supporters on Monday.",
            "By Tuesday evening the rebels had seized the airport.",
            "Police said the photo was taken on Sunday (before the curfew).",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn share_bylines_timestamps_copyright() {
        assert_eq!(boilerplate("Share this article"), Some(Share));
        assert_eq!(
            boilerplate("Read more: Kenya's opposition vows weekly protests"),
            Some(Share)
        );
        assert_eq!(
            boilerplate("RELATED: Sudan ceasefire collapses"),
            Some(Share)
        );
        assert_eq!(
            boilerplate("By Duncan Miriri and George Obulutsa, Reuters"),
            Some(Byline)
        );
        assert_eq!(
            boilerplate("BY EVELYNE MUSAMBI Associated Press"),
            Some(Byline)
        );
        assert_eq!(
            boilerplate("Published 10:32 AM, Oct. 10, 2021"),
            Some(Timestamp)
        );
        assert_eq!(
            boilerplate("Copyright 2023 The Associated Press. All rights reserved."),
            Some(Copyright)
        );
    }

    #[test]
    fn read_also_prompts_and_credits_in_other_languages() {
        assert_eq!(
            boilerplate("Lesen Sie auch: Streik bei der Bahn"),
            Some(Share)
        );
        assert_eq!(
            boilerplate("Veja Também: Senado aprova reforma"),
            Some(Share)
        );
        assert_eq!(boilerplate("Lire aussi : la grève continue"), Some(Share));
        assert_eq!(boilerplate("Crédits photos : Agence Exemple"), Some(Credit));
        assert_eq!(boilerplate("Foto: dpa"), Some(Credit));
        // The words inside prose are text.
        assert_eq!(
            boilerplate("Der Sprecher sagte, man lese auch die Stellungnahme des Ministeriums."),
            None
        );
    }

    #[test]
    fn taxonomy_lines_are_furniture_but_sentences_about_categories_are_not() {
        for line in [
            "Category: World News",
            "Tags : Kenya, elections, Ruto",
            "Filed under: Politics",
            "Kategorie: Nachrichten",
            "Catégories : Monde, Afrique",
        ] {
            assert_eq!(boilerplate(line), Some(Taxonomy), "{line}");
        }
        for line in [
            "Category 5 storms: what the new scale means for coastal towns",
            "Tags were found on three of the seized shipments, customs officers said.",
            "Topics for the summit include trade and security.",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn long_copyright_notices_and_homoglyph_spam_are_furniture() {
        let notice = "© 2022, Example News. This article is the copyrighted property of \
Example News. Written permission must be obtained before reprint in online or print media. \
Reprinting content without permission will result in legal action.";
        assert_eq!(boilerplate(notice), Some(Copyright));
        let caption_then_prose = "© Provided by Example Wire Nintendo and Apple shocked the \
world earlier this year by announcing a new game, the company's first foray into mobile \
gaming, and said it would launch in December for a flat fee.";
        assert_eq!(boilerplate(caption_then_prose), None);
        // A short © line is a credit or notice whatever it says.
        assert_eq!(
            boilerplate("© Jane Doe Needle poking skin during a flu shot at a clinic."),
            Some(Copyright)
        );
        // Cyrillic о, е, с, у, і inside Latin words.
        let spam =
            "Аdvеrtіѕе wіth thе most visited news site ~ Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу";
        assert_eq!(boilerplate(spam), Some(Ad));
        // A Russian name in an English sentence, or a sentence in Russian, is text.
        assert_eq!(
            boilerplate("Ukraine's envoy met Сергей Лавров in Geneva on Tuesday, officials said."),
            None
        );
        assert_eq!(
            boilerplate("Переговоры продолжатся во вторник, сообщили в министерстве."),
            None
        );
    }
}
