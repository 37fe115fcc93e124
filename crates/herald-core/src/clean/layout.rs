//! From clean lines to title + paragraphs: the part of cleaning that looks at the
//! *order* of lines — a category header before the title, the title itself, a body
//! that repeats the title, hard-wrapped paragraphs.

use super::boilerplate::boilerplate;
use super::normalize::normalize_line;

/// An article's title and body paragraphs, each one line of normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Normalises raw lines and drops boilerplate; `None` marks a paragraph break (a blank
/// line, or a dropped line: a caption between two paragraphs separates them).
pub fn clean_lines<'a>(raw: impl IntoIterator<Item = &'a str>) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for line in raw {
        normalize_line(line, &mut buf);
        if buf.is_empty() || boilerplate(&buf).is_some() {
            if out.last().is_some_and(Option::is_some) {
                out.push(None);
            }
        } else {
            out.push(Some(buf.clone()));
        }
    }
    out
}

/// Splits plain text into lines: `\n`, `\r\n` and old-Mac `\r` all end a line.
pub fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split(['\r', '\u{2028}']))
}

/// Finds title and paragraphs in clean lines.
///
/// - A *record title* (JSONL `title`, HTML `<title>`) wins; a first line repeating it
///   is dropped so the title is not there twice.
/// - Without one, the first line is the title when it looks like a headline: short,
///   not lower-case at the start, no final period/comma/colon, and more text follows.
/// - A lone category header ("World", "Africa", "Politics") directly before the title,
///   or a known section name at the top of the body, is dropped.
/// - Lines of one block are joined into one paragraph when the first was hard-wrapped:
///   the next starts lower-case, or the line is long and does not end a sentence.
pub fn layout(mut lines: Vec<Option<String>>, record_title: Option<String>) -> Layout {
    let content: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.is_some().then_some(i))
        .take(3)
        .collect();
    let line = |lines: &[Option<String>], k: usize| -> Option<String> {
        content.get(k).and_then(|&i| lines[i].clone())
    };
    let mut title = record_title;
    let mut first = 0; // index into `content` of the first line still in the body
    if let Some(head) = line(&lines, 0) {
        let next = line(&lines, 1);
        let drop_header = is_header_like(&head)
            && match (&title, &next) {
                (Some(t), Some(n)) => same_text(n, t) || is_known_section(&head),
                (None, Some(n)) => {
                    (is_title_like(n) && content.len() > 2 && stands_alone(&lines, content[1]))
                        || is_known_section(&head)
                }
                _ => false,
            };
        if drop_header {
            lines[content[0]] = None;
            first = 1;
        }
    }
    if let Some(head) = line(&lines, first) {
        let more_follows = content.len() > first + 1;
        let is_title = match &title {
            Some(t) => same_text(&head, t),
            None => more_follows && is_title_like(&head) && stands_alone(&lines, content[first]),
        };
        if is_title {
            lines[content[first]] = None;
            if title.is_none() {
                title = Some(head);
            }
        }
    }
    Layout {
        title,
        paragraphs: join_paragraphs(lines),
    }
}

/// Whether line `i` is a paragraph of its own rather than the first line of a
/// hard-wrapped one: the next line is blank, or neither starts lower-case nor follows a
/// line ending in a word no headline ends with ("in", "the", "and", …).
fn stands_alone(lines: &[Option<String>], i: usize) -> bool {
    let Some(Some(next)) = lines.get(i + 1) else {
        return true;
    };
    let line = lines[i].as_deref().unwrap_or("");
    let last_word = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    let dangling = matches!(
        last_word.as_str(),
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "with"
            | "by"
            | "from"
            | "as"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
    );
    !dangling && !next.chars().next().is_some_and(char::is_lowercase)
}

fn join_paragraphs(lines: Vec<Option<String>>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut last_line_len = 0;
    for line in lines {
        match line {
            None => {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
            Some(line) => {
                if !current.is_empty() && !continues(&current, last_line_len, &line) {
                    paragraphs.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                last_line_len = line.chars().count();
                current.push_str(&line);
            }
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Whether `next` continues the paragraph `so_far` (whose last line had
/// `last_line_len` chars) rather than starting a new one. Wire copy hard-wrapped at
/// 60–80 columns breaks lines mid-sentence; one-paragraph-per-line text ends each
/// line with a sentence end.
fn continues(so_far: &str, last_line_len: usize, next: &str) -> bool {
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    starts_lower || (!ends_sentence(so_far) && last_line_len >= 50)
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    s.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A headline: short, capitalised, no final period, comma or colon.
fn is_title_like(line: &str) -> bool {
    let words = line.split(' ').count();
    let stripped = line.trim_end_matches(['"', '\'', '”', '’']);
    words <= 30
        && line.len() <= 300
        && !line.chars().next().is_some_and(char::is_lowercase)
        && !stripped.ends_with(['.', ',', ';', ':', '—', '-'])
}

/// A section label: at most three capitalised words, no digits, no punctuation end.
fn is_header_like(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    words.len() <= 3
        && line.chars().count() <= 30
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ',', ':'])
        && words.iter().all(|w| {
            matches!(*w, "&" | "and" | "of" | "|" | "/" | "-")
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Section names common enough to drop even when no title follows them.
fn is_known_section(line: &str) -> bool {
    let key = line.to_lowercase();
    matches!(
        key.trim_end_matches(" news"),
        "world"
            | "africa"
            | "asia"
            | "europe"
            | "americas"
            | "middle east"
            | "politics"
            | "business"
            | "news"
            | "latest"
            | "breaking"
            | "national"
            | "international"
            | "local"
            | "opinion"
            | "sport"
            | "sports"
            | "health"
            | "science"
            | "technology"
            | "tech"
            | "economy"
            | "markets"
            | "us"
            | "u.s."
            | "uk"
            | "asia pacific"
            | "asia-pacific"
            | "latin america"
            | "conflict"
            | "security"
            | "elections"
            | "crime"
            | "environment"
            | "climate"
            | "analysis"
            | "explainer"
            | "top stories"
            | "home"
            | "region"
            | "nation"
            | "global"
    ) || key.ends_with(" news")
}

/// Title comparison that ignores case, spacing and punctuation.
fn same_text(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}
