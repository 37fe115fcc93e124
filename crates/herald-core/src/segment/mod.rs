//! Segment stage: sentences and tokens with byte offsets into the clean text.
//!
//! One hand-rolled pass over the bytes. Why not `unicode-segmentation`? Its UAX #29
//! word rules split exactly the things news needs whole (`al-Shabaab`, `2021-10-10`,
//! `U.S.`, `Oct.`) and keep whole what we want split (the possessive `'s`), so we would
//! re-merge its output token by token; its sentence rules know no abbreviations at
//! all. Doing it ourselves costs one loop with an ASCII fast path, no regex, and no
//! allocation besides the output vectors.
//!
//! How a sentence ends: a terminal mark (`.`, `!`, `?`, `…`) or an abbreviation with a
//! period, then any closing quotes or brackets glued to it (`said."`), then a decision
//! taken on the *next* token — see [`EndRule`]. A blank line always ends a sentence.

#[cfg(test)]
mod tests;

use crate::model::{Sentence, Token};

/// Splits clean text into sentences (with tokens).
///
/// Paragraphs are blocks separated by blank lines (`\n\n`, or more, or lines holding
/// only spaces); their index is [`Sentence::paragraph`], counting non-empty blocks
/// from 0. A single newline inside a paragraph is just whitespace.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut seg = Segmenter::new(text);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                seg.paragraph_break();
                i = j + 1;
            } else {
                i += 1;
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = char_at(text, i);
            if c == '\u{2029}' {
                seg.paragraph_break();
                i += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        let end = scan_token(text, i);
        seg.push(Token { start: i, end });
        i = end;
    }
    seg.finish()
}

/// How to decide, from the token that follows, whether a sentence ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EndRule {
    /// A plain `.`, `!`, `?` or ellipsis: ends unless the next word is lower-case or
    /// the next token continues the clause (`,` `;` `:` `)`).
    Terminal,
    /// `a.m.`, `p.m.`, `etc.`: ends only before a capitalised word or an opening quote.
    BeforeCapital,
    /// Abbreviations that are usually mid-sentence but can end one (`U.S.`, `Jr.`,
    /// `Inc.`, `Oct.`, the initial in `John F. Kennedy`): ends only before a word that
    /// typically opens a sentence (`The`, `He`, `But`, …) or an opening quote, so
    /// `U.S. President` and `F. Kennedy` stay together.
    BeforeSentenceStarter,
    /// Titles and references that always precede something (`Mr.`, `Gen.`, `No.`,
    /// `e.g.`, `vs.`): never end a sentence (except at the end of a paragraph).
    Never,
}

struct Segmenter<'t> {
    text: &'t str,
    out: Vec<Sentence>,
    tokens: Vec<Token>,
    paragraph: usize,
    paragraph_has_tokens: bool,
    /// Set after a sentence-ending candidate; decided by the next non-closing token.
    pending: Option<EndRule>,
}

impl<'t> Segmenter<'t> {
    fn new(text: &'t str) -> Self {
        Segmenter {
            text,
            // News averages ~25 tokens (~140 bytes) per sentence.
            out: Vec::with_capacity(text.len() / 120 + 1),
            tokens: Vec::new(),
            paragraph: 0,
            paragraph_has_tokens: false,
            pending: None,
        }
    }

    fn push(&mut self, token: Token) {
        let tok = &self.text[token.start..token.end];
        if let Some(rule) = self.pending {
            let glued = self
                .tokens
                .last()
                .is_some_and(|last| last.end == token.start);
            if glued && (is_closer(tok) || terminal_rule(tok).is_some()) {
                // `said."` / `?!` / `.")` : still part of the ending.
                self.tokens.push(token);
                return;
            }
            if ends_before(rule, tok) {
                self.flush();
            }
            self.pending = None;
        }
        self.tokens.push(token);
        self.paragraph_has_tokens = true;
        self.pending = terminal_rule(tok);
    }

    fn flush(&mut self) {
        if let (Some(first), Some(last)) = (self.tokens.first(), self.tokens.last()) {
            let (start, end) = (first.start, last.end);
            // Hand over the token vector and start a fresh one sized like the last.
            let capacity = self.tokens.len().max(8);
            let tokens = std::mem::replace(&mut self.tokens, Vec::with_capacity(capacity));
            self.out.push(Sentence {
                start,
                end,
                tokens,
                paragraph: self.paragraph,
            });
        }
        self.pending = None;
    }

    fn paragraph_break(&mut self) {
        self.flush();
        if self.paragraph_has_tokens {
            self.paragraph += 1;
            self.paragraph_has_tokens = false;
        }
    }

    fn finish(mut self) -> Vec<Sentence> {
        self.flush();
        self.out
    }
}

/// Whether a sentence pending under `rule` ends before the token `next`.
fn ends_before(rule: EndRule, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    match rule {
        EndRule::Never => false,
        EndRule::Terminal => {
            !(first.is_lowercase()
                || matches!(next, "," | ";" | ":" | ")" | "]" | "%" | "-" | "–" | "—"))
        }
        EndRule::BeforeCapital => first.is_uppercase() || is_opening_quote(next),
        // Not before a bracket: "LA CROSSE, Wis. (AP) —" goes on.
        EndRule::BeforeSentenceStarter => is_opening_quote(next) || is_sentence_starter(next),
    }
}

/// The end rule a token sets up, if it can end a sentence at all.
fn terminal_rule(tok: &str) -> Option<EndRule> {
    match tok {
        "." | "!" | "?" | "…" | "‼" | "⁇" | "⁈" | "⁉" => return Some(EndRule::Terminal),
        _ => {}
    }
    if tok.len() >= 2 && tok.bytes().all(|b| b == b'.') {
        return Some(EndRule::Terminal);
    }
    let word = tok.strip_suffix('.')?;
    if word.is_empty() {
        return None;
    }
    Some(abbreviation_rule(word))
}

/// The end rule of an abbreviation token (given without its final period).
fn abbreviation_rule(word: &str) -> EndRule {
    if word.contains('.') {
        // Dotted initialisms: `U.S`, `e.g`, `a.m`.
        return match word {
            "a.m" | "p.m" | "A.M" | "P.M" => EndRule::BeforeCapital,
            _ if word.bytes().any(|b| b.is_ascii_uppercase()) => EndRule::BeforeSentenceStarter,
            _ => EndRule::Never,
        };
    }
    match word {
        "etc" => EndRule::BeforeCapital,
        _ if NEVER_FINAL.contains(&word) || word == "v" => EndRule::Never,
        _ => EndRule::BeforeSentenceStarter,
    }
}

/// Abbreviations that (with their period) stay in the token instead of being split off.
/// Kept short and case-sensitive on purpose: `No.` is a number sign, `no.` ends a sentence.
fn is_abbreviation(word: &str) -> bool {
    NEVER_FINAL.contains(&word) || MAYBE_FINAL.contains(&word)
}

/// Titles and reference words: always followed by a name or a number.
const NEVER_FINAL: &[&str] = &[
    "Adm", "Amb", "Art", "Atty", "Brig", "Capt", "Cdr", "Ch", "Cmdr", "Col", "Cpl", "Dept", "Det",
    "Dr", "Drs", "Fig", "Figs", "Fr", "Gen", "Gens", "Gov", "Govs", "Hon", "Insp", "Lt", "Maj",
    "Messrs", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt", "No", "Nos", "Nr", "Pfc", "Pres", "Prof",
    "Pvt", "Rep", "Reps", "Rev", "Rt", "Sen", "Sens", "Sgt", "Spc", "Supt", "Vol", "Vols",
    "approx", "cf", "vs",
];

/// Abbreviations that can also close a sentence (`Jr.`, `Inc.`, month and US-state
/// abbreviations of AP style, `St.` for saint or street).
const MAYBE_FINAL: &[&str] = &[
    "Ala", "Apr", "Ariz", "Ark", "Aug", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn",
    "Corp", "Dec", "Del", "Feb", "Fla", "Fri", "Ga", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul",
    "Jun", "Kan", "Ky", "La", "Ltd", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mon", "Neb",
    "Nev", "Nov", "Oct", "Okla", "Ore", "Pa", "Plc", "Rd", "Sept", "Sep", "Sr", "St", "Ste",
    "Tenn", "Tex", "Thu", "Thurs", "Tue", "Tues", "Va", "Vt", "Wash", "Wed", "Wis", "Wyo", "etc",
];

/// Words that typically open an English sentence and rarely follow `U.S.` or an initial
/// inside one: determiners, pronouns, conjunctions, sentence adverbs.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "After"
            | "Also"
            | "Although"
            | "An"
            | "And"
            | "As"
            | "At"
            | "But"
            | "By"
            | "During"
            | "Earlier"
            | "For"
            | "From"
            | "He"
            | "Her"
            | "His"
            | "However"
            | "I"
            | "If"
            | "In"
            | "It"
            | "Its"
            | "Last"
            | "Later"
            | "Meanwhile"
            | "Many"
            | "More"
            | "Most"
            | "No"
            | "On"
            | "Our"
            | "She"
            | "Since"
            | "So"
            | "Some"
            | "That"
            | "The"
            | "Their"
            | "There"
            | "These"
            | "They"
            | "This"
            | "Those"
            | "Thursday"
            | "To"
            | "Under"
            | "We"
            | "What"
            | "When"
            | "Where"
            | "While"
            | "Who"
            | "With"
            | "Yet"
            | "You"
    )
}

fn is_opening_quote(tok: &str) -> bool {
    matches!(tok, "\"" | "“" | "‘" | "'" | "«" | "„" | "‹")
}

fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›")
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Letters and digits of any script, plus the combining marks that Rust's
/// `is_alphanumeric` leaves out but that belong inside words (accents written as
/// separate code points, Arabic harakat, Devanagari vowel signs, joiners).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0DFF
            | 0x0E31..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
            | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// End (exclusive) of the token starting at byte `start` (which is not whitespace).
fn scan_token(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let c = char_at(text, start);
    if is_word_char(c) {
        return scan_word(text, start);
    }
    let len = c.len_utf8();
    // The possessive `'s` / `’s` after a word is its own token: `Kenya's` → `Kenya` `'s`.
    if is_apostrophe(c) && start > 0 {
        let s = start + len;
        let before = text[..start].chars().next_back().unwrap_or(' ');
        if is_word_char(before)
            && matches!(bytes.get(s), Some(b's' | b'S'))
            && !bytes
                .get(s + 1)
                .is_some_and(|_| is_word_char(char_at(text, s + 1)))
        {
            return s + 1;
        }
    }
    // Runs of dots (`...`) and dashes (`--`) are one token.
    if c == '.' || c == '-' {
        let mut end = start + 1;
        while end < bytes.len() && bytes[end] == c as u8 {
            end += 1;
        }
        return end;
    }
    start + len
}

/// A word or number: letters/digits joined by `-` (`al-Shabaab`, `2021-10-10`), by an
/// apostrophe (`don't`, `O'Brien`, not the possessive), and, between digits, by `.`,
/// `,`, `:` or `/` (`3.5`, `1,200`, `10:30`, `24/7`). Dotted initialisms (`U.S.`,
/// `a.m.`) and known abbreviations (`Oct.`, `Mr.`) keep their period.
fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let letter_dot =
        |i: usize| i + 1 < len && bytes[i].is_ascii_alphabetic() && bytes[i + 1] == b'.';
    // `U.S.`, `e.g.`, `a.m.`: single letters each followed by a dot, at least two.
    let mut end = start;
    while letter_dot(end) {
        end += 2;
    }
    if end >= start + 4 {
        return end;
    }
    let mut i = start;
    loop {
        // A run of word characters.
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                break;
            }
            let c = char_at(text, i);
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        if i >= len {
            return i;
        }
        let c = char_at(text, i);
        let after = i + c.len_utf8();
        let next_is_word = after < len && is_word_char(char_at(text, after));
        let joins = match c {
            '-' | '‐' => next_is_word,
            '\'' | '’' => {
                let possessive = matches!(bytes.get(after), Some(b's' | b'S'))
                    && !(after + 1 < len && is_word_char(char_at(text, after + 1)));
                next_is_word && !possessive
            }
            '.' | ',' | ':' | '/' => {
                bytes[i - 1].is_ascii_digit() && after < len && bytes[after].is_ascii_digit()
            }
            _ => false,
        };
        if joins {
            i = after;
            continue;
        }
        if c == '.' {
            let word = &text[start..i];
            let initial = word.len() == 1 && bytes[start].is_ascii_uppercase();
            if initial || is_abbreviation(word) {
                return i + 1;
            }
        }
        return i;
    }
}
