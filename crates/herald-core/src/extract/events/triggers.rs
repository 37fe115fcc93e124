//! The trigger lexicon: verb and noun phrases that report an event, compiled once from
//! `data/events/triggers.tsv` into a table keyed by the phrase's first word.
//!
//! Matching works on tokens, not characters, because the verb of a phrase inflects
//! ("hold talks", "held talks", "holding talks") and a phrase may have a short gap
//! ("held *fresh* talks"). The lexicon is small (hundreds of phrases), so a hash map
//! from each inflected first word to its candidate phrases is both simpler and faster
//! than an automaton here; the actor and place dictionaries, which are large, use
//! aho-corasick.

use crate::model::EventType;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const TRIGGERS_TSV: &str = include_str!("../../../../../data/events/triggers.tsv");

/// Part of speech of the trigger's head, which decides where actor and recipient are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    /// Verb phrase: the actor is the subject, the recipient the object.
    Verb,
    /// Event noun: the actor is a possessor/adjective or "by X", the recipient follows
    /// "on", "against", "with" or "of".
    Noun,
}

/// Which inflection of a verb matched; decides voice (a participle after "was" is
/// passive) and helps tell verbs from nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    ThirdSingular,
    Past,
    Participle,
    /// A form that is both simple past and participle ("killed", "held").
    PastOrParticiple,
    Gerund,
    /// Nouns and fixed words.
    Other,
}

/// Words that end phrasal verbs and never inflect.
const PARTICLES: &[&str] = &[
    "to", "for", "on", "with", "at", "up", "down", "out", "off", "back", "over", "in", "by",
    "upon", "into", "against", "dead", "fire", "work",
];

/// One element of a phrase after its first word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Element {
    Word(String),
    /// Up to three ordinary words.
    Gap,
}

/// One trigger phrase.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub phrase: String,
    pub pos: TriggerPos,
    pub event: EventType,
    pub mode: Option<String>,
    pub cameo: String,
    pub weight: f32,
    rest: Vec<Element>,
}

/// A trigger found in a sentence: token range `[first, last]` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    pub trigger: u32,
    pub first: usize,
    pub last: usize,
    pub form: VerbForm,
}

/// The compiled trigger lexicon.
#[derive(Debug)]
pub struct TriggerLexicon {
    triggers: Vec<Trigger>,
    by_first_word: HashMap<String, Vec<(u32, VerbForm)>>,
}

/// Words a gap may not swallow: they start a new clause or phrase, so a phrase with a
/// gap across them would join words that do not belong together.
const GAP_BREAKERS: &[&str] = &[
    "and", "or", "but", "said", "says", "that", "which", "who", "after", "before", "when", "while",
    "because", "to", "by", "on", "in", "at", "with", "against", "from", "for", "of", "if", "not",
    "no",
];

fn builtin_shared() -> &'static Arc<TriggerLexicon> {
    static LEXICON: OnceLock<Arc<TriggerLexicon>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Arc::new(
            TriggerLexicon::parse(TRIGGERS_TSV, "data/events/triggers.tsv")
                .unwrap_or_else(|e| panic!("{e}")),
        )
    })
}

impl TriggerLexicon {
    /// The built-in lexicon.
    pub fn builtin() -> &'static TriggerLexicon {
        builtin_shared()
    }

    /// The built-in lexicon as a shared handle.
    pub fn shared() -> Arc<TriggerLexicon> {
        builtin_shared().clone()
    }

    /// Parses a trigger table. Errors name the file and line.
    pub fn parse(tsv: &str, name: &str) -> Result<TriggerLexicon, String> {
        let mut lexicon = TriggerLexicon {
            triggers: Vec::new(),
            by_first_word: HashMap::new(),
        };
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 6 {
                return Err(format!(
                    "{name}:{line_no}: expected 6 tab-separated columns, found {}",
                    cols.len()
                ));
            }
            let pos = match cols[1] {
                "V" => TriggerPos::Verb,
                "N" => TriggerPos::Noun,
                other => {
                    return Err(format!(
                        "{name}:{line_no}: pos must be V or N, not `{other}`"
                    ))
                }
            };
            let event = EventType::parse(cols[2])
                .ok_or_else(|| format!("{name}:{line_no}: unknown PLOVER type `{}`", cols[2]))?;
            let mode = match cols[3].trim() {
                "-" | "" => None,
                m => Some(m.to_string()),
            };
            let weight: f32 = cols[5]
                .trim()
                .parse()
                .map_err(|_| format!("{name}:{line_no}: weight `{}` is not a number", cols[5]))?;
            let words: Vec<&str> = cols[0].split_whitespace().collect();
            if words.is_empty() {
                return Err(format!("{name}:{line_no}: empty phrase"));
            }
            let display: Vec<&str> = words
                .iter()
                .map(|w| w.split(':').next().unwrap_or(w))
                .collect();
            let base = Trigger {
                phrase: display.join(" "),
                pos,
                event,
                mode,
                cameo: cols[4].trim().to_string(),
                weight,
                rest: Vec::new(),
            };
            match pos {
                TriggerPos::Verb => {
                    let forms = verb_forms(words[0]);
                    // A phrase ending in a noun also matches its plural ("staged
                    // protests", "held meetings"); particles and prepositions do not inflect.
                    let mut tails: Vec<Vec<String>> =
                        vec![words[1..].iter().map(|w| w.to_string()).collect()];
                    if let Some(last) = words.get(1..).and_then(|t| t.last()) {
                        let plural_last = plural(last);
                        if words.len() > 1
                            && *last != "*"
                            && !PARTICLES.contains(last)
                            && plural_last != *last
                        {
                            let mut t = tails[0].clone();
                            *t.last_mut().expect("non-empty") = plural_last;
                            tails.push(t);
                        }
                    }
                    for tail in tails {
                        let refs: Vec<&str> = tail.iter().map(String::as_str).collect();
                        let id = lexicon.push(Trigger {
                            rest: elements(&refs),
                            ..base.clone()
                        });
                        for (form, kind) in &forms {
                            lexicon.index(form.clone(), id, *kind);
                        }
                    }
                }
                TriggerPos::Noun => {
                    // The head noun is the last word; register singular and plural.
                    let last = words.len() - 1;
                    for variant in [words[last].to_string(), plural(words[last])] {
                        let mut ws: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                        ws[last] = variant;
                        let refs: Vec<&str> = ws.iter().map(|s| s.as_str()).collect();
                        let rest = elements(&refs[1..]);
                        let id = lexicon.push(Trigger {
                            rest,
                            ..base.clone()
                        });
                        lexicon.index(ws[0].clone(), id, VerbForm::Other);
                        if words.len() == 1 {
                            // A one-word noun: the variant is the first word itself.
                        }
                    }
                }
            }
        }
        Ok(lexicon)
    }

    fn push(&mut self, trigger: Trigger) -> u32 {
        self.triggers.push(trigger);
        (self.triggers.len() - 1) as u32
    }

    fn index(&mut self, word: String, id: u32, form: VerbForm) {
        let slot = self.by_first_word.entry(word).or_default();
        if !slot.iter().any(|&(i, _)| i == id) {
            slot.push((id, form));
        }
    }

    pub fn trigger(&self, id: u32) -> &Trigger {
        &self.triggers[id as usize]
    }

    pub fn len(&self) -> usize {
        self.triggers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.triggers.is_empty()
    }

    /// All candidate matches starting at token `at`, longest first. `words` are the
    /// sentence's tokens, lowercased.
    pub fn matches_at(&self, words: &[&str], at: usize) -> Vec<TriggerMatch> {
        let mut out = Vec::new();
        let Some(cands) = self.by_first_word.get(words[at]) else {
            return out;
        };
        for &(id, form) in cands {
            let t = &self.triggers[id as usize];
            if let Some(last) = match_rest(&t.rest, words, at + 1) {
                out.push(TriggerMatch {
                    trigger: id,
                    first: at,
                    last,
                    form,
                });
            }
        }
        // Longest first; among equally long phrases the stronger evidence ("welcome" as
        // praise rather than as hosting a visit), then table order for determinism.
        out.sort_by(|a, b| {
            let (wa, wb) = (
                self.triggers[a.trigger as usize].weight,
                self.triggers[b.trigger as usize].weight,
            );
            (b.last - b.first)
                .cmp(&(a.last - a.first))
                .then(wb.total_cmp(&wa))
                .then(a.trigger.cmp(&b.trigger))
        });
        out
    }
}

/// Matches the rest of a phrase from token `at`; returns the index of the last token.
fn match_rest(rest: &[Element], words: &[&str], at: usize) -> Option<usize> {
    match rest.split_first() {
        None => Some(at - 1),
        Some((Element::Word(w), tail)) => {
            if words.get(at) == Some(&w.as_str()) {
                match_rest(tail, words, at + 1)
            } else {
                None
            }
        }
        Some((Element::Gap, tail)) => {
            // Try the shortest gap first so "held talks" beats skipping words.
            for skip in 0..=3 {
                if skip > 0 {
                    let w = words.get(at + skip - 1)?;
                    if !w.chars().all(|c| c.is_alphanumeric() || c == '-')
                        || GAP_BREAKERS.contains(w)
                    {
                        return None;
                    }
                }
                if let Some(last) = match_rest(tail, words, at + skip) {
                    return Some(last);
                }
            }
            None
        }
    }
}

fn elements(words: &[&str]) -> Vec<Element> {
    words
        .iter()
        .map(|w| {
            if *w == "*" {
                Element::Gap
            } else {
                Element::Word(w.to_lowercase())
            }
        })
        .collect()
}

/// Inflected forms of a verb written `lemma` or `lemma:3sg:past:participle:gerund`.
fn verb_forms(spec: &str) -> Vec<(String, VerbForm)> {
    let parts: Vec<&str> = spec.split(':').collect();
    let lemma = parts[0].to_lowercase();
    if lemma == "be" {
        return [
            "be", "is", "are", "am", "was", "were", "been", "being", "'s", "’s", "'re",
        ]
        .iter()
        .map(|f| (f.to_string(), VerbForm::Other))
        .collect();
    }
    let given = |i: usize| {
        parts
            .get(i)
            .filter(|s| !s.is_empty())
            .map(|s| s.to_lowercase())
    };
    let third = given(1).unwrap_or_else(|| regular_third(&lemma));
    let past = given(2).unwrap_or_else(|| regular_past(&lemma));
    let participle = given(3).unwrap_or_else(|| past.clone());
    let gerund = given(4).unwrap_or_else(|| regular_gerund(&lemma));
    let mut forms = vec![
        (lemma.clone(), VerbForm::Base),
        (third, VerbForm::ThirdSingular),
    ];
    if past == participle {
        forms.push((past, VerbForm::PastOrParticiple));
    } else {
        forms.push((past, VerbForm::Past));
        forms.push((participle, VerbForm::Participle));
    }
    forms.push((gerund, VerbForm::Gerund));
    // A base form equal to the past ("hit", "cut") keeps its past reading.
    let mut seen: Vec<(String, VerbForm)> = Vec::new();
    for (f, k) in forms {
        if let Some(existing) = seen.iter_mut().find(|(s, _)| *s == f) {
            if existing.1 == VerbForm::Base {
                existing.1 = VerbForm::PastOrParticiple;
            }
        } else {
            seen.push((f, k));
        }
    }
    seen
}

fn ends_with_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn regular_third(lemma: &str) -> String {
    if ends_with_consonant_y(lemma) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn regular_past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if ends_with_consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    }
}

fn regular_gerund(lemma: &str) -> String {
    if lemma.ends_with("ee") || lemma.ends_with("ye") {
        format!("{lemma}ing")
    } else if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if let Some(stem) = lemma.strip_suffix('e') {
        format!("{stem}ing")
    } else {
        format!("{lemma}ing")
    }
}

/// English plural of a head noun (regular rules; irregular event nouns are rare).
pub fn plural(noun: &str) -> String {
    if noun.ends_with('s') && !noun.ends_with("ss") {
        return noun.to_string(); // already plural ("talks", "sanctions", "clashes")
    }
    regular_third(noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(|w| w.to_lowercase()).collect()
    }

    fn find(s: &str) -> Vec<(String, EventType)> {
        let lex = TriggerLexicon::builtin();
        let ws = words(s);
        let refs: Vec<&str> = ws.iter().map(|w| w.as_str()).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < refs.len() {
            if let Some(m) = lex.matches_at(&refs, i).first() {
                out.push((
                    refs[m.first..=m.last].join(" "),
                    lex.trigger(m.trigger).event,
                ));
                i = m.last + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn builtin_table_loads() {
        assert!(TriggerLexicon::builtin().len() > 300);
    }

    #[test]
    fn inflected_phrases_with_gaps_match() {
        assert_eq!(
            find("Russian and Ukrainian officials held fresh talks in Istanbul"),
            vec![("held fresh talks".to_string(), EventType::Consult)]
        );
        assert_eq!(
            find("Police fired tear gas at opposition supporters")[0].1,
            EventType::Assault
        );
        assert_eq!(
            find("Egypt condemned the bombing")[0],
            ("condemned".to_string(), EventType::Accuse)
        );
        assert_eq!(
            find("the Security Council imposed new sanctions on Pyongyang")[0].1,
            EventType::Sanction
        );
        assert_eq!(
            find("gunmen kidnapped 20 students")[0],
            ("kidnapped".to_string(), EventType::Assault)
        );
        assert_eq!(find("the ministers denied the report")[0..0], []);
    }

    #[test]
    fn gaps_do_not_cross_clauses() {
        // "held" … "talks" with "after" between must not be one phrase.
        assert!(find("protesters held banners after talks")
            .iter()
            .all(|(p, _)| p != "held banners after talks"));
    }

    #[test]
    fn regular_inflection() {
        let forms: Vec<String> = verb_forms("deny").into_iter().map(|(f, _)| f).collect();
        assert_eq!(forms, vec!["deny", "denies", "denied", "denying"]);
        let forms: Vec<String> = verb_forms("condemn").into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            forms,
            vec!["condemn", "condemns", "condemned", "condemning"]
        );
        let forms: Vec<String> = verb_forms("seize").into_iter().map(|(f, _)| f).collect();
        assert_eq!(forms, vec!["seize", "seizes", "seized", "seizing"]);
        assert_eq!(plural("airstrike"), "airstrikes");
        assert_eq!(plural("talks"), "talks");
    }
}
