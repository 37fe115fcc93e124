//! The trigger lexicon: verb and noun phrases that report an event, compiled once from
//! `data/events/triggers.tsv` into a table keyed by the phrase's first word.
//!
//! Matching works on tokens, not characters, because the verb of a phrase inflects
//! ("hold talks", "held talks", "holding talks") and a phrase may have a short gap
//! ("held *fresh* talks"). The lexicon is small (hundreds of phrases), so a hash map
//! from each inflected first word to its candidate phrases is both simpler and faster
//! than an automaton here; the actor and place dictionaries, which are large, use
//! aho-corasick.

use super::WordList;
use crate::knowledge::petrarch::Defect;
use crate::model::EventType;
use rustc_hash::FxHashMap;
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
    /// Up to three units: ordinary words, actor phrases, amounts (see [`match_gap`]).
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
    /// Set for triggers from a user's dictionary (a PETRARCH verb pattern): what the
    /// dictionary says the match means.
    pub dictionary: Option<DictionaryMeaning>,
}

/// What a dictionary pattern says about a match, beyond its first code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DictionaryMeaning {
    /// `[---]`: the pattern matches and means no event (it still wins over the verb's
    /// own code).
    pub null: bool,
    /// `[a:b]` with an `a`: the source does `cameo` to the target. `false` for `[:b]`.
    pub forward: bool,
    /// `[a:b]`: the target does `b` (with its PLOVER type) to the source.
    pub reverse: Option<(String, EventType)>,
    /// `%`: a compound actor whose members act on each other when no target is named.
    pub reciprocal: bool,
    /// Line of the pattern (or verb) in the dictionary file, for explanations.
    pub line: usize,
}

/// A trigger found in a sentence: token range `[first, last]` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    pub trigger: u32,
    pub first: usize,
    pub last: usize,
    pub form: VerbForm,
    /// Token where a dictionary pattern's source slot (`$`, `%`) matched an actor.
    pub source: Option<u32>,
    /// Token where a dictionary pattern's target slot (`+`) matched an actor.
    pub target: Option<u32>,
    /// First token of the words a dictionary pattern matched before its verb
    /// (`INDICATED` in `INDICATED SHOULD *`); `first` for any other match.
    pub words_from: usize,
}

/// The compiled trigger lexicon.
#[derive(Debug)]
pub struct TriggerLexicon {
    triggers: Vec<Trigger>,
    // FxHash: probed for every word of every sentence.
    by_first_word: FxHashMap<String, Vec<(u32, VerbForm)>>,
    /// Dictionary verbs by their inflecting word (empty for the built-in table).
    by_head: FxHashMap<String, Vec<HeadEntry>>,
    /// Pattern trigger ids of each dictionary verb block, most specific first.
    block_patterns: Vec<Vec<u32>>,
    /// The compiled patterns, by trigger id (`None` for table triggers and plain verbs).
    patterns: Vec<Option<CompiledPattern>>,
    /// Synset members as lower-case word sequences.
    synsets: Vec<Vec<Vec<String>>>,
}

/// A dictionary verb form keyed by its inflecting word: the fixed words around that
/// word, the verb's own trigger and its block.
#[derive(Debug, Clone)]
struct HeadEntry {
    before: Vec<String>,
    after: Vec<String>,
    form: VerbForm,
    trigger: u32,
    block: u32,
}

/// One atom of a compiled dictionary pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PatternAtom {
    Word(String),
    Synset(u32),
    Source,
    Target,
    Skip,
}

/// A dictionary pattern split at its verb: the atoms before it (nearest first) and
/// after it, each with whether it must touch its neighbour nearer the verb.
#[derive(Debug, Clone, Default)]
struct CompiledPattern {
    before: Vec<(PatternAtom, bool)>,
    after: Vec<(PatternAtom, bool)>,
}

/// Most words a pattern may skip between two of its atoms that are not joined.
const PATTERN_GAP: usize = 6;

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
        let mut lexicon = TriggerLexicon::empty();
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
                dictionary: None,
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
                            && !PARTICLES.has_word(last)
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

    fn empty() -> TriggerLexicon {
        TriggerLexicon {
            triggers: Vec::new(),
            by_first_word: FxHashMap::default(),
            by_head: FxHashMap::default(),
            block_patterns: Vec::new(),
            patterns: Vec::new(),
            synsets: Vec::new(),
        }
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
        self.matches_with_actors(words, at, &|_| None)
    }

    /// Whether an event noun of the table (not a verb form) starts at word `at`.
    pub fn noun_starts_at(&self, words: &[&str], at: usize) -> bool {
        self.matches_at(words, at)
            .iter()
            .any(|m| self.triggers[m.trigger as usize].pos == TriggerPos::Noun)
    }

    /// Like [`matches_at`](Self::matches_at), with the sentence's actor phrases for the
    /// source and target slots of dictionary patterns: `actor_at(i)` gives the token
    /// range of the actor phrase covering token `i`.
    pub fn matches_with_actors(
        &self,
        words: &[&str],
        at: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
    ) -> Vec<TriggerMatch> {
        let mut out = Vec::new();
        if !self.by_head.is_empty() {
            self.dictionary_matches(words, at, actor_at, &mut out);
        }
        let Some(cands) = self.by_first_word.get(words[at]) else {
            return out;
        };
        for &(id, form) in cands {
            let t = &self.triggers[id as usize];
            if let Some(last) = match_rest(&t.rest, words, at + 1, actor_at) {
                out.push(TriggerMatch {
                    trigger: id,
                    first: at,
                    last,
                    form,
                    source: None,
                    target: None,
                    words_from: at,
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

/// What a dictionary pattern matched: its last token and where its slots stood.
#[derive(Debug, Clone, Copy, Default)]
struct PatternFound {
    last: usize,
    /// The first pattern word before the verb (the verb's first token when none).
    first_word: usize,
    source: Option<u32>,
    target: Option<u32>,
}

/// Tokens a pattern's gap never crosses: they end the phrase the pattern describes.
fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "," | ";" | ":" | "." | "(" | ")" | "—" | "–" | "\"" | "“" | "”"
    )
}

impl TriggerLexicon {
    /// A trigger lexicon from a PETRARCH verb dictionary (`CAMEO.2.0.txt`,
    /// `PETR.Validate.verbs.txt`): every form of every verb is a trigger with its
    /// verb's (or block's) code, and every pattern a trigger tried before the bare verb,
    /// most specific first. Returns the lexicon, the number of patterns and what the
    /// reader repaired or left out.
    ///
    /// The event's `cameo` is the dictionary's code as written; its PLOVER type comes
    /// from the CAMEO-to-PLOVER table (`data/events/cameo_plover.tsv`, see
    /// [`plover_type`]).
    pub fn from_petrarch_verbs(text: &str) -> (TriggerLexicon, usize, Vec<Defect>) {
        use crate::knowledge::petrarch::verbs::{self, Atom, VerbCode};
        let file = verbs::read(text);
        let mut lexicon = TriggerLexicon::empty();
        let mut synset_ids: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<&String> = file.synsets.keys().collect();
        names.sort(); // deterministic ids
        for name in names {
            synset_ids.insert(name.clone(), lexicon.synsets.len() as u32);
            let members = file.synsets[name]
                .iter()
                .map(|m| treebank_words(m))
                .filter(|m| !m.is_empty())
                .collect();
            lexicon.synsets.push(members);
        }
        lexicon.block_patterns = vec![Vec::new(); file.blocks.len()];
        let meaning = |code: &VerbCode, line: usize| -> (String, EventType, DictionaryMeaning) {
            let mut m = DictionaryMeaning {
                line,
                forward: true,
                ..DictionaryMeaning::default()
            };
            match code {
                VerbCode::Null => {
                    m.null = true;
                    ("---".to_string(), EventType::Consult, m)
                }
                VerbCode::Event(c) => (c.clone(), plover_type(c), m),
                VerbCode::Pair { forward, reverse } => {
                    m.reverse = reverse.as_ref().map(|r| (r.clone(), plover_type(r)));
                    match forward {
                        Some(f) => (f.clone(), plover_type(f), m),
                        None => {
                            m.forward = false;
                            let r = reverse.clone().unwrap_or_default();
                            let t = plover_type(&r);
                            (r, t, m)
                        }
                    }
                }
            }
        };
        let trigger =
            |phrase: String, (cameo, event, meaning): (String, EventType, DictionaryMeaning)| {
                Trigger {
                    phrase,
                    pos: TriggerPos::Verb,
                    event,
                    mode: None,
                    cameo,
                    weight: 1.0,
                    rest: Vec::new(),
                    dictionary: Some(meaning),
                }
            };
        for verb in &file.verbs {
            let code = verb.code.as_ref().unwrap_or(&file.blocks[verb.block].code);
            let base = &verb.forms[0];
            let written = base
                .before
                .iter()
                .chain(std::iter::once(&base.head))
                .chain(&base.after)
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let id = lexicon.push(trigger(written, meaning(code, verb.line)));
            lexicon.patterns.push(None);
            for form in &verb.forms {
                let kind = form_kind(&form.head, &base.head);
                let head = form.head.to_lowercase();
                let entry = HeadEntry {
                    before: treebank_words(&form.before),
                    after: treebank_words(&form.after),
                    form: kind,
                    trigger: id,
                    block: verb.block as u32,
                };
                let slot = lexicon.by_head.entry(head).or_default();
                if !slot
                    .iter()
                    .any(|e| e.trigger == id && e.before == entry.before && e.after == entry.after)
                {
                    slot.push(entry);
                }
            }
        }
        // Multi-word forms are tried before the single word they contain.
        for entries in lexicon.by_head.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.before.len() + e.after.len()));
        }
        for pattern in &file.patterns {
            let verb_at = pattern
                .atoms
                .iter()
                .position(|a| *a == Atom::Verb)
                .expect("the reader keeps patterns with one verb");
            // `%` is a compound actor on the verb's side it stands on: the subject
            // before it ("% HAVE *"), an object after it ("* WITH %").
            let convert = |k: usize, a: &Atom| match a {
                Atom::Word(w) => PatternAtom::Word(w.to_lowercase()),
                Atom::Synset(s) => PatternAtom::Synset(synset_ids[s]),
                Atom::Compound if k > verb_at => PatternAtom::Target,
                Atom::Source | Atom::Compound => PatternAtom::Source,
                Atom::Target => PatternAtom::Target,
                Atom::Skip | Atom::Verb => PatternAtom::Skip,
            };
            let mut compiled = CompiledPattern::default();
            for k in (0..verb_at).rev() {
                compiled
                    .before
                    .push((convert(k, &pattern.atoms[k]), pattern.joined[k]));
            }
            for k in verb_at + 1..pattern.atoms.len() {
                compiled
                    .after
                    .push((convert(k, &pattern.atoms[k]), pattern.joined[k - 1]));
            }
            // TreeBank splits "didn't" into "did n't"; Herald's tokens keep it whole.
            merge_contractions(&mut compiled.before, true);
            merge_contractions(&mut compiled.after, false);
            let phrase = format!(
                "{} (line {})",
                file.blocks[pattern.block].name, pattern.line
            )
            .to_lowercase();
            let mut t = trigger(phrase, meaning(&pattern.code, pattern.line));
            if let Some(m) = t.dictionary.as_mut() {
                m.reciprocal = pattern.atoms[..verb_at].contains(&Atom::Compound);
            }
            let id = lexicon.push(t);
            lexicon.patterns.push(Some(compiled));
            lexicon.block_patterns[pattern.block].push(id);
        }
        // Most specific first: more atoms, then file order.
        let patterns = &lexicon.patterns;
        for ids in &mut lexicon.block_patterns {
            ids.sort_by_key(|&id| {
                let p = patterns[id as usize].as_ref().expect("pattern");
                (std::cmp::Reverse(p.before.len() + p.after.len()), id)
            });
        }
        (lexicon, file.patterns.len(), file.defects)
    }

    /// Dictionary candidates at token `at`: the patterns of every verb whose inflecting
    /// word is `at`, most specific first, then the bare verb.
    fn dictionary_matches(
        &self,
        words: &[&str],
        at: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        out: &mut Vec<TriggerMatch>,
    ) {
        let Some(entries) = self.by_head.get(words[at]) else {
            return;
        };
        // The verbs whose fixed words are all there.
        let fitting = entries.iter().filter_map(|e| {
            let start = at.checked_sub(e.before.len())?;
            let end = at + e.after.len();
            let fits = end < words.len()
                && words[start..at].iter().zip(&e.before).all(|(w, b)| w == b)
                && words[at + 1..=end]
                    .iter()
                    .zip(&e.after)
                    .all(|(w, a)| w == a);
            fits.then_some((e, start, end))
        });
        // Every block's patterns come before any bare verb: a word may head verbs of
        // several blocks, and a pattern of one is more specific than the bare other.
        let mut bare = Vec::new();
        for (e, start, end) in fitting {
            for &id in &self.block_patterns[e.block as usize] {
                let pattern = self.patterns[id as usize].as_ref().expect("pattern");
                if let Some(found) = self.match_pattern(pattern, words, start, end, actor_at) {
                    out.push(TriggerMatch {
                        trigger: id,
                        first: start,
                        last: found.last.max(end),
                        form: e.form,
                        source: found.source,
                        target: found.target,
                        words_from: found.first_word.min(start),
                    });
                }
            }
            bare.push(TriggerMatch {
                trigger: e.trigger,
                first: start,
                last: end,
                form: e.form,
                source: None,
                target: None,
                words_from: start,
            });
        }
        out.extend(bare);
    }

    fn match_pattern(
        &self,
        pattern: &CompiledPattern,
        words: &[&str],
        start: usize,
        end: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
    ) -> Option<PatternFound> {
        let mut found = PatternFound {
            last: end,
            first_word: start,
            ..PatternFound::default()
        };
        if !self.match_before(&pattern.before, words, start, actor_at, &mut found) {
            return None;
        }
        if !self.match_after(&pattern.after, words, end + 1, actor_at, &mut found) {
            return None;
        }
        Some(found)
    }

    /// Matches `atoms` (nearest the verb first) leftwards, the first ending at or
    /// before token `limit - 1`.
    fn match_before(
        &self,
        atoms: &[(PatternAtom, bool)],
        words: &[&str],
        limit: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        found: &mut PatternFound,
    ) -> bool {
        let Some(((atom, joined), rest)) = atoms.split_first() else {
            return true;
        };
        let gap = if *joined { 0 } else { PATTERN_GAP };
        for skip in 0..=gap {
            let Some(end) = limit.checked_sub(1 + skip) else {
                return false;
            };
            if skip > 0 && ends_phrase(words[end + 1]) {
                return false;
            }
            let mut trial = *found;
            if let Some(first) = self.atom_ending_at(atom, words, end, actor_at, &mut trial) {
                if matches!(atom, PatternAtom::Word(_) | PatternAtom::Synset(_)) {
                    trial.first_word = trial.first_word.min(first);
                }
                if self.match_before(rest, words, first, actor_at, &mut trial) {
                    *found = trial;
                    return true;
                }
            }
        }
        false
    }

    /// Matches `atoms` rightwards, the first starting at or after token `from`.
    fn match_after(
        &self,
        atoms: &[(PatternAtom, bool)],
        words: &[&str],
        from: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        found: &mut PatternFound,
    ) -> bool {
        let Some(((atom, joined), rest)) = atoms.split_first() else {
            return true;
        };
        let gap = if *joined { 0 } else { PATTERN_GAP };
        for skip in 0..=gap {
            let at = from + skip;
            if at >= words.len() || (skip > 0 && ends_phrase(words[at - 1])) {
                return false;
            }
            let mut trial = *found;
            if let Some(last) = self.atom_starting_at(atom, words, at, actor_at, &mut trial) {
                trial.last = trial.last.max(last);
                if self.match_after(rest, words, last + 1, actor_at, &mut trial) {
                    *found = trial;
                    return true;
                }
            }
        }
        false
    }

    fn atom_starting_at(
        &self,
        atom: &PatternAtom,
        words: &[&str],
        at: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        found: &mut PatternFound,
    ) -> Option<usize> {
        match atom {
            PatternAtom::Word(w) => (words[at] == w).then_some(at),
            PatternAtom::Skip => Some(at),
            PatternAtom::Synset(k) => self.synsets[*k as usize]
                .iter()
                .filter(|m| {
                    words.len() >= at + m.len() && words[at..at + m.len()].iter().eq(m.iter())
                })
                .map(|m| at + m.len() - 1)
                .max(),
            PatternAtom::Source | PatternAtom::Target => {
                let (first, last) = actor_at(at).filter(|&(f, _)| f == at)?;
                let slot = if *atom == PatternAtom::Source {
                    &mut found.source
                } else {
                    &mut found.target
                };
                *slot = Some(first as u32);
                Some(last)
            }
        }
    }

    fn atom_ending_at(
        &self,
        atom: &PatternAtom,
        words: &[&str],
        end: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        found: &mut PatternFound,
    ) -> Option<usize> {
        match atom {
            PatternAtom::Word(w) => (words[end] == w).then_some(end),
            PatternAtom::Skip => Some(end),
            PatternAtom::Synset(k) => self.synsets[*k as usize]
                .iter()
                .filter(|m| {
                    end + 1 >= m.len() && words[end + 1 - m.len()..=end].iter().eq(m.iter())
                })
                .map(|m| end + 1 - m.len())
                .min(),
            PatternAtom::Source | PatternAtom::Target => {
                // "the European Union (EU) agree": an aside in parentheses after a name
                // belongs to it.
                let end = if words[end] == ")" {
                    words[..end]
                        .iter()
                        .rposition(|w| *w == "(")?
                        .checked_sub(1)?
                } else {
                    end
                };
                let (first, _) = actor_at(end).filter(|&(_, l)| l == end)?;
                let slot = if *atom == PatternAtom::Source {
                    &mut found.source
                } else {
                    &mut found.target
                };
                *slot = Some(first as u32);
                Some(first)
            }
        }
    }
}

/// Dictionary words (upper case, TreeBank-tokenised) as Herald's lower-case tokens:
/// a split contraction ("DID N'T", "CA N'T", "WO N'T") is one token ("didn't").
fn treebank_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        let w = w.to_lowercase().replace('’', "'");
        match out.last_mut() {
            // "ca" + "n't" is "can't", "wo" + "n't" "won't": plain concatenation.
            Some(prev) if w == "n't" => prev.push_str("n't"),
            _ => out.push(w),
        }
    }
    out
}

/// The same merge on compiled atoms: a word atom "n't" joins the word before it.
fn merge_contractions(atoms: &mut Vec<(PatternAtom, bool)>, reversed: bool) {
    if !atoms
        .iter()
        .any(|(a, _)| *a == PatternAtom::Word("n't".into()))
    {
        return;
    }
    if reversed {
        atoms.reverse();
    }
    let mut words: Vec<String> = Vec::new();
    let mut out: Vec<(PatternAtom, bool)> = Vec::new();
    for (atom, joined) in atoms.drain(..) {
        match (&atom, out.last_mut()) {
            (PatternAtom::Word(w), Some((PatternAtom::Word(prev), _))) if w == "n't" => {
                words.clear();
                words.push(prev.clone());
                words.push(w.clone());
                *prev = treebank_words(&words).remove(0);
            }
            _ => out.push((atom, joined)),
        }
    }
    if reversed {
        out.reverse();
    }
    *atoms = out;
}

/// `base` without its last character (a user's file may hold any script, so never cut
/// by byte count).
fn without_last_char(base: &str) -> &str {
    base.char_indices().last().map_or("", |(i, _)| &base[..i])
}

/// Which inflection a dictionary form is, judged from its spelling against the base.
fn form_kind(head: &str, base: &str) -> VerbForm {
    if head == base {
        VerbForm::Base
    } else if head.ends_with("ING") {
        VerbForm::Gerund
    } else if head.ends_with('S') && head.starts_with(without_last_char(base)) {
        VerbForm::ThirdSingular
    } else {
        VerbForm::PastOrParticiple
    }
}

const CAMEO_PLOVER_TSV: &str = include_str!("../../../../../data/events/cameo_plover.tsv");

/// The PLOVER type of a CAMEO code: the CAMEO-to-PLOVER table's row for the longest
/// prefix of the code's digits ("174K" is read as 174, "0344" as 0344 then 034); a code
/// whose two-digit root the table lacks takes the nearest lower root's type — which is
/// how the WEIS force codes of legacy dictionaries (21x, 22x) become ASSAULT. The event
/// is always emitted with its code as written, for CAMEO users.
pub fn plover_type(code: &str) -> EventType {
    static TABLE: OnceLock<HashMap<String, EventType>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        CAMEO_PLOVER_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let code = cols.next()?.to_string();
                let kind = EventType::parse(cols.next()?)?;
                Some((code, kind))
            })
            .collect()
    });
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    for len in (2..=digits.len()).rev() {
        if let Some(t) = table.get(&digits[..len]) {
            return *t;
        }
    }
    let root: u32 = digits.get(..2).and_then(|r| r.parse().ok()).unwrap_or(1);
    (1..=root.min(20))
        .rev()
        .find_map(|r| table.get(&format!("{r:02}")).copied())
        .unwrap_or(EventType::Consult)
}

/// Matches the rest of a phrase from token `at`; returns the index of the last token.
/// A gap (`*`) skips up to three units: an ordinary word, an actor phrase
/// (`actor_at`), an amount ("5.1 million dollars of", "more than 500") or the
/// coordinator "and other", each as one unit.
fn match_rest(
    rest: &[Element],
    words: &[&str],
    at: usize,
    actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
) -> Option<usize> {
    match rest.split_first() {
        None => Some(at - 1),
        Some((Element::Word(w), tail)) => {
            if words.get(at) == Some(&w.as_str()) {
                match_rest(tail, words, at + 1, actor_at)
            } else {
                None
            }
        }
        Some((Element::Gap, tail)) => match_gap(tail, words, at, 3, actor_at),
    }
}

/// Matches a gap of at most `units` units from token `at`, then the rest of the
/// phrase. The shortest gap is tried first, so "held talks" beats skipping words; an
/// actor phrase or an amount may be skipped as one unit or word by word, so "expelled
/// two Russian diplomats" still ends on "diplomats".
fn match_gap(
    tail: &[Element],
    words: &[&str],
    at: usize,
    units: u8,
    actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
) -> Option<usize> {
    if let Some(last) = match_rest(tail, words, at, actor_at) {
        return Some(last);
    }
    if units == 0 {
        return None;
    }
    // One ordinary word, or one longer unit: an amount, an actor phrase, "and other".
    let one_word = gap_word(words, at);
    let amount = amount_end(words, at);
    let actor = actor_at(at).and_then(|(first, last)| {
        // The whole actor phrase, when it starts here and holds no clause break.
        (first == at && last > at && !words[at..=last].iter().any(|w| ends_phrase(w)))
            .then_some(last + 1)
    });
    // "aerial photographs and other military intelligence": a list, not a clause.
    let list =
        (words.get(at) == Some(&"and") && words.get(at + 1) == Some(&"other")).then_some(at + 2);
    let mut tried = [None; 4];
    for (i, next) in [one_word, amount, actor, list].into_iter().enumerate() {
        let Some(next) = next else { continue };
        if tried[..i].contains(&Some(next)) {
            continue;
        }
        tried[i] = Some(next);
        if let Some(last) = match_gap(tail, words, next, units - 1, actor_at) {
            return Some(last);
        }
    }
    None
}

/// The token after `at` when the ordinary word at `at` may stand in a gap.
fn gap_word(words: &[&str], at: usize) -> Option<usize> {
    let w = *words.get(at)?;
    // A possessive may stand in the gap: "meet the strikers' demands".
    let possessive = matches!(w, "'s" | "'" | "’s" | "’");
    if !(possessive || w.chars().all(|c| c.is_alphanumeric() || c == '-'))
        || GAP_BREAKERS.has_word(w)
    {
        return None;
    }
    Some(at + 1)
}

/// Words that qualify an amount: "more than 500", "up to 4,000", "nearly 25,000".
const AMOUNT_QUALIFIERS: &[&str] = &[
    "about",
    "almost",
    "around",
    "nearly",
    "some",
    "over",
    "roughly",
    "approximately",
];

/// Multipliers after a number: "5.1 million", "two hundred".
const AMOUNT_SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "dozen",
];

/// The end (token after) of an amount starting at `at`: an optional qualifier, a
/// number ("5.1", "25,000", "ten", "dozens"), optional scale words, and optionally a
/// measure with "of" ("dollars of", "tons of", "days of"). `None` if no amount starts
/// here.
fn amount_end(words: &[&str], at: usize) -> Option<usize> {
    if words.get(at) == Some(&"by") {
        return by_amount_end(words, at + 1);
    }
    let mut k = at;
    let two = |a: &str, b: &str| words.get(k) == Some(&a) && words.get(k + 1) == Some(&b);
    if two("more", "than")
        || two("less", "than")
        || two("fewer", "than")
        || two("up", "to")
        || two("at", "least")
    {
        k += 2;
    } else if words.get(k).is_some_and(|w| AMOUNT_QUALIFIERS.has_word(w)) {
        k += 1;
    }
    if !words.get(k).is_some_and(|w| is_number(w)) {
        return None;
    }
    k += 1;
    while words.get(k).is_some_and(|w| AMOUNT_SCALES.has_word(w)) {
        k += 1;
    }
    // "thousands of fighters", "dozens of hackers".
    if words.get(k) == Some(&"of") {
        return Some(k + 1);
    }
    // A measure: "5.1 million dollars of aid", "700 kg of medicine".
    if let (Some(unit), Some(&"of")) = (words.get(k), words.get(k + 1)) {
        if unit.chars().all(char::is_alphabetic) && !GAP_BREAKERS.has_word(unit) {
            return Some(k + 2);
        }
    }
    Some(k)
}

/// Measures of time or proportion after "by": "shortened by one hour the curfew".
const BY_MEASURES: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "percent",
    "pct", "%", "points",
];

/// The end of "by" + a number + a measure of time or proportion ("by one hour", "by 10
/// percent") from token `at` (after "by"); a party after "by" ("by two gunmen") is
/// no amount.
fn by_amount_end(words: &[&str], at: usize) -> Option<usize> {
    let w = *words.get(at)?;
    if !(w == "one" || is_number(w)) {
        return None;
    }
    let unit = *words.get(at + 1)?;
    BY_MEASURES.has_word(unit).then_some(at + 2)
}

/// A number written in digits ("5.1", "25,000", "$12m") or a word ("ten", "dozens").
fn is_number(w: &str) -> bool {
    let digits = w.trim_start_matches(['$', '£', '€']);
    if digits.starts_with(|c: char| c.is_ascii_digit()) {
        return digits
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',');
    }
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundreds"
            | "thousands"
            | "millions"
            | "dozens"
    )
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
    fn petrarch_verbs_become_triggers_with_patterns_slots_and_pairs() {
        let (lex, patterns, defects) = TriggerLexicon::from_petrarch_verbs(
            "&NEG_\n+DID N'T\n+WILL NOT\n\
             --- ABANDON [345] ---\nABANDON\n\
             - * DIPLOMATIC TIES [901]\n- * NEW_ECONOMIC_RELATIONS [903]\n\
             - &NEG * [---]\n\
             --- ARRIVE [032:033] ---\nARRIVE\n\
             --- BREAK [1717] ---\nBREAK {BROKE BROKEN}\n+BREAK_DOWN {+BROKE_DOWN}\n\
             - + * IN $ [075]\n",
        );
        assert_eq!((patterns, defects.len()), (4, 0));
        let none = |_: usize| None;
        let words: Vec<&str> = "egypt will abandon full diplomatic ties with israel"
            .split(' ')
            .collect();
        let m = lex.matches_with_actors(&words, 2, &none);
        let t = lex.trigger(m[0].trigger);
        assert_eq!((t.cameo.as_str(), m[0].last), ("901", 5));
        // A gap is allowed between unjoined atoms, not inside `_`.
        let words: Vec<&str> = "abandon new trade economic relations".split(' ').collect();
        let m = lex.matches_with_actors(&words, 0, &none);
        assert_eq!(lex.trigger(m[0].trigger).cameo, "345");
        assert_eq!(plover_type("345"), EventType::Assault);
        // "didn't": TreeBank's "DID N'T" is one token here; `[---]` is a null match.
        let words: Vec<&str> = "iran didn't abandon talks".split(' ').collect();
        let m = lex.matches_with_actors(&words, 2, &none);
        assert!(lex.trigger(m[0].trigger).dictionary.as_ref().unwrap().null);
        // A pair: the visitor visits, the host hosts.
        let words: Vec<&str> = "the pope arrived in iraq".split(' ').collect();
        let t = lex.trigger(lex.matches_with_actors(&words, 2, &none)[0].trigger);
        let meaning = t.dictionary.as_ref().unwrap();
        assert_eq!(t.cameo, "032");
        assert_eq!(meaning.reverse, Some(("033".to_string(), EventType::Agree)));
        // Slots take the actor phrases the coder found; a multi-word verb its words.
        let words: Vec<&str> = "police broke down protests in kenya".split(' ').collect();
        let actors = |k: usize| match k {
            0 => Some((0, 0)),
            5 => Some((5, 5)),
            _ => None,
        };
        let m = lex.matches_with_actors(&words, 1, &actors);
        assert_eq!(lex.trigger(m[0].trigger).cameo, "075");
        assert_eq!((m[0].target, m[0].source, m[0].last), (Some(0), Some(5), 5));
        // The multi-word verb is tried before the single word it contains.
        let bare: Vec<&str> = m
            .iter()
            .map(|x| lex.trigger(x.trigger).phrase.as_str())
            .filter(|p| !p.contains("line"))
            .collect();
        assert_eq!(bare, ["break down", "break"]);
        // WEIS codes beyond CAMEO's twenty roots take the nearest lower root.
        assert_eq!(plover_type("223"), EventType::Assault);
        assert_eq!(plover_type("174K"), EventType::Coerce);
        assert_eq!(plover_type("012"), EventType::Consult);
    }

    #[test]
    fn a_pattern_of_one_block_comes_before_the_bare_verb_of_another() {
        let (lex, _, _) = TriggerLexicon::from_petrarch_verbs(
            "--- SHOOT [---] ---\nSHOT\n- * AND_WOUND [223]\n\
             --- SHOOT DEAD [223] ---\nSHOT\n- * DEAD [224]\n",
        );
        let words: Vec<&str> = "a soldier was shot dead".split(' ').collect();
        let m = lex.matches_with_actors(&words, 3, &|_| None);
        assert_eq!(lex.trigger(m[0].trigger).cameo, "224");
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
