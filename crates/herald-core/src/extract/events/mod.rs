//! The event coder: finds event triggers in each sentence and fills the event record —
//! who (actor), to whom (recipient), how (mode), whether it happened (modality), when,
//! where and how many — from the other finders' results.
//!
//! It is a shallow, explainable coder, not a parser:
//! 1. Triggers ([`triggers`]) are verb and noun phrases from `data/events/triggers.tsv`.
//! 2. Participants ([`phrases`]) are dictionary terms joined into phrases.
//! 3. A verb's actor is the nearest participant phrase to its left in the same clause
//!    (so "A said B attacked C" gives B, not A), its recipient the first one to its right
//!    before the clause ends; a passive ("C was attacked by B") swaps them. Coordinated
//!    phrases ("Egypt, Jordan and the EU") stay one compound actor.
//! 4. One event per clause: a trigger inside the complement of an earlier verbal trigger
//!    ("threatened to *attack*", "condemned the *attack*") is not coded again — the
//!    outer event is what the sentence reports.
//! 5. Modality from auxiliaries and negation before the trigger, and from background
//!    cues of the sentence (old dates, cumulative totals).

pub mod contexts;
pub mod dictionaries;
pub mod learned;
pub mod phrases;
pub mod refine;
pub mod triggers;

use crate::extract::counts::{self, CountKind};
use crate::extract::dates::{self, DateMention};
use crate::extract::places::ArticlePlaces;
use crate::knowledge::actors::{ActorLexicon, ActorTerm, PREFIX_SECTOR_MARK};
use crate::model::{
    stable_id, ActorRecord, Article, CharIndex, CiteInfo, DatePrecision, Event, EventType,
    Modality, PlaceRecord, Sentence, Size, TextInfo,
};
use chrono::{Datelike, NaiveDate};
use contexts::ContextCues;
use dictionaries::{Dictionaries, WordSequences};
use phrases::{build_phrases, ActorPhrase};
use std::ops::Range;
use std::sync::OnceLock;
use triggers::{Trigger, TriggerLexicon, TriggerMatch, TriggerPos, VerbForm};

const MODES_TSV: &str = include_str!("../../../../../data/events/modes.tsv");

/// Words before a word that make it a noun ("the attack", "a protest").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "your", "'s",
    "’s", "new", "further", "fresh", "latest", "recent", "another", "any", "every", "each",
    "deadly", "failed", "alleged", "planned", "possible", "major", "first", "second", "last",
];

/// Prepositions after which a trigger word is read as a noun.
const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "with",
    "after",
    "during",
    "amid",
    "following",
    "from",
    "against",
    "over",
    "despite",
    "about",
    "before",
    "into",
];

/// Tokens that end a clause for the purpose of finding actors and nesting events.
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    ":",
    "—",
    "–",
    "which",
    "who",
    "whom",
    "whose",
    "because",
    "after",
    "before",
    "while",
    "when",
    "whereas",
    "although",
    "though",
    "but",
    "unless",
    "until",
    "as",
    "since",
    "following",
    "amid",
    "despite",
];

/// Tokens that end the search for a recipient to the right of a trigger.
const OBJECT_STOPS: &[&str] = &[
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "—",
    "–",
    "said",
    "says",
    "told",
    "according",
    "after",
    "because",
    "while",
    "when",
    "as",
    "since",
    "following",
    "amid",
    "despite",
    "but",
    "until",
    "before",
    "during",
    "where",
    "which",
    "who",
];

/// Tokens allowed between two phrases of one compound actor.
const CONNECTIVES: &[&str] = &[
    ",", "and", "the", "along", "with", "as", "well", "both", "its", "their", "nor",
];

const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "got", "get", "gets", "getting",
];

const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "neither", "nor", "cannot", "didn't", "don't", "doesn't", "won't",
    "wouldn't", "hasn't", "haven't", "wasn't", "weren't",
];
const FUTURE_AUX: &[&str] = &["will", "'ll", "shall", "would", "wo"];
const FUTURE_LEADS: &[&str] = &[
    "plans",
    "planned",
    "plan",
    "intends",
    "intend",
    "expected",
    "due",
    "set",
    "going",
    "scheduled",
    "poised",
    "aims",
];
const HYPOTHETICAL_AUX: &[&str] = &["could", "might", "may", "if", "unless", "whether", "should"];

/// One sentence as the phrase refinements and the actor memory read it.
pub struct SentenceView<'a> {
    /// The sentence's index in the article.
    pub seq: usize,
    /// Normalised lower-case tokens, and the tokens as written.
    pub words: &'a [&'a str],
    pub raw: &'a [&'a str],
    /// Byte offsets of each token in the article text.
    pub spans: &'a [(usize, usize)],
    /// The sentence's dictionary terms.
    pub terms: &'a [ActorTerm],
    pub lexicon: &'a ActorLexicon,
    pub places: &'a ArticlePlaces,
    /// The date the sentence's events are resolved against.
    pub date: NaiveDate,
}

/// Per-article inputs the coder needs besides the text.
pub struct ArticleInput<'a> {
    pub article: &'a Article,
    pub sentences: &'a [Sentence],
    pub places: &'a ArticlePlaces,
}

struct ModeCue {
    words: Vec<String>,
    event: EventType,
    mode: String,
}

struct CoderTables {
    modes: Vec<ModeCue>,
}

fn tables() -> &'static CoderTables {
    static TABLES: OnceLock<CoderTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut modes = Vec::new();
        for (i, line) in MODES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let event = cols.get(1).and_then(|e| EventType::parse(e));
            match (cols.len(), event) {
                (3, Some(event)) => modes.push(ModeCue {
                    words: cols[0].split_whitespace().map(str::to_string).collect(),
                    event,
                    mode: cols[2].trim().to_string(),
                }),
                _ => panic!(
                    "data/events/modes.tsv:{}: expected `cue<TAB>EVENT<TAB>mode`",
                    i + 1
                ),
            }
        }
        CoderTables { modes }
    })
}

/// Membership in the coder's short word lists (determiners, prepositions, clause breaks,
/// …). The first byte is compared before the rest: the lists are consulted at most words
/// of every sentence, and a whole-string comparison (a `memcmp` call) per entry was a
/// visible share of the coder's time.
pub(crate) trait WordList {
    fn has_word(&self, word: &str) -> bool;
}

impl WordList for [&str] {
    fn has_word(&self, word: &str) -> bool {
        let b = word.as_bytes();
        self.iter()
            .any(|w| w.len() == b.len() && w.as_bytes().first() == b.first() && w.as_bytes() == b)
    }
}

/// An event noun written straight before a noun that it describes is a modifier, not an
/// event: "invasion forces", "aid workers", "protest leaders" (the next word starts an
/// actor phrase of lower-case role nouns), "a ceasefire agreement" (the next word another
/// event noun, which is then the event).
fn modifies_next_noun(
    last: usize,
    raw: &[&str],
    phrases: &[ActorPhrase],
    triggers: &TriggerLexicon,
    words: &[&str],
) -> bool {
    let next = last + 1;
    let Some(word) = raw.get(next) else {
        return false;
    };
    if !word.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // A gerund before a role may be the verb with its object ("after meeting president
    // Alan Garcia", "after meeting officials"); a named person is never a modifier's head.
    let gerund = words[last].ends_with("ing");
    let role = !gerund
        && phrases.iter().any(|p| {
            p.first == next
                && !p.locative
                && raw[p.first..=p.last]
                    .iter()
                    .all(|w| !w.starts_with(|c: char| c.is_uppercase()))
        });
    role || triggers.noun_starts_at(words, next)
}

/// Whether the word sequence `needle` occurs in `words`.
fn contains_seq(words: &[&str], needle: &[String]) -> bool {
    !needle.is_empty()
        && words
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| *a == b))
}

/// Whether the sentence's words contain one of the word sequences.
fn sentence_has_any(text: &str, sentence: &Sentence, sequences: &WordSequences) -> bool {
    let lower = LoweredWords::new(sentence.tokens.iter().map(|t| &text[t.start..t.end]));
    sequences.found_in(&lower.words())
}

/// A candidate event inside one sentence, before it becomes a record.
#[derive(Clone)]
struct Draft {
    m: TriggerMatch,
    event: EventType,
    mode: Option<String>,
    cameo: String,
    weight: f32,
    actor: Vec<usize>,
    recipient: Vec<usize>,
    modality: Modality,
    /// From a user's dictionary: its code stands as written (no PLOVER rewrites), and
    /// each match is its own event.
    dictionary: bool,
    /// 0 for the event a trigger reports; 1, 2, … for the further events a dictionary
    /// pair or a reciprocal compound gives the same words (they need their own ids).
    variant: usize,
}

/// Codes all events of an article, in text order, with stable ids, with the built-in
/// dictionaries.
pub fn code_article(input: &ArticleInput) -> Vec<Event> {
    code_article_with(input, Dictionaries::builtin())
}

/// Codes all events of an article with the given dictionaries.
pub fn code_article_with(input: &ArticleInput, dictionaries: &Dictionaries) -> Vec<Event> {
    let article = input.article;
    let text = article.text.as_str();
    let published = article
        .published
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid"));
    let chars = CharIndex::new(text);
    let lexicon: &ActorLexicon = &dictionaries.actors;
    let triggers: &TriggerLexicon = &dictionaries.triggers;
    // The dateline or main place, with its byte offsets, for sentences that name none.
    // Dictionary terms of each sentence, found once: the article's country and every
    // sentence's participants come from them.
    let terms: Vec<Vec<ActorTerm>> =
        lexicon.find_each(text, input.sentences.iter().map(|s| s.start..s.end));
    let country = article_country(article, &terms, input.places, lexicon);
    let main_place = article_place(article, input.places, country.as_deref()).map(|m| {
        let mut p = m.place.clone();
        p.start = m.start;
        p.end = m.end;
        p
    });
    let mut events = Vec::new();
    // A story-scope discard ("World Cup", a sports league) means the whole story is not
    // about political events.
    if !dictionaries.discards.story.is_empty()
        && input
            .sentences
            .iter()
            .any(|s| sentence_has_any(text, s, &dictionaries.discards.story))
    {
        return events;
    }
    // The story's current reference date: the latest date the text itself gave.
    let mut story_date: Option<DateMention> = None;
    // Who the article has introduced so far ("Shehbaz Sharif, Pakistan's prime minister").
    let mut memory = learned::ArticleMemory::new();

    for (seq, sentence) in input.sentences.iter().enumerate() {
        let date_mentions = dates::find_dates(
            text,
            sentence.start..sentence.end,
            published,
            story_date.as_ref().map_or(published, |d| d.date),
        );
        if sentence.end <= article.body_start {
            continue; // the headline repeats the lede: coding it would count events twice
        }
        let sentence_events = code_sentence(
            text,
            sentence,
            seq,
            published,
            &date_mentions,
            story_date.as_ref(),
            input.places,
            main_place.as_ref(),
            country.as_deref(),
            &terms[seq],
            lexicon,
            triggers,
            &dictionaries.discards.sentence,
            article,
            &chars,
            &mut memory,
        );
        events.extend(sentence_events);
        if let Some(last) = date_mentions.last() {
            story_date = Some(last.clone());
        }
    }
    merge_restatements(events)
}

/// Counted once: a story tells the same attack, protest or arrest several times ("a
/// suicide bombing … Monday's blast killed five … four Pakistanis and one Iraqi were
/// killed"). Events of one of those types in one article, asserted, on the same day and
/// at the same place (or with no place of their own) are one happening: the first record
/// keeps its id and evidence and takes the others' participants, counts, mode, the most
/// precise date and the most specific place. Every merged field keeps its own offsets
/// into the article, so provenance holds.
fn merge_restatements(events: Vec<Event>) -> Vec<Event> {
    // A day the text gives, or the publication-week fallback of a sentence that gives
    // none (it tells of the story's event, whose day another sentence may give).
    let mergeable = |e: &Event| {
        matches!(
            e.event,
            EventType::Assault | EventType::Protest | EventType::Coerce
        ) && e.modality == Modality::Asserted
            && (e.date_precision == Some(DatePrecision::Day) || e.date_text.is_none())
    };
    let same_day =
        |a: &Event, b: &Event| match (a.date_text.is_some(), b.date_text.is_some(), a.date, b.date)
        {
            (true, true, x, y) => x == y,
            (_, _, Some(x), Some(y)) => (x - y).num_days().abs() <= 7,
            _ => false,
        };
    let same_mode =
        |a: &Event, b: &Event| a.mode.is_empty() || b.mode.is_empty() || a.mode == b.mode;
    let same_place = |a: &Event, b: &Event| match (&a.event_loc, &b.event_loc) {
        (Some(x), Some(y)) => x.geonameid == y.geonameid,
        _ => true,
    };
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let target = out.iter_mut().find(|o| {
            // Events of the same words (a dictionary's pair, a reciprocal compound) are
            // distinct events, not a restatement.
            let same_words = o.event_text.start == e.event_text.start;
            o.event == e.event
                && !same_words
                && mergeable(o)
                && mergeable(&e)
                && same_day(o, &e)
                && same_mode(o, &e)
                && same_place(o, &e)
        });
        let Some(first) = target else {
            out.push(e);
            continue;
        };
        for a in e.actor {
            let known = first
                .actor
                .iter()
                .chain(&first.recipient)
                .any(|x| x.start == a.start);
            // "Unidentified" adds nothing once a telling names who did it.
            let unidentified = a.sector.iter().any(|s| s == "UAF") && !first.actor.is_empty();
            if !known && !unidentified {
                first.actor.push(a);
            }
        }
        for r in e.recipient {
            let known = first
                .recipient
                .iter()
                .chain(&first.actor)
                .any(|x| x.start == r.start);
            if !known {
                first.recipient.push(r);
            }
        }
        let size = &mut first.size;
        size.dead = size.dead.max(e.size.dead);
        size.injured = size.injured.max(e.size.injured);
        size.arrested = size.arrested.max(e.size.arrested);
        if first.mode.is_empty() {
            first.mode = e.mode;
        }
        for c in e.context {
            if !first.context.contains(&c) {
                first.context.push(c);
            }
        }
        first
            .context
            .sort_by_key(|c| contexts::CONTEXTS.iter().position(|x| x == c));
        // The day the text gives beats the publication-week fallback.
        if first.date_text.is_none() && e.date_text.is_some() {
            first.date = e.date;
            first.date_precision = e.date_precision;
            first.date_text = e.date_text;
        }
        let more_specific = match (&first.event_loc, &e.event_loc) {
            (None, Some(_)) => true,
            (Some(x), Some(y)) => y.resolution > x.resolution,
            _ => false,
        };
        if more_specific {
            first.event_loc = e.event_loc;
        }
        first.confidence = first.confidence.max(e.confidence);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn code_sentence(
    text: &str,
    sentence: &Sentence,
    seq: usize,
    published: NaiveDate,
    date_mentions: &[DateMention],
    story_date: Option<&DateMention>,
    places: &ArticlePlaces,
    main_place: Option<&PlaceRecord>,
    article_country: Option<&str>,
    terms: &[ActorTerm],
    lexicon: &ActorLexicon,
    triggers: &TriggerLexicon,
    discards: &WordSequences,
    article: &Article,
    chars: &CharIndex,
    memory: &mut learned::ArticleMemory,
) -> Vec<Event> {
    let tokens = &sentence.tokens;
    if tokens.is_empty() {
        return Vec::new();
    }
    let raw: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    let lower = LoweredWords::new(raw.iter().copied());
    let words = lower.words();
    let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
    let tables = tables();
    if discards.found_in(&words) {
        return Vec::new();
    }

    let event_date = date_mentions.first().map(|d| d.date).unwrap_or(published);
    let mut phrases = build_phrases(lexicon, terms, &words, &raw, &spans, event_date);
    let view = SentenceView {
        seq,
        words: &words,
        raw: &raw,
        spans: &spans,
        terms,
        lexicon,
        places,
        date: event_date,
    };
    refine::refine_phrases(&mut phrases, &view);
    // Before role nouns take the article's country: "the premier" may be a learned person.
    memory.process_sentence(&view, &mut phrases);
    fill_codes_from_context(
        &mut phrases,
        &words,
        &spans,
        places,
        text,
        sentence,
        article_country,
    );

    // 1. Triggers, greedy left to right, longest first; never inside an actor phrase.
    let in_phrase = |i: usize| phrases.iter().any(|p| p.first <= i && i <= p.last);
    let mut found: Vec<TriggerMatch> = Vec::new();
    let headline_case = phrases::is_headline_case(&raw);
    let mut i = 0;
    while i < words.len() {
        if in_phrase(i) {
            i += 1;
            continue;
        }
        // A trigger word capitalised inside a sentence is a name or a month ("in March",
        // "Strike Force"), unless the whole sentence is capitalised like a headline.
        if i > 0
            && !headline_case
            && raw[i].chars().next().is_some_and(char::is_uppercase)
            && !matches!(words[i - 1], "\"" | "“" | ":" | "(" | "'" | "‘")
        {
            i += 1;
            continue;
        }
        let noun_context = i > 0 && DETERMINERS.has_word(words[i - 1]);
        // After a preposition a verb form is a noun: "in clashes with", "displaced by
        // fighting" (the event nouns of the lexicon then take over).
        let after_preposition =
            i > 0 && (PREPOSITIONS.has_word(words[i - 1]) || words[i - 1] == "by");
        // After a degree adverb a verb form is an adjective: "very close to the border".
        let after_degree =
            i > 0 && matches!(words[i - 1], "very" | "too" | "so" | "quite" | "extremely");
        let actor_at = |k: usize| {
            phrases
                .iter()
                .find(|p| p.first <= k && k <= p.last)
                .map(|p| (p.first, p.last))
        };
        let pick = triggers
            .matches_with_actors(&words, i, &actor_at)
            .into_iter()
            .find(|m| {
                let t = triggers.trigger(m.trigger);
                // The head word must not be part of an actor; later words may ("deployed
                // troops", "expelled diplomats"), except for nouns, which are one unit.
                let inside_actor = match t.pos {
                    TriggerPos::Verb => in_phrase(m.first),
                    TriggerPos::Noun => (m.first..=m.last).any(in_phrase),
                };
                // A dictionary's verbs are verbs only (PETRARCH codes what its parser
                // tags a verb): "during a brief private visit to" is a noun.
                let modified_noun =
                    t.dictionary.is_some() && modified_after_article(i, &words, &in_phrase);
                let fits = match t.pos {
                    TriggerPos::Verb => {
                        !noun_context && !after_preposition && !after_degree && !modified_noun
                    }
                    TriggerPos::Noun => {
                        !modifies_next_noun(m.last, &raw, &phrases, triggers, &words)
                    }
                };
                fits && !inside_actor
            });
        match pick {
            Some(m) => {
                i = m.last + 1;
                // A dictionary's `[---]`: the words are known and report no event.
                let null = triggers
                    .trigger(m.trigger)
                    .dictionary
                    .as_ref()
                    .is_some_and(|d| d.null);
                if !null {
                    found.push(m);
                }
            }
            None => i += 1,
        }
    }
    // Words a dictionary pattern matched before its verb are part of that verb's event:
    // under `INDICATED SHOULD *`, "indicated it should have acted" is one act, not also
    // an event of "should".
    let pattern_words: Vec<(usize, usize)> = found
        .iter()
        .filter(|m| m.words_from < m.first)
        .map(|m| (m.words_from, m.first))
        .collect();
    found.retain(|m| {
        !pattern_words
            .iter()
            .any(|&(a, b)| a <= m.first && m.last < b)
    });
    if found.is_empty() && !words.contains(&"must") {
        return Vec::new();
    }

    // 2. Clauses, and which triggers head them.
    let clause_of: Vec<usize> = {
        let mut c = 0;
        words
            .iter()
            .map(|w| {
                if CLAUSE_BREAKS.has_word(w) {
                    c += 1;
                }
                c
            })
            .collect()
    };
    // "X said (that) Y must Z" is a demand by X on Y, whatever Z is.
    let demand = demand_frame(&words, &phrases, &clause_of);
    if let Some(df) = &demand {
        found.retain(|m| !(m.first > df.must && clause_of[m.first] == clause_of[df.must]));
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut draft_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // The token of a verb by which another party warns of a predicted act (see below).
    let mut warning_verb: Option<usize> = None;
    for (k, m) in found.iter().enumerate() {
        let t = triggers.trigger(m.trigger);
        let mut reacted_to = false;
        // A dictionary codes every verb it knows (PETRARCH's rule); its patterns say
        // themselves what a complement means ("vowed to wage war").
        let governor = found[..k].iter().enumerate().rev().find(|(_, prev)| {
            if t.dictionary.is_some() {
                return false;
            }
            let pt = triggers.trigger(prev.trigger);
            if clause_of[prev.last] != clause_of[m.first] {
                return false;
            }
            // A condemnation or protest presupposes what it reacts to: "condemned the
            // attack on worshippers that killed 25" reports the attack too (PLOVER codes
            // the discrete events that motivate a protest). A bare "the attack" is then
            // dropped below as a back-reference. Demands, threats and promises do not
            // assert their content, and a gerund after "of"/"for" is an allegation.
            let reaction = matches!(pt.event, EventType::Accuse | EventType::Protest);
            let relative = (prev.last + 1..m.first).any(|i| matches!(words[i], "that" | "which"));
            if reaction && (t.pos == TriggerPos::Noun || relative) && m.form != VerbForm::Gerund {
                reacted_to = true;
                return false;
            }
            let verbal_head = pt.pos == TriggerPos::Verb && matches!(pt.event.quad_code(), 1 | 3);
            let coordinated = m.first > 0 && words[m.first - 1] == "and";
            match t.pos {
                // "condemned the attack", "imposed a curfew": the noun is the verb's object.
                TriggerPos::Noun => pt.pos == TriggerPos::Verb,
                // "threatened to attack", "urged X to release": a complement.
                // "arrested for occupying roads", "accused of attacking": the gerund is
                // the reason given, not a second event.
                TriggerPos::Verb => {
                    verbal_head
                        || (!coordinated
                            && words[m.first - 1] == "to"
                            && pt.pos == TriggerPos::Verb)
                        || (m.form == VerbForm::Gerund && {
                            let before = if words[m.first - 1].ends_with("ly") && m.first >= 2 {
                                m.first - 2
                            } else {
                                m.first - 1
                            };
                            matches!(words[before], "for" | "of" | "over")
                        })
                }
            }
        });
        if let Some((g, _)) = governor {
            // An intent to do harm is a threat: "vowed to attack", "is prepared to impose
            // martial law" (PLOVER: AGREE is intent to cooperate, THREATEN intent to harm).
            if let Some(head) = draft_of[g].map(|i| &mut drafts[i]) {
                let complement = t.pos == TriggerPos::Verb
                    && !(found[g].last + 1..m.first)
                        .any(|i| matches!(words[i], "that" | "which" | "who"));
                if head.event == EventType::Agree && is_hostile(t.event) && complement {
                    head.event = EventType::Threaten;
                    head.cameo = "130".into();
                    head.mode = None;
                }
                // "threatened to cut ties": the threatened act gives the threat's mode, also
                // when it is the object of the infinitive ("threatened to institute a
                // curfew").
                let infinitive_object = t.pos == TriggerPos::Noun
                    && (found[g].last + 1..m.first).any(|i| words[i] == "to")
                    && !(found[g].last + 1..m.first)
                        .any(|i| matches!(words[i], "that" | "which" | "who"));
                if head.event == EventType::Threaten
                    && head.mode.is_none()
                    && (complement || infinitive_object)
                {
                    head.mode = threat_mode(t.event, t.mode.as_deref(), &t.cameo);
                }
            }
            draft_of.push(None);
            continue;
        }
        // "were met by gunmen firing rifles", "was met with protests": a passive "met" is
        // how something was received, not a meeting.
        if t.event == EventType::Consult && t.phrase.starts_with("meet") && is_passive(m, &words) {
            draft_of.push(None);
            continue;
        }
        if warning_verb == Some(m.first) && t.event == EventType::Threaten {
            draft_of.push(None);
            continue;
        }
        // The subject of "condemned the attack" condemned it; it did not attack.
        let (mut actor, mut recipient) =
            participants(m, t, &phrases, &words, &clause_of, !reacted_to);
        // "condemned the attack … and promised aid to the villages": a verb coordinated
        // with an earlier one, with no subject of its own, shares that verb's subject.
        if t.pos == TriggerPos::Verb && m.first > 0 && words[m.first - 1] == "and" {
            let earlier = (0..k).rev().find_map(|g| {
                let pt = triggers.trigger(found[g].trigger);
                (pt.pos == TriggerPos::Verb && clause_of[found[g].last] == clause_of[m.first])
                    .then_some(draft_of[g])
                    .flatten()
            });
            if let Some(d) = earlier {
                let shared = drafts[d].actor.clone();
                if !shared.is_empty() {
                    recipient.retain(|r| !shared.contains(r));
                    actor = shared;
                }
            }
        }
        // A dictionary pattern's slots say where its source and target stand.
        // A slot before the verb ends a subject list ("Gondor and Osgiliath have …"), a
        // slot after it starts an object list.
        let slot = |at: Option<u32>| {
            at.and_then(|j| phrases.iter().position(|p| p.first == j as usize))
                .map(|i| {
                    if phrases[i].first < m.first {
                        compound_left(i, &phrases, &words)
                    } else {
                        compound_right(i, &phrases, &words)
                    }
                })
        };
        if let Some(target) = slot(m.target) {
            recipient = target;
            actor.retain(|a| !recipient.contains(a));
        }
        if let Some(source) = slot(m.source) {
            actor = source;
            recipient.retain(|r| !actor.contains(r));
        }
        let modality = modality_of(
            m,
            &words,
            &clause_of,
            date_mentions,
            published,
            text,
            sentence,
        );
        // "will not accept", "won't allow": a declared intent not to cooperate is a
        // refusal — PLOVER's REJECT — not a negated cooperation.
        let refusal = modality == Modality::Negated
            && matches!(
                t.event,
                EventType::Agree
                    | EventType::Concede
                    | EventType::Aid
                    | EventType::Support
                    | EventType::Cooperate
            )
            && words[m.first.saturating_sub(4)..m.first]
                .iter()
                .any(|w| matches!(*w, "will" | "would" | "wo" | "won't" | "shall"));
        let (event, modality, cameo, mode) = if refusal && t.dictionary.is_none() {
            (
                EventType::Reject,
                Modality::Asserted,
                "120".to_string(),
                None,
            )
        } else {
            (t.event, modality, t.cameo.clone(), t.mode.clone())
        };
        let mut draft = Draft {
            m: *m,
            event,
            mode,
            cameo,
            weight: t.weight,
            actor,
            recipient,
            modality,
            dictionary: t.dictionary.is_some(),
            variant: 0,
        };
        draft_of.push(Some(drafts.len()));
        match &t.dictionary {
            None => {
                // "Russia could attack …, Kyiv warned": another party's warning of what
                // the actor may do is not the actor's threat or promise; the act keeps
                // its type and modality, and the warning is not a threat by the warner.
                let warned_by = warner(&phrases, &words).filter(|&(by, _)| {
                    matches!(modality, Modality::Future | Modality::Hypothetical)
                        && draft
                            .actor
                            .first()
                            .and_then(|&a| phrases[a].code.as_deref())
                            .is_some_and(|actor| actor != by)
                });
                match warned_by {
                    Some((_, verb)) => warning_verb = Some(verb),
                    None if is_ultimatum(&draft, &words) => make_ultimatum(&mut draft),
                    None => apply_future_rule(&mut draft),
                }
                drafts.push(draft);
            }
            Some(meaning) => dictionary_drafts(draft, meaning, &mut drafts),
        }
    }
    if let Some(df) = demand {
        let at = drafts
            .iter()
            .position(|d| d.m.first > df.must)
            .unwrap_or(drafts.len());
        drafts.insert(
            at,
            Draft {
                m: TriggerMatch {
                    trigger: u32::MAX,
                    first: df.must,
                    last: df.must,
                    form: VerbForm::Other,
                    source: None,
                    target: None,
                    words_from: df.must,
                },
                event: EventType::Request,
                mode: None,
                cameo: "100".into(),
                weight: 0.7,
                actor: df.actor,
                recipient: df.recipient,
                modality: Modality::Asserted,
                dictionary: false,
                variant: 0,
            },
        );
    }

    // 3. One event per type per sentence: "An airstrike killed six" is one ASSAULT.
    let mut merged: Vec<Draft> = Vec::new();
    for d in drafts {
        if let Some(prev) = merged
            .iter_mut()
            .find(|p| p.event == d.event && !p.dictionary && !d.dictionary)
        {
            // Keep the first trigger as evidence, fill what it lacks from the others.
            if prev.actor.is_empty() && !d.actor.iter().any(|a| prev.recipient.contains(a)) {
                prev.actor = d.actor;
            }
            if prev.recipient.is_empty() && !d.recipient.iter().any(|r| prev.actor.contains(r)) {
                prev.recipient = d.recipient;
            }
            if prev.mode.is_none() {
                prev.mode = d.mode;
            }
            prev.weight = prev.weight.max(d.weight);
        } else {
            merged.push(d);
        }
    }

    // 4. Counts, places, dates, records.
    let count_mentions = counts::find_counts(text, sentence.start..sentence.end);
    let sentence_span = chars.span(text, sentence.start, sentence.end);
    let mut out = Vec::new();
    for mut d in merged {
        let trigger_start = spans[d.m.first].0;
        let trigger_end = spans[d.m.last].1;
        let mut size = Size::default();
        if d.modality == Modality::Asserted || d.modality == Modality::Historical {
            for c in &count_mentions {
                if c.background {
                    // A running total ("600 killed since 2019") is not this event's size.
                    continue;
                }
                let fits = match c.kind {
                    CountKind::Dead | CountKind::Injured => d.event == EventType::Assault,
                    CountKind::Arrested => d.event == EventType::Coerce,
                };
                if !fits {
                    continue;
                }
                let slot = match c.kind {
                    CountKind::Dead => &mut size.dead,
                    CountKind::Injured => &mut size.injured,
                    CountKind::Arrested => &mut size.arrested,
                };
                if slot.is_none() {
                    *slot = c.value;
                }
            }
        }
        let has_count = size.dead.is_some() || size.injured.is_some() || size.arrested.is_some();
        let own_place = event_place(&d, &phrases, &words, &spans, places, sentence);
        let placed_here = own_place.is_some();
        let place = own_place.or_else(|| main_place.cloned()).map(|mut p| {
            // Mentions carry byte offsets; the record carries code points.
            p.start = chars.char_offset(p.start);
            p.end = chars.char_offset(p.end);
            p
        });
        // Evidence needed: a weak trigger ("support", "offer", "welcome") is an event only
        // with a party the text names as a country, body or known person, or between two
        // parties one of which is political (has a role); any event needs one participant
        // that is more than an unknown name.
        let political = |list: &[usize]| {
            list.iter()
                .any(|&i| phrases[i].code.is_some() || !phrases[i].sectors.is_empty())
        };
        let both = !d.actor.is_empty() && !d.recipient.is_empty();
        let named = |list: &[usize]| list.iter().any(|&i| phrases[i].code_from_text);
        let strong_party = named(&d.actor) || named(&d.recipient);
        // Civilians, businesses, schools and the like do "support" and "offer" things
        // every day; a state, armed or political role makes it an event.
        let official = |list: &[usize]| {
            list.iter().any(|&i| {
                phrases[i].sectors.iter().any(|s| {
                    !matches!(
                        s.as_str(),
                        "CVL" | "BUS" | "EDU" | "MED" | "JRN" | "REF" | "LAB" | "CRM"
                    )
                })
            })
        };
        // A count of the dead, wounded or arrested is evidence enough ("200 protesters
        // were injured").
        if d.weight < 0.6
            && !strong_party
            && !has_count
            && !(both && (official(&d.actor) || official(&d.recipient)))
        {
            continue;
        }
        if (!d.actor.is_empty() || !d.recipient.is_empty())
            && !political(&d.actor)
            && !political(&d.recipient)
            && d.weight < 0.8
        {
            continue;
        }
        if d.actor.is_empty() && d.recipient.is_empty() {
            // "The attack occurred on a road …": a definite event noun without
            // participants refers back to an event already reported; coding it again
            // would count one happening twice.
            let noun =
                d.m.trigger != u32::MAX && triggers.trigger(d.m.trigger).pos == TriggerPos::Noun;
            if noun
                && d.m.first > 0
                && matches!(
                    words[d.m.first - 1],
                    "the" | "this" | "that" | "these" | "those"
                )
            {
                continue;
            }
            if d.modality == Modality::Negated {
                continue; // "no major clashes occurred": nothing to report
            }
            // No participant: report only violence that is placed or counted.
            let material = matches!(d.event, EventType::Assault | EventType::Protest);
            if !(material && (has_count || placed_here) && d.weight >= 0.7) {
                continue;
            }
        }
        let mode = refine_mode(&d, &words, tables);
        let (date, date_precision, date_text) = event_date_of(
            &d,
            date_mentions,
            story_date,
            published,
            &spans,
            text,
            chars,
        );
        let mut actor = records(&d.actor, &phrases, text, chars);
        // Troops arriving somewhere are deployed, not visiting: "the first peacekeeping
        // troops arrived in Sierra Leone" is MOBILIZE (troops); the visit reading of
        // "arrived in" is for officials and delegations.
        let mode = if d.event == EventType::Consult
            && mode.as_deref() == Some("visit")
            && words[d.m.first].starts_with("arriv")
            && !actor.is_empty()
            && actor.iter().all(|a| a.sector.iter().any(|s| s == "MIL"))
        {
            d.event = EventType::Mobilize;
            d.cameo = "154".into();
            Some("troops".to_string())
        } else {
            mode
        };
        // Only a place the sentence gives as where it happened ("near the town of
        // Samarra"): a main place from elsewhere may lie in another country.
        let placed_in_sentence = placed_here
            || main_place.is_some_and(|m| {
                phrases
                    .iter()
                    .any(|p| p.locative && p.start <= m.start && m.start < p.end)
            });
        if d.event == EventType::Assault && actor.is_empty() && placed_in_sentence {
            let country = place.as_ref().and_then(|p| p.country_code.clone());
            let device = refine::unattributed_device(&words, d.m.first, d.m.last, &clause_of);
            if let (Some(code), Some(t)) = (country, device) {
                let span = chars.span(text, spans[t].0, spans[t].1);
                actor.push(ActorRecord {
                    entity_text: span.text,
                    start: span.start,
                    end: span.end,
                    code: Some(code),
                    sector: vec!["UAF".into()],
                    name: None,
                });
            }
        }
        let protest_target = match (d.recipient.is_empty(), d.event) {
            (false, _) => Vec::new(),
            (true, EventType::Protest) => {
                refine::protest_target(d.m.last, &d.actor, &phrases, &words)
            }
            // A demand frame's recipient is the subject of "must", found or not.
            (true, _) if d.m.trigger == u32::MAX => Vec::new(),
            (true, _) => {
                refine::prepositional_recipient(d.m.last, &d.actor, &phrases, &words, &clause_of)
            }
        };
        let mut recipient = records(&d.recipient, &phrases, text, chars);
        recipient.extend(records(&protest_target, &phrases, text, chars));
        if recipient.is_empty() {
            let own = place.as_ref().filter(|_| placed_here);
            recipient.extend(refine::restriction_recipient(
                d.event,
                &d.cameo,
                mode.as_deref(),
                own,
            ));
        }
        // A protest with no target named is against the state where it happens, when the
        // protesters are of that country ("Thousands of Kenyans demonstrated in Nairobi"):
        // the recipient is that country's government, with the place as its evidence.
        if d.event == EventType::Protest && recipient.is_empty() && placed_here {
            recipient.extend(
                place
                    .as_ref()
                    .and_then(|p| refine::protest_state(p, &actor)),
            );
        }
        // A visit's host is the country visited ("arrived in Amman" hosts JOR), when the
        // text names no host and the place lies in another country than the visitor's.
        if d.event == EventType::Consult && recipient.is_empty() && placed_here {
            if let Some(p) = place.as_ref() {
                let visitor = actor.iter().find_map(|a| a.code.as_deref());
                if p.country_code.is_some()
                    && visitor.is_some()
                    && p.country_code.as_deref() != visitor
                {
                    recipient.push(ActorRecord {
                        entity_text: p.extracted_place.clone(),
                        start: p.start,
                        end: p.end,
                        code: p.country_code.clone(),
                        sector: Vec::new(),
                        name: None,
                    });
                }
            }
        }
        let confidence = confidence(&d, &actor, &recipient);
        let id = if d.variant == 0 {
            stable_id(
                "e",
                &[&article.id, &trigger_start.to_string(), d.event.as_str()],
            )
        } else {
            stable_id(
                "e",
                &[
                    &article.id,
                    &trigger_start.to_string(),
                    d.event.as_str(),
                    &d.variant.to_string(),
                ],
            )
        };
        out.push(Event {
            id,
            article_id: article.id.clone(),
            story_id: article.story_id.clone(),
            event: d.event,
            mode: mode.into_iter().collect(),
            context: ContextCues::builtin().contexts(&words, d.event, &actor, &recipient),
            cameo: Some(d.cameo.clone()),
            quad_code: d.event.quad_code(),
            modality: d.modality,
            date,
            date_precision,
            date_text,
            actor,
            recipient,
            event_loc: place,
            size,
            event_text: chars.span(text, trigger_start, trigger_end),
            text_info: TextInfo {
                sequence: seq,
                start: sentence_span.start,
                end: sentence_span.end,
                text: sentence_span.text.clone(),
            },
            cite_info: CiteInfo {
                url: article.url.clone(),
                title: article.title.clone(),
                publication: article.source.clone(),
                published: article.published,
            },
            sources: 1,
            confidence,
        });
    }
    out
}

/// The events a dictionary match reports (PETRARCH's conventions): a `[a:b]` pair is the
/// source doing `a` to the target and the target doing `b` back (`[:b]` only the
/// latter); a compound source with no target named, under a reciprocal pattern (`%`) or
/// a pair, acts among its own members ("Gondor and Osgiliath have delayed their
/// meeting", "Egypt and Jordan renewed ties"); `[---]` never gets here.
fn dictionary_drafts(draft: Draft, meaning: &triggers::DictionaryMeaning, out: &mut Vec<Draft>) {
    let mut variant = 0;
    let mut push = |mut d: Draft, out: &mut Vec<Draft>| {
        d.variant = variant;
        variant += 1;
        out.push(d);
    };
    let reciprocal = (meaning.reciprocal || meaning.reverse.is_some())
        && draft.recipient.is_empty()
        && draft.actor.len() >= 2;
    if reciprocal {
        for &a in &draft.actor {
            let others: Vec<usize> = draft.actor.iter().copied().filter(|&o| o != a).collect();
            push(
                Draft {
                    actor: vec![a],
                    recipient: others,
                    ..draft.clone()
                },
                out,
            );
        }
        return;
    }
    if let Some((code, event)) = &meaning.reverse {
        let reverse = Draft {
            actor: draft.recipient.clone(),
            recipient: draft.actor.clone(),
            cameo: code.clone(),
            event: *event,
            mode: None,
            ..draft.clone()
        };
        if meaning.forward {
            push(draft, out);
        }
        push(reverse, out);
    } else {
        push(draft, out);
    }
}

/// Verbs that introduce what someone said or declared.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "declared",
    "declares",
    "reiterated",
    "reiterates",
    "insisted",
    "insists",
    "stressed",
    "concluded",
    "told",
    "announced",
    "announces",
    "warned",
    "added",
    "argued",
    "maintained",
    "repeated",
    "reminder",
    "statement",
    "demanded",
];

/// Verbs that talk about an event rather than do it.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "described",
    "describes",
    "called",
    "calls",
    "confirmed",
    "confirms",
    "reported",
    "reports",
    "denied",
    "denies",
    "blamed",
    "blames",
    "claimed",
    "claims",
    "condemned",
    "criticized",
    "criticised",
    "praised",
    "welcomed",
    "mourned",
    "recalled",
    "remembered",
    "investigating",
    "investigated",
    "witnessed",
    "survived",
    "feared",
    "fears",
    "warned",
    "told",
    "discussed",
];

/// A demand reported as "X said (that) Y must Z".
struct DemandFrame {
    must: usize,
    actor: Vec<usize>,
    recipient: Vec<usize>,
}

fn demand_frame(
    words: &[&str],
    phrases: &[ActorPhrase],
    clause_of: &[usize],
) -> Option<DemandFrame> {
    let must = words.iter().position(|w| *w == "must")?;
    let speech = words[..must]
        .iter()
        .rposition(|w| SPEECH_VERBS.has_word(w))?;
    // "the Sudanese government and the rebels in Darfur must …": a place after the
    // subject of "must" is part of its phrase.
    let subject_end = match phrases.iter().rposition(|p| p.last + 1 == must) {
        Some(i) if phrases[i].locative && phrases[i].first >= 2 => phrases[i].first - 1,
        _ => must,
    };
    let mut recipient: Vec<usize> = phrases
        .iter()
        .position(|p| p.last + 1 == subject_end && !p.locative)
        .map(|i| compound_left(i, phrases, words))
        .unwrap_or_default();
    // "told Iran on Monday that it must stop …": a pronoun subject of "must" is the
    // party the speaker addressed, named between the verb of speaking and "that".
    if recipient.is_empty() && must >= 2 && matches!(words[must - 1], "it" | "they") {
        let that = must - 2;
        if words[that] == "that" {
            recipient = phrases
                .iter()
                .rposition(|p| p.first > speech && p.last < that && !p.locative)
                .map(|i| compound_left(i, phrases, words))
                .unwrap_or_default();
        }
    }
    let actor = subject_of(speech, phrases, words, clause_of);
    if actor.is_empty() && recipient.is_empty() {
        return None;
    }
    Some(DemandFrame {
        must,
        actor,
        recipient,
    })
}

/// Material conflict and protest: what an intent, a future or a condition turns into a threat.
fn is_hostile(event: EventType) -> bool {
    matches!(
        event,
        EventType::Assault
            | EventType::Coerce
            | EventType::Sanction
            | EventType::Mobilize
            | EventType::Protest
    )
}

/// Lowercases a token and folds typographic apostrophes, so "Don’t" and "don't" match.
/// The coder's view of a sentence's words: lower-case, curly apostrophes straight, all in
/// one buffer (a `String` per token was one of the coder's allocation hot spots).
struct LoweredWords {
    buffer: String,
    bounds: Vec<Range<usize>>,
}

impl LoweredWords {
    fn new<'a>(raw: impl IntoIterator<Item = &'a str>) -> LoweredWords {
        let mut out = LoweredWords {
            buffer: String::new(),
            bounds: Vec::new(),
        };
        for w in raw {
            let start = out.buffer.len();
            if w.is_ascii() {
                out.buffer
                    .extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                // `str::to_lowercase`, not per char: it knows word-final sigma.
                out.buffer.push_str(&w.to_lowercase().replace('’', "'"));
            }
            out.bounds.push(start..out.buffer.len());
        }
        out
    }

    fn words(&self) -> Vec<&str> {
        self.bounds
            .iter()
            .map(|r| &self.buffer[r.clone()])
            .collect()
    }
}

/// Role nouns with no country of their own ("police", "the army") take it from a place
/// right after them ("police in Nairobi"), else from the sentence's places when they agree
/// on one country, else from the country the article is about.
fn fill_codes_from_context(
    phrases: &mut [ActorPhrase],
    words: &[&str],
    spans: &[(usize, usize)],
    places: &ArticlePlaces,
    text: &str,
    sentence: &Sentence,
    article_country: Option<&str>,
) {
    for p in phrases.iter_mut() {
        if p.code.is_some() || p.sectors.is_empty() || p.locative {
            continue;
        }
        let after = p.last + 1;
        if matches!(words.get(after), Some(&"in") | Some(&"of") | Some(&"from")) {
            if let Some(&(s, _)) = spans.get(after + 1) {
                let near = places
                    .mentions
                    .iter()
                    .find(|m| m.start >= s && m.start <= s + 5)
                    .and_then(|m| m.place.country_code.clone());
                if near.is_some() {
                    p.code = near;
                    continue;
                }
            }
        }
        // The places of this sentence, when they agree on one country ("… in Nairobi",
        // "in the capital", "in eastern Beirut").
        let word_before = |pos: usize| {
            let head = text[sentence.start..pos].trim_end();
            let from = head.rfind(' ').map_or(0, |i| i + 1);
            (head[from..].to_ascii_lowercase(), sentence.start + from)
        };
        let mut sentence_countries = places
            .in_range(sentence.start, sentence.end)
            .map(|(_, m)| m)
            .filter(|m| {
                let (mut w, mut at) = word_before(m.start);
                for _ in 0..2 {
                    if matches!(
                        w.as_str(),
                        "the"
                            | "northern"
                            | "southern"
                            | "eastern"
                            | "western"
                            | "central"
                            | "north"
                            | "south"
                            | "east"
                            | "west"
                    ) {
                        (w, at) = word_before(at);
                    }
                }
                matches!(
                    w.as_str(),
                    "in" | "at" | "near" | "outside" | "inside" | "across"
                )
            })
            .filter_map(|m| m.place.country_code.as_deref());
        if let Some(first) = sentence_countries.next() {
            if sentence_countries.all(|c| c == first) {
                p.code = Some(first.to_string());
                continue;
            }
        }
        p.code = article_country.map(str::to_string);
    }
}

/// Where an article's events happened when a sentence does not say: the dateline place;
/// else the places module's main place if it lies in the country the article is about;
/// else the most specific place of that country (first on ties). A main place from
/// another country ("US beef" in a story about Seoul) is not used: better no place than
/// a wrong one.
fn article_place<'a>(
    article: &Article,
    places: &'a ArticlePlaces,
    country: Option<&str>,
) -> Option<&'a crate::extract::places::PlaceMention> {
    // The places stage already found the dateline: no second scan of the text.
    if let Some(i) = places.dateline {
        return Some(&places.mentions[i]);
    }
    let body = article.body_start;
    let in_country = |m: &&crate::extract::places::PlaceMention| {
        m.start >= body && m.place.country_code.as_deref() == country
    };
    if let Some(m) = places.main_place().filter(in_country) {
        return Some(m);
    }
    country?;
    places.mentions.iter().filter(in_country).fold(
        None,
        |best: Option<&crate::extract::places::PlaceMention>, m| match best {
            Some(b) if b.place.resolution >= m.place.resolution => Some(b),
            _ => Some(m),
        },
    )
}

/// The country an article is about: the most frequent country among its body's place
/// mentions and country-coded actor terms (first mentioned on ties). Role nouns without a
/// country of their own ("police said") take it.
fn article_country(
    article: &Article,
    terms: &[Vec<ActorTerm>],
    places: &ArticlePlaces,
    lexicon: &ActorLexicon,
) -> Option<String> {
    use crate::knowledge::actors::{ActorForm, ActorKind};
    let text = article.text.as_str();
    let body = article.body_start.min(text.len());
    let mut counts: Vec<(String, usize, usize)> = Vec::new(); // code, count, first position
    let mut add = |code: &str, pos: usize| match counts.iter_mut().find(|(c, _, _)| c == code) {
        Some(entry) => entry.1 += 1,
        None => counts.push((code.to_string(), 1, pos)),
    };
    for m in places.mentions.iter().filter(|m| m.start >= body) {
        if let Some(c) = m.place.country_code.as_deref() {
            add(c, m.start);
        }
    }
    {
        for t in terms.iter().flatten().filter(|t| t.start >= body) {
            let e = lexicon.entry(t.entry);
            // Names and capitals are counted as places above; adjectives and demonyms
            // ("South Korean police", "Kenyans") only here.
            if e.kind == ActorKind::Country
                && matches!(e.form, ActorForm::Adjective | ActorForm::Demonym)
            {
                if let Some(c) = e.code.as_deref() {
                    add(c, t.start);
                }
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().next().map(|(c, _, _)| c)
}

/// Actor and recipient phrase indices of a trigger.
fn participants(
    m: &TriggerMatch,
    t: &Trigger,
    phrases: &[ActorPhrase],
    words: &[&str],
    clause_of: &[usize],
    subject_may_act: bool,
) -> (Vec<usize>, Vec<usize>) {
    let usable = |p: &ActorPhrase| !p.locative;
    // With a user's dictionary (PETRARCH's reading) the rules below widen in places.
    let dictionary = t.dictionary.is_some();
    match t.pos {
        TriggerPos::Verb => {
            let mut subject = subject_of(m.first, phrases, words, clause_of);
            if subject.is_empty() {
                subject.extend(relative_antecedent(m.first, phrases, words, clause_of));
            }
            if subject.is_empty() {
                subject = coordinated_subject(m.first, phrases, words, clause_of);
            }
            let passive = is_passive(m, words);
            if passive {
                // "C was attacked by B": B is the actor, C the recipient.
                let agent = by_phrase(m.last, phrases, words);
                (agent, subject)
            } else {
                // Scan from the verb itself: a phrase may sit inside the trigger's own words
                // ("expelled two *Polish diplomats*").
                // A promise, threat or refusal is about a nested act: its party is the
                // recipient ("agreed on Saturday to provide aid for Romania").
                let nested = matches!(
                    t.event,
                    EventType::Agree | EventType::Threaten | EventType::Reject
                );
                let mut object = object_of(m, nested, phrases, words, usable);
                if object.is_empty() {
                    // The country an act is done in or to, when no other party is named:
                    // "Serbia lifted the curfew in Montenegro".
                    let actor_codes: Vec<&Option<String>> =
                        subject.iter().map(|&i| &phrases[i].code).collect();
                    // With a user's dictionary (PETRARCH's reading) any coded place serves:
                    // "criticized the closure of guest houses in Bree".
                    object = object_of(m, nested, phrases, words, |p: &ActorPhrase| {
                        (p.country_name || (dictionary && p.code.is_some()))
                            && !actor_codes.contains(&&p.code)
                    });
                }
                if object.is_empty() && dictionary {
                    // PETRARCH's reading: the target is the first coded actor anywhere in
                    // the verb's phrase ("rescheduled his annual hunting trip in the White
                    // Downs"), however long the phrase before it.
                    // A comma between two adjectives ("complete, full diplomatic ties")
                    // does not end the phrase.
                    let adjectives_comma = |i: usize| {
                        words[i] == ","
                            && i > m.last + 1
                            && i + 1 < words.len()
                            && plain_adjective(words[i - 1])
                            && plain_adjective(words[i + 1])
                    };
                    let stop = (m.last + 1..words.len())
                        .find(|&i| OBJECT_STOPS.has_word(words[i]) && !adjectives_comma(i))
                        .unwrap_or(words.len());
                    let coded = |i: usize| {
                        let p = &phrases[i];
                        p.first > m.last
                            && p.first < stop
                            && (p.code.is_some() || !p.sectors.is_empty())
                            && !subject.contains(&i)
                    };
                    if let Some(i) = (0..phrases.len()).find(|&i| coded(i)) {
                        object = compound_right(i, phrases, words);
                    }
                }
                (subject, object)
            }
        }
        TriggerPos::Noun => {
            // "Israeli airstrikes on Gaza", "Russia's invasion of Ukraine", "the attack by X".
            // "… are an attack on civilization": a predicate noun characterises, it does
            // not report an event.
            let head = (0..m.first)
                .rev()
                .find(|&i| !DETERMINERS.has_word(words[i]));
            if head.is_some_and(|i| {
                matches!(
                    words[i],
                    "is" | "are" | "was" | "were" | "be" | "been" | "as"
                )
            }) {
                return (Vec::new(), Vec::new());
            }
            let mut actor = Vec::new();
            let before = if m.first >= 1 && matches!(words[m.first - 1], "'s" | "'") {
                m.first.checked_sub(2)
            } else {
                m.first.checked_sub(1)
            };
            if let Some(b) = before {
                if let Some(idx) = phrases.iter().position(|p| p.last == b && !p.locative) {
                    actor.push(idx);
                }
            }
            if actor.is_empty() {
                actor = by_phrase(m.last, phrases, words);
            }
            if actor.is_empty() && subject_may_act {
                // "Fundamentalists continued their hunger strike", "The United States
                // speeded up the withdrawal": the clause's subject does what the noun
                // names — unless a verb of reporting stands between ("described the
                // attack as …", "said in response to the attack"): then it only talks
                // about it.
                let subject = subject_of(m.first, phrases, words, clause_of);
                let from = subject.last().map_or(0, |&i| phrases[i].last + 1);
                let claimed = words[m.first.saturating_sub(5)..m.first].contains(&"responsibility");
                let reported = words[from..m.first]
                    .iter()
                    .any(|w| REPORTING_VERBS.has_word(w));
                // After a preposition the noun is not what the subject did ("displaced by
                // fighting", "victims of the attack") — except "claimed responsibility for".
                let head = (0..m.first)
                    .rev()
                    .find(|&i| !DETERMINERS.has_word(words[i]) && !words[i].ends_with("ly"));
                let after_preposition = head.is_some_and(|i| {
                    PREPOSITIONS.has_word(words[i]) || words[i] == "by" || words[i] == "for"
                });
                if claimed || (!reported && !after_preposition) {
                    actor = subject;
                }
            }
            if actor.is_empty() && reacts_or_helps(t.event) {
                actor = from_phrase(m.last, phrases, words);
            }
            let mut recipient = Vec::new();
            if let Some(prep) = words.get(m.last + 1) {
                if matches!(
                    *prep,
                    "on" | "against" | "with" | "of" | "targeting" | "between"
                ) {
                    let start = m.last + 2 + usize::from(words.get(m.last + 2) == Some(&"the"));
                    if let Some(idx) = phrases
                        .iter()
                        .position(|p| p.first == start || p.first == m.last + 2)
                    {
                        recipient = compound_right(idx, phrases, words);
                    }
                }
            }
            (actor, recipient)
        }
    }
}

/// The subject of a verb in a relative clause is the phrase the clause hangs on: "the
/// rebels, who attacked the convoy" (the rebels attacked), "a journalist who was
/// arrested" (a passive: the journalist was arrested). Only when the pronoun opens the
/// verb's clause and no subject of its own stands between ("whom police arrested" has one).
fn relative_antecedent(
    at: usize,
    phrases: &[ActorPhrase],
    words: &[&str],
    clause_of: &[usize],
) -> Option<usize> {
    let clause = clause_of[at];
    let start = (0..at)
        .rev()
        .take_while(|&i| clause_of[i] == clause)
        .last()?;
    if !matches!(words[start], "who" | "which" | "that") {
        return None;
    }
    let before = start.checked_sub(1)?;
    let before = if words[before] == "," {
        before.checked_sub(1)?
    } else {
        before
    };
    phrases
        .iter()
        .position(|p| p.last == before && !p.locative && !p.bare_adjective)
}

/// A verb in a clause that "but" opens with no subject of its own shares the sentence's
/// subject: "Benin opened its borders to West Africans, but was still refusing admittance
/// to Ghanaians". Only auxiliaries and adverbs may stand between "but" and the verb.
fn coordinated_subject(
    at: usize,
    phrases: &[ActorPhrase],
    words: &[&str],
    clause_of: &[usize],
) -> Vec<usize> {
    let Some(but) = (0..at)
        .rev()
        .find(|&i| clause_of[i] != clause_of[at] || words[i] == "but")
    else {
        return Vec::new();
    };
    let auxiliary = |w: &str| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "did"
                | "does"
                | "also"
                | "still"
                | "not"
                | "then"
                | "later"
                | "been"
        ) || w.ends_with("ly")
    };
    if words[but] != "but" || !words[but + 1..at].iter().all(|w| auxiliary(w)) {
        return Vec::new();
    }
    // The subject of the clause before: the last phrase that a finite verb follows
    // ("South Africa would give …", "Benin opened …").
    let finite = |w: &str| {
        matches!(
            w,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        ) || (w.len() > 4 && w.ends_with("ed"))
    };
    // A phrase a preposition governs is no subject ("… to West Africans ordered out").
    let governed = |first: usize| {
        (0..first)
            .rev()
            .find(|&i| {
                !DETERMINERS.has_word(words[i])
                    && !matches!(words[i], "most" | "some" | "many" | "all")
            })
            .is_some_and(|i| {
                PREPOSITIONS.has_word(words[i])
                    || matches!(words[i], "to" | "by" | "for" | "on" | "at" | "as")
            })
    };
    phrases
        .iter()
        .rposition(|p| {
            p.last < but
                && !p.locative
                && !p.bare_adjective
                && !governed(p.first)
                && words.get(p.last + 1).is_some_and(|w| finite(w))
        })
        .map_or_else(Vec::new, |i| compound_left(i, phrases, words))
}

/// The nearest participant to the left of token `at` in the same clause, with the
/// phrases coordinated with it.
fn subject_of(
    at: usize,
    phrases: &[ActorPhrase],
    words: &[&str],
    clause_of: &[usize],
) -> Vec<usize> {
    // "On aid to Kenya's clinics, he said …": a pronoun after an introductory phrase is
    // the subject; no name inside that phrase is.
    if at >= 2 && matches!(words[at - 1], "he" | "she" | "they" | "we") && words[at - 2] == "," {
        return Vec::new();
    }
    // "The bomber, wearing a security guard uniform, detonated …": the subject stands
    // before a parenthetical (relative clause, participle phrase or apposition).
    let end = skip_parenthetical(at, phrases, words);
    let clause = if end < at {
        clause_of[end.saturating_sub(1)]
    } else {
        clause_of[at]
    };
    let eligible = |p: &ActorPhrase| {
        // A lone adjective is a subject only right before the trigger: "Palestinian riots
        // continued", "Israeli strikes killed" (the event word read as a verb).
        let adjective_of_trigger = p.bare_adjective && p.last + 1 == at;
        !(p.last >= end
            || p.locative
            || (p.bare_adjective && !adjective_of_trigger)
            || in_parentheses(p.first, words)
            || clause_of[p.last] != clause
            || (p.last + 1..end).any(|i| matches!(words[i], ";" | ":" | "that"))
            || reported_clause_between(p.last + 1, end, words))
    };
    // The eligible phrase ending last before `limit` (the first of equals).
    let latest_before = |limit: usize| {
        phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| p.last < limit && eligible(p))
            .fold(None, |best: Option<usize>, (idx, p)| {
                if best.is_none_or(|b| phrases[b].last < p.last) {
                    Some(idx)
                } else {
                    best
                }
            })
    };
    let mut best = latest_before(end);
    // "The envoy, at the centre of a row between Qatar and Egypt, called on …": names
    // in a "between" complement are not the subject when a name stands before them.
    if let Some(b) = best {
        let start = phrases[compound_left(b, phrases, words)[0]].first;
        if start > 0 && words[start - 1] == "between" {
            if let Some(earlier) = latest_before(start - 1) {
                best = Some(earlier);
            }
        }
    }
    if best.is_none() {
        // "X said (that) it would …": a subject pronoun after the complementiser refers
        // back to the speaker, the subject before it.
        let barrier = words[..at]
            .iter()
            .rposition(|w| matches!(*w, "that" | ";" | ":"));
        let pronoun = |i: usize| matches!(words[i], "it" | "they" | "he" | "she" | "we");
        if let Some(b) = barrier {
            if words[..at].iter().rposition(|w| *w == "that") == Some(b) && (b + 1..at).any(pronoun)
            {
                return subject_of(b, phrases, words, clause_of);
            }
        } else if let Some(p) = (0..at).rev().find(|&i| pronoun(i)) {
            if p > 0 {
                return subject_of(p, phrases, words, clause_of);
            }
        }
    }
    let Some(mut head) = best else {
        return Vec::new();
    };
    // "Russian aircraft including helicopter gunships killed …": the members a list names
    // after "including" are part of the subject before it, which is the actor.
    // Up to two modifiers may stand between ("including Sukhoi bombers").
    let before_head = |h: usize| {
        let f = phrases[h].first;
        (f.saturating_sub(3)..f)
            .rev()
            .take_while(|&i| words[i].chars().all(|c| c.is_alphabetic() || c == '-'))
            .find(|&i| words[i] == "including")
    };
    if let Some(including) = before_head(head) {
        if let Some(outer) = phrases
            .iter()
            .rposition(|p| p.last + 1 == including && !p.locative)
        {
            head = outer;
        }
    }
    // Skip a relative clause: "X, who ..., condemned" — the subject is X, found above
    // only if no phrase sits inside the relative clause; a phrase right after "who" is not it.
    compound_left(head, phrases, words)
}

/// Whether token `i` sits inside parentheses: "Hizbollah (Party of God)" — the aside
/// glosses a name, it is not another participant.
fn in_parentheses(i: usize, words: &[&str]) -> bool {
    let open = words[..i].iter().rposition(|w| *w == "(");
    let close = words[..i].iter().rposition(|w| *w == ")");
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// If token `at` follows a comma-delimited parenthetical, the index of its opening comma;
/// else `at`.
fn skip_parenthetical(at: usize, phrases: &[ActorPhrase], words: &[&str]) -> usize {
    // Auxiliaries and adverbs between the comma and the verb: "Pakistan, a key U.S.
    // ally, has refused".
    let verb = at;
    let mut at = at;
    while at > 0
        && (matches!(
            words[at - 1],
            "has"
                | "have"
                | "had"
                | "is"
                | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "also"
                | "been"
                | "then"
                | "later"
                | "reportedly"
                | "has been"
        ) || words[at - 1].ends_with("ly"))
    {
        at -= 1;
    }
    if at < 2 || words[at - 1] != "," {
        return verb;
    }
    let Some(open) = words[..at - 1].iter().rposition(|w| *w == ",") else {
        return verb;
    };
    let first = words[open + 1];
    let parenthetical = matches!(
        first,
        "who" | "which" | "whose" | "a" | "an" | "the" | "now" | "himself" | "herself"
    ) || first.ends_with("ing")
        || first.ends_with("ed")
        || phrases.iter().any(|p| p.first == open + 1);
    if parenthetical && open > 0 {
        open
    } else {
        verb
    }
}

fn compound_left(head: usize, phrases: &[ActorPhrase], words: &[&str]) -> Vec<usize> {
    let mut out = vec![head];
    let mut cur = head;
    while let Some(prev) = phrases[..cur]
        .iter()
        .rposition(|p| p.last < phrases[cur].first)
    {
        let between = &words[phrases[prev].last + 1..phrases[cur].first];
        if list_separator(between) && !phrases[prev].locative {
            out.insert(0, prev);
            cur = prev;
        } else {
            break;
        }
    }
    out
}

fn compound_right(head: usize, phrases: &[ActorPhrase], words: &[&str]) -> Vec<usize> {
    let mut out = vec![head];
    let mut cur = head;
    // "between Armenia and Azerbaijan, and Serbia and Kosovo": after "between", once
    // "and" has closed the pair, a further ", and" starts another pair.
    let pair = phrases[head].first > 0 && words[phrases[head].first - 1] == "between";
    while let Some(next) = phrases.iter().position(|p| p.first > phrases[cur].last) {
        let between = &words[phrases[cur].last + 1..phrases[next].first];
        let closed =
            out.len() >= 2 && words[phrases[out[0]].last + 1..phrases[cur].first].contains(&"and");
        if pair && closed {
            break;
        }
        // "… to Ukraine, the chancellor said": a phrase followed by a verb of saying is
        // the speaker of the sentence, not one more member of the list, also when a
        // name stands between ("…, the Egyptian newspaper Al-Ahram said").
        let speaker = words[phrases[next].last + 1..]
            .iter()
            .take(3)
            .take_while(|w| !CONNECTIVES.has_word(w) && !matches!(**w, "who" | "which" | "that"))
            .any(|w| matches!(*w, "said" | "says" | "told" | "added"));
        if !speaker && list_separator(between) && !phrases[next].locative {
            out.push(next);
            cur = next;
        } else {
            break;
        }
    }
    out
}

/// Whether the words between two phrases join them into one list: connectives only
/// ("Egypt, Jordan and the EU"), or, where a comma or "and" says a list goes on, also
/// the members' own adjectives ("Egypt, Saudi Arabia and tiny Qatar") — at most three,
/// none a verb form or a function word.
fn list_separator(between: &[&str]) -> bool {
    if between.is_empty() {
        return false;
    }
    if between.iter().all(|w| CONNECTIVES.has_word(w)) {
        return true;
    }
    let listed = between.iter().any(|w| matches!(*w, "," | "and" | "nor"));
    let modifiers = between.iter().filter(|w| !CONNECTIVES.has_word(w)).count();
    listed
        && modifiers <= 3
        && between
            .iter()
            .all(|w| CONNECTIVES.has_word(w) || plain_adjective(w))
}

/// Whether a verb of saying stands in `from..to` with a reported clause opening on its
/// own subject ("Arnor spokesmen said 54 civilians were killed", "police said the
/// gunmen fled"): the speaker is not the subject of the verb in that clause. A pronoun
/// after the verb of saying refers back to the speaker and is left to the caller.
fn reported_clause_between(from: usize, to: usize, words: &[&str]) -> bool {
    (from..to).any(|i| {
        matches!(words[i], "said" | "says" | "told" | "added")
            && words.get(i + 1).is_some_and(|w| {
                i + 1 < to
                    && (w.chars().next().is_some_and(|c| c.is_ascii_digit())
                        || matches!(
                            *w,
                            "the"
                                | "a"
                                | "an"
                                | "two"
                                | "three"
                                | "four"
                                | "five"
                                | "several"
                                | "many"
                                | "some"
                                | "dozens"
                                | "hundreds"
                        ))
            })
    })
}

/// Whether the word at `i` follows "a"/"an" and one or two plain modifiers ("a brief
/// private visit"), so is a noun. A past form there is still read as a verb ("a group
/// later attacked"), and no modifier may belong to an actor phrase.
fn modified_after_article(i: usize, words: &[&str], in_phrase: &dyn Fn(usize) -> bool) -> bool {
    if words[i].ends_with("ed") {
        return false;
    }
    (2..=3).any(|back| {
        i >= back
            && matches!(words[i - back], "a" | "an")
            && (i - back + 1..i).all(|k| plain_adjective(words[k]) && !in_phrase(k))
    })
}

/// A lower-case word that can only be a modifier here: three letters or more, no verb
/// ending (-ed, -ing, -s) or adverb ending (-ly), and no function word.
fn plain_adjective(w: &str) -> bool {
    w.len() >= 3
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !["ed", "ing", "s", "ly"].iter().any(|e| w.ends_with(e))
        && !matches!(
            w,
            "said"
                | "told"
                | "who"
                | "which"
                | "that"
                | "then"
                | "but"
                | "for"
                | "with"
                | "from"
                | "not"
                | "has"
                | "have"
                | "had"
                | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "must"
                | "should"
                | "they"
                | "she"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "after"
                | "before"
                | "when"
                | "while"
                | "into"
                | "over"
                | "under"
                | "against"
                | "between"
                | "among"
                | "also"
                | "all"
                | "only"
                | "other"
                | "both"
                | "each"
                | "more"
                | "most"
        )
}

/// Words that may separate a verb from its object or prepositional object.
const LIGHT: &[&str] = &[
    "the",
    "a",
    "an",
    "all",
    "some",
    "any",
    "several",
    "more",
    "than",
    "nearly",
    "about",
    "at",
    "least",
    "up",
    "to",
    "with",
    "on",
    "against",
    "from",
    "for",
    "of",
    "into",
    "upon",
    "over",
    "that",
    "its",
    "both",
    "other",
    "between",
    "among",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "fresh",
    "new",
    "renewed",
    "formal",
    "official",
    "also",
    "on",
    "further",
    "again",
];

/// The first participant after the trigger `m` before the clause ends: directly after the
/// verb or after a preposition, with at most two content words between ("offered
/// Kenya *military* aid"); the verb of an infinitive does not count. A phrase after a
/// possessive pronoun ("offered its troops") is the actor's own means, not a party.
fn object_of(
    m: &TriggerMatch,
    nested: bool,
    phrases: &[ActorPhrase],
    words: &[&str],
    usable: impl Fn(&ActorPhrase) -> bool,
) -> Vec<usize> {
    let trigger_last = m.last;
    let mut limit = (trigger_last + 12).min(words.len());
    let mut content = 0;
    let mut nested = nested;
    let mut i = m.first;
    while i + 1 < limit {
        i += 1;
        if OBJECT_STOPS.has_word(words[i]) {
            break;
        }
        if let Some(idx) = phrases.iter().position(|p| p.first == i) {
            if usable(&phrases[idx]) && !owned(i, trigger_last, phrases[idx].last, words) {
                return compound_right(idx, phrases, words);
            }
            // Skip over the phrase.
            continue;
        }
        if phrases.iter().any(|p| p.first < i && i <= p.last) {
            continue;
        }
        if i <= trigger_last {
            continue; // the trigger's own words
        }
        let w = words[i];
        // The verb of an infinitive is not counted: in PLOVER the recipient of "offered
        // to negotiate with Armenia" is the nested act's party. After a promise, threat or
        // refusal, the first infinitive's object is searched as the verb's own, however
        // many words stood before it ("agreed in principle on Saturday to provide aid for
        // Romania").
        let infinitive_verb = i > 0 && words[i - 1] == "to";
        if nested && infinitive_verb && inner_verb(w) {
            nested = false;
            content = 0;
            limit = (i + 12).min(words.len());
            continue;
        }
        // Amounts are no content: "provide about 70 million dollars of aid for Romania".
        let number = w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || matches!(w, "million" | "billion" | "mln" | "bln" | "thousand");
        if !infinitive_verb && !LIGHT.has_word(w) && !number {
            content += 1;
            if content > 3 {
                break;
            }
        }
    }
    Vec::new()
}

/// Whether the phrase at token `i` belongs to a noun phrase a possessive pronoun opens:
/// right after it ("offered its troops"), or as a modifier of the phrase's head with at
/// most three words (letters only; the coder's words are lowered) between ("sell its
/// wholly owned U.K. marketing companies") — the
/// actor's own means, not a party. The modifier's walk counts only words after the
/// trigger (`after`); "his Algerian counterpart" is skipped, the name after it is not.
fn owned(i: usize, after: usize, phrase_last: usize, words: &[&str]) -> bool {
    let possessive = |w: &str| matches!(w, "its" | "their" | "his" | "her" | "our");
    if i > 0 && possessive(words[i - 1]) {
        return true;
    }
    let modifier = words.get(phrase_last + 1).is_some_and(|w| {
        w.chars().all(|c| c.is_ascii_lowercase()) && !refine::AFTER_A_PARTY.has_word(w)
    });
    modifier
        && (1..=4)
            .filter_map(|k| i.checked_sub(k))
            .filter(|&j| j > after)
            .take_while(|&j| {
                possessive(words[j])
                    || (words[j]
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '.')
                        && !LIGHT.has_word(words[j])
                        && !PREPOSITIONS.has_word(words[j])
                        && words[j] != "and")
            })
            .any(|j| possessive(words[j]))
}

/// A word after "to" that can open an infinitive: letters only (the coder's words are
/// lowered), not a determiner or a number ("to provide", not "to the", "to 4,000", "to
/// its"). A name after "to" is a phrase and is met before this test.
fn inner_verb(w: &str) -> bool {
    w.len() >= 2
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !LIGHT.has_word(w)
        && !DETERMINERS.has_word(w)
}

/// Nouns of reaction or help, after which "from X" names who reacts or helps ("drew
/// condemnation from the United Nations", "support from Turkey") — unlike nouns of
/// movement or force ("withdrawal from Gaza", "attacks from the north").
fn reacts_or_helps(event: EventType) -> bool {
    matches!(
        event,
        EventType::Accuse
            | EventType::Support
            | EventType::Aid
            | EventType::Request
            | EventType::Reject
            | EventType::Threaten
    )
}

/// The party right after "from" following token `at` ("from (the) X"), with the
/// phrases coordinated with it.
fn from_phrase(at: usize, phrases: &[ActorPhrase], words: &[&str]) -> Vec<usize> {
    if words.get(at + 1) != Some(&"from") {
        return Vec::new();
    }
    let start = at + 2 + usize::from(words.get(at + 2) == Some(&"the"));
    phrases
        .iter()
        .position(|p| (p.first == start || p.first == at + 2) && !p.locative)
        .map_or_else(Vec::new, |idx| compound_right(idx, phrases, words))
}

/// The phrase after "by" following token `at` ("was attacked by militants").
fn by_phrase(at: usize, phrases: &[ActorPhrase], words: &[&str]) -> Vec<usize> {
    let limit = (at + 8).min(words.len());
    for i in at + 1..limit {
        if OBJECT_STOPS.has_word(words[i]) {
            break;
        }
        if words[i] == "by" {
            let start = i + 1 + usize::from(words.get(i + 1) == Some(&"the"));
            if let Some(idx) = phrases
                .iter()
                .position(|p| p.first == start || p.first == i + 1)
            {
                return compound_right(idx, phrases, words);
            }
            return Vec::new();
        }
    }
    Vec::new()
}

/// A participle after a form of "be" or "get" (adverbs and negation may sit between),
/// or a participle followed directly by "by".
fn is_passive(m: &TriggerMatch, words: &[&str]) -> bool {
    if !matches!(m.form, VerbForm::Participle | VerbForm::PastOrParticiple) {
        return false;
    }
    // "asked to be allowed to leave": after "to be" a participle is a passive verb, even
    // with a preposition of its own.
    if m.first >= 2 && words[m.first - 1] == "be" && words[m.first - 2] == "to" {
        return true;
    }
    // "were engaged in", "is committed to": a participle with its own preposition is an
    // adjective of state, and its subject is the actor.
    if m.last > m.first && matches!(words[m.first + 1], "in" | "to" | "on" | "with") {
        return false;
    }
    // "Israel is opposed to French mediation": a stance, not a passive.
    if matches!(
        words[m.first],
        "opposed" | "committed" | "dedicated" | "devoted"
    ) && words.get(m.last + 1) == Some(&"to")
    {
        return false;
    }
    let mut i = m.first;
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        let w = words[i];
        if BE_FORMS.has_word(w) {
            return true;
        }
        let adverb = w.ends_with("ly")
            || matches!(
                w,
                "not"
                    | "n't"
                    | "also"
                    | "reportedly"
                    | "allegedly"
                    | "then"
                    | "later"
                    | "all"
                    | "both"
            );
        if !adverb {
            break;
        }
    }
    words.get(m.last + 1) == Some(&"by")
}

/// How the text presents the event: PLOVER's auxiliary modes.
fn modality_of(
    m: &TriggerMatch,
    words: &[&str],
    clause_of: &[usize],
    date_mentions: &[DateMention],
    published: NaiveDate,
    text: &str,
    sentence: &Sentence,
) -> Modality {
    let clause = clause_of[m.first];
    let from = m.first.saturating_sub(5);
    let window: Vec<&str> = (from..m.first)
        .filter(|&i| clause_of[i] == clause)
        .map(|i| words[i])
        .collect();
    // "ended without agreement", "left without a deal", "without firing a shot".
    let without = window
        .iter()
        .rev()
        .find(|w| !matches!(**w, "a" | "an" | "any" | "the"))
        .is_some_and(|w| *w == "without");
    if without
        || window.iter().any(|w| NEGATIONS.has_word(w))
        || window
            .iter()
            .any(|w| matches!(*w, "denied" | "denies" | "deny"))
        || window
            .windows(2)
            .any(|w| matches!(w, ["failed", "to"] | ["fails", "to"]))
    {
        return Modality::Negated;
    }
    if words[..m.first]
        .iter()
        .any(|w| matches!(*w, "if" | "unless"))
        || window.iter().any(|w| HYPOTHETICAL_AUX.has_word(w))
    {
        return Modality::Hypothetical;
    }
    if window.iter().any(|w| FUTURE_AUX.has_word(w))
        || window
            .windows(2)
            .any(|w| FUTURE_LEADS.has_word(w[0]) && w[1] == "to")
        || window.windows(3).any(|w| matches!(w, [_, "to", "be"]))
    {
        return Modality::Future;
    }
    if window.contains(&"had")
        && matches!(m.form, VerbForm::Participle | VerbForm::PastOrParticiple)
    {
        return Modality::Historical;
    }
    // Background: the sentence's own date lies more than a year before publication,
    // or it reports a cumulative total ("… have been killed since 2019").
    if date_mentions
        .iter()
        .any(|d| (published - d.date).num_days() > 366)
    {
        return Modality::Historical;
    }
    if counts::is_background_sentence(text, sentence.start..sentence.end) {
        return Modality::Historical;
    }
    Modality::Asserted
}

/// Verbs by which a source warns of what someone else may do. ("Said" is left out: a
/// party's own spokesperson or envoy says what it will do, and that is its promise or
/// threat.)
const WARNING_VERBS: &[&str] = &[
    "warned",
    "warns",
    "predicted",
    "predicts",
    "cautioned",
    "cautions",
    "feared",
    "fears",
];

/// Who warns of the sentence's predicted act, and the warning verb's token: the
/// participant right before the verb (", Kyiv warned on Monday") or right after it
/// ("warned Kyiv").
fn warner<'p>(phrases: &'p [ActorPhrase], words: &[&str]) -> Option<(&'p str, usize)> {
    let code_at = |pred: &dyn Fn(&ActorPhrase) -> bool| {
        phrases
            .iter()
            .find(|p| pred(p))
            .and_then(|p| p.code.as_deref())
    };
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| WARNING_VERBS.has_word(w))
        .find_map(|(i, _)| {
            let before = i.checked_sub(1).and_then(|j| code_at(&|p| p.last == j));
            before
                .or_else(|| code_at(&|p| p.first == i + 1))
                .map(|code| (code, i))
        })
}

/// PLOVER manual: a future cooperative act is an AGREE, a future hostile act a THREATEN
/// — "the coder should always return the single event category, not a
/// category+auxiliary" — a future RETREAT is a CONCEDE, a future CONCEDE stays.
fn apply_future_rule(d: &mut Draft) {
    // A conditional hostile act ("may halt mediation if …") is a threat too.
    if d.modality == Modality::Hypothetical && is_hostile(d.event) {
        d.mode = threat_mode(d.event, d.mode.as_deref(), &d.cameo);
        d.event = EventType::Threaten;
        d.cameo = "130".into();
        d.modality = Modality::Asserted;
        return;
    }
    if d.modality != Modality::Future {
        return;
    }
    match d.event {
        // "Announcements of future retreats should be coded as CONCEDE" (PLOVER manual).
        EventType::Retreat => {
            d.event = EventType::Concede;
            d.cameo = "080".into();
        }
        EventType::Consult | EventType::Support | EventType::Cooperate | EventType::Aid => {
            d.event = EventType::Agree;
            d.cameo = "030".into();
            d.mode = None;
            d.modality = Modality::Asserted;
        }
        EventType::Assault
        | EventType::Coerce
        | EventType::Sanction
        | EventType::Mobilize
        | EventType::Protest => {
            d.mode = threat_mode(d.event, d.mode.as_deref(), &d.cameo);
            d.event = EventType::Threaten;
            d.cameo = "130".into();
            d.modality = Modality::Asserted;
        }
        _ => {}
    }
}

/// "Nigeria will withdraw its troops unless the rebels agree to a ceasefire": a future
/// withdrawal or refusal made conditional on the other side's act is a coercive warning
/// — PLOVER's THREATEN — not an announced concession.
fn is_ultimatum(d: &Draft, words: &[&str]) -> bool {
    d.modality == Modality::Future
        && matches!(d.event, EventType::Retreat | EventType::Reject)
        && words[d.m.last + 1..].contains(&"unless")
}

fn make_ultimatum(d: &mut Draft) {
    d.event = EventType::Threaten;
    d.cameo = "130".into();
    d.mode = None;
    d.modality = Modality::Asserted;
}

/// The THREATEN mode (PLOVER manual, "THREATEN modes") of a threat to do `event`:
/// violence, taking territory, arrests, expulsions, cutting relations, or restrictions
/// (curfews, bans, blockades, strikes and boycotts).
fn threat_mode(event: EventType, mode: Option<&str>, cameo: &str) -> Option<String> {
    let m = match (event, mode) {
        (EventType::Assault, _) if cameo == "192" => "territory",
        (EventType::Assault, _) | (EventType::Mobilize, _) => "violence",
        (EventType::Coerce, Some("arrest")) => "arrest",
        (EventType::Coerce, Some("deport")) | (EventType::Sanction, Some("expel")) => "expel",
        (EventType::Coerce, _) => "restrict",
        (EventType::Sanction, _) => "relations",
        (EventType::Protest, Some("strike" | "boycott" | "obstruct")) => "restrict",
        _ => return None,
    };
    Some(m.to_string())
}

/// A mode from weapon/tactic cues when the trigger gives none.
fn refine_mode(d: &Draft, words: &[&str], tables: &CoderTables) -> Option<String> {
    if d.mode.is_some() {
        return d.mode.clone();
    }
    tables
        .modes
        .iter()
        .find(|c| c.event == d.event && contains_seq(words, &c.words))
        .map(|c| c.mode.clone())
}

/// Where the event happened: a place after a locative preposition ("in", "at", "near"…),
/// the nearest after the trigger first. A place named otherwise ("imports from the United
/// States") says nothing about where the event was; the caller then falls back to the
/// article's dateline or main place.
fn event_place(
    d: &Draft,
    phrases: &[ActorPhrase],
    words: &[&str],
    spans: &[(usize, usize)],
    places: &ArticlePlaces,
    sentence: &Sentence,
) -> Option<PlaceRecord> {
    let used: Vec<(usize, usize)> = d
        .actor
        .iter()
        .chain(&d.recipient)
        .map(|&i| (phrases[i].start, phrases[i].end))
        .collect();
    let token_at = |byte: usize| spans.iter().position(|&(s, e)| s <= byte && byte < e);
    let candidates: Vec<(usize, &crate::extract::places::PlaceMention)> = places
        .in_range(sentence.start, sentence.end)
        .map(|(_, m)| m)
        .filter(|m| !used.iter().any(|&(s, e)| m.start < e && s < m.end))
        .filter_map(|m| token_at(m.start).map(|t| (t, m)))
        .collect();
    let after_locative = |t: usize| {
        (1..=3).any(|back| {
            t >= back
                && phrases::LOCATIVE.has_word(words[t - back])
                && (t - back + 1..t).all(|i| !matches!(words[i], "," | "and"))
        })
    };
    // "in the northern city of Kirkuk": the place noun stands after the locative.
    let locative = |t: usize| {
        after_locative(t)
            || (t >= 2
                && words[t - 1] == "of"
                && matches!(
                    words[t - 2],
                    "city" | "town" | "village" | "province" | "region" | "district" | "capital"
                )
                && after_locative(t - 2))
    };
    let trigger_tok = d.m.first;
    let pick = candidates
        .iter()
        .filter(|(t, _)| *t > trigger_tok && locative(*t))
        .min_by_key(|(t, _)| *t)
        .or_else(|| {
            candidates
                .iter()
                .filter(|(t, _)| locative(*t))
                .min_by_key(|(t, _)| t.abs_diff(trigger_tok))
        });
    pick.map(|(_, m)| {
        let mut p = m.place.clone();
        p.start = m.start;
        p.end = m.end;
        p
    })
}

/// The event's date: the date expression of its sentence nearest the trigger, else the
/// story's current date, else the publication date at week precision (the event was
/// reported then; the text does not say the day).
fn event_date_of(
    d: &Draft,
    mentions: &[DateMention],
    story: Option<&DateMention>,
    published: NaiveDate,
    spans: &[(usize, usize)],
    text: &str,
    chars: &CharIndex,
) -> (
    Option<NaiveDate>,
    Option<DatePrecision>,
    Option<crate::model::SpanRecord>,
) {
    let trigger = spans[d.m.first].0;
    if let Some(m) = mentions.iter().min_by_key(|m| m.start.abs_diff(trigger)) {
        return (
            Some(m.date),
            Some(m.precision),
            Some(chars.span(text, m.start, m.end)),
        );
    }
    if let Some(m) = story {
        return (
            Some(m.date),
            Some(m.precision),
            Some(chars.span(text, m.start, m.end)),
        );
    }
    if published.year() <= 1970 {
        return (None, None, None);
    }
    (Some(published), Some(DatePrecision::Week), None)
}

fn records(
    idx: &[usize],
    phrases: &[ActorPhrase],
    text: &str,
    chars: &CharIndex,
) -> Vec<ActorRecord> {
    let mut out = Vec::with_capacity(idx.len());
    for &i in idx {
        let p = &phrases[i];
        let span = chars.span(text, p.start, p.end);
        let sector: Vec<String> = p
            .sectors
            .iter()
            .filter(|s| s.as_str() != "SPOKES")
            .cloned()
            .collect();
        let (code, sector) = prefix_sectors_first(p.code.clone(), sector);
        let record = ActorRecord {
            entity_text: span.text,
            start: span.start,
            end: span.end,
            code,
            sector,
            name: p.name.clone(),
        };
        // A phrase naming several actors gives one record each; a role the text adds
        // ("the Shire's president") holds for every one of them.
        let joint: Vec<ActorRecord> = p
            .joint
            .iter()
            .map(|j| ActorRecord {
                code: j.code.clone().or_else(|| record.code.clone()),
                sector: if j.sectors.is_empty() {
                    record.sector.clone()
                } else {
                    j.sectors.clone()
                },
                ..record.clone()
            })
            .collect();
        out.push(record);
        out.extend(joint);
    }
    out
}

/// A prefix sector (`NGO~`, see [`PREFIX_SECTOR_MARK`]) goes before the country: `ARN` with
/// `[NGO~, GOV]` is written `NGO` with `[ARN, GOV]`, PETRARCH's `NGOARNGOV`.
fn prefix_sectors_first(
    code: Option<String>,
    sectors: Vec<String>,
) -> (Option<String>, Vec<String>) {
    let (prefix, rest): (Vec<String>, Vec<String>) = sectors
        .into_iter()
        .partition(|s| s.ends_with(PREFIX_SECTOR_MARK));
    let mut blocks = prefix
        .into_iter()
        .map(|s| s.trim_end_matches(PREFIX_SECTOR_MARK).to_string());
    let Some(first) = blocks.next() else {
        return (code, rest);
    };
    let sectors = blocks.chain(code).chain(rest).collect();
    (Some(first), sectors)
}

/// Confidence from the evidence: trigger strength, whether the participants resolved
/// to codes, and whether the event is asserted.
fn confidence(d: &Draft, actor: &[ActorRecord], recipient: &[ActorRecord]) -> f32 {
    let mut c = 0.35 * d.weight;
    if actor.iter().any(|a| a.code.is_some()) {
        c += 0.3;
    } else if !actor.is_empty() {
        c += 0.15;
    }
    if !recipient.is_empty() {
        c += 0.15;
    }
    if d.modality == Modality::Asserted {
        c += 0.2;
    }
    (c * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
