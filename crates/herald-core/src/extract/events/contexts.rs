//! PLOVER contexts: the "why" beside an event's "what" (type) and "how" (mode). A meeting
//! about troops and a meeting about tariffs are both CONSULT; `context` says `military` or
//! `economic`.
//!
//! The PLOVER manual leaves the method open and expects contexts to be coded from more
//! than the event's words. Herald codes them from the event's own sentence, so that each
//! context is backed by words a reader can see:
//! - cue words and phrases (`data/events/contexts.tsv`, written from the manual's
//!   descriptions), e.g. "refugees" → `migration`, "nuclear" → `cbrn`;
//! - the participants' sectors: soldiers (MIL) make an event `military`, lawmakers (LEG)
//!   `legislative`, judges (JUD) `legal`;
//! - a verbal exchange between two states (PLOVER quad 1 or 2 across two country codes)
//!   with no other context is `diplomatic`.
//!
//! An event may have several contexts (the manual: "a feature, not a bug"); they are
//! listed in the manual's table order.

use crate::knowledge::gazetteer::gazetteer;
use crate::model::{ActorRecord, EventType};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const CONTEXTS_TSV: &str = include_str!("../../../../../data/events/contexts.tsv");

/// The PLOVER v2.0 general contexts, in the manual's table order.
pub const CONTEXTS: [&str; 38] = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
    // Not in the manual's table: its section on auxiliary modes places them in the context
    // field; Herald reports them as `modality` instead, so this one is never coded.
    "historical",
];

/// Sectors whose presence among the participants puts an event in a context.
const SECTOR_CONTEXTS: &[(&str, &str)] = &[
    ("MIL", "military"),
    ("SPY", "intelligence"),
    ("LEG", "legislative"),
    ("JUD", "legal"),
    ("REF", "migration"),
    ("MED", "health"),
    ("ENV", "environment"),
    ("CRM", "crime"),
    ("REL", "religion_ethnicity"),
];

/// One cue: its words, whether the last one is a prefix, and its context's index.
struct Cue {
    words: Vec<String>,
    prefix: bool,
    context: usize,
}

/// The compiled cue table.
pub struct ContextCues {
    cues: Vec<Cue>,
    /// Cues by their first word, for the cues whose first word is whole.
    by_first_word: FxHashMap<String, Vec<usize>>,
    /// Single-word prefix cues ("troop*"), by their first byte.
    prefixes_by_byte: Vec<Vec<usize>>,
}

impl ContextCues {
    /// The built-in table, compiled once.
    pub fn builtin() -> &'static ContextCues {
        static CUES: OnceLock<ContextCues> = OnceLock::new();
        CUES.get_or_init(|| {
            ContextCues::parse(CONTEXTS_TSV)
                .unwrap_or_else(|e| panic!("data/events/contexts.tsv: {e}"))
        })
    }

    /// Reads `context<TAB>cue` lines; `#` starts a comment.
    fn parse(tsv: &str) -> Result<ContextCues, String> {
        let mut out = ContextCues {
            cues: Vec::new(),
            by_first_word: FxHashMap::default(),
            prefixes_by_byte: vec![Vec::new(); 256],
        };
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (context, cue) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected `context<TAB>cue`", n + 1))?;
            let context = CONTEXTS
                .iter()
                .position(|c| *c == context.trim())
                .ok_or_else(|| format!("line {}: `{context}` is not a PLOVER context", n + 1))?;
            let cue = cue.trim().to_lowercase();
            let prefix = cue.ends_with('*');
            let words: Vec<String> = cue
                .trim_end_matches('*')
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if words.is_empty() {
                return Err(format!("line {}: empty cue", n + 1));
            }
            let id = out.cues.len();
            if prefix && words.len() == 1 {
                out.prefixes_by_byte[words[0].as_bytes()[0] as usize].push(id);
            } else {
                out.by_first_word
                    .entry(words[0].clone())
                    .or_default()
                    .push(id);
            }
            out.cues.push(Cue {
                words,
                prefix,
                context,
            });
        }
        Ok(out)
    }

    /// The contexts the sentence's cue words give, as a set of indices into [`CONTEXTS`].
    /// `words` are the sentence's lower-case tokens.
    fn cued_by(&self, words: &[&str]) -> u64 {
        let mut found = 0u64;
        for (i, w) in words.iter().enumerate() {
            if let Some(ids) = self.by_first_word.get(*w) {
                for &id in ids {
                    if self.matches_at(&self.cues[id], words, i) {
                        found |= 1 << self.cues[id].context;
                    }
                }
            }
            if let Some(&b) = w.as_bytes().first() {
                for &id in &self.prefixes_by_byte[b as usize] {
                    if w.starts_with(self.cues[id].words[0].as_str()) {
                        found |= 1 << self.cues[id].context;
                    }
                }
            }
        }
        found
    }

    fn matches_at(&self, cue: &Cue, words: &[&str], at: usize) -> bool {
        let Some(span) = words.get(at..at + cue.words.len()) else {
            return false;
        };
        let last = cue.words.len() - 1;
        span.iter().zip(&cue.words).enumerate().all(|(k, (w, c))| {
            if k == last && cue.prefix {
                w.starts_with(c.as_str())
            } else {
                *w == c
            }
        })
    }

    /// The contexts of one event: its sentence's cues, its participants' sectors, and
    /// `diplomatic` for a verbal exchange between two states.
    pub fn contexts(
        &self,
        words: &[&str],
        event: EventType,
        actor: &[ActorRecord],
        recipient: &[ActorRecord],
    ) -> Vec<String> {
        let mut found = self.cued_by(words);
        for party in actor.iter().chain(recipient) {
            for sector in &party.sector {
                if let Some((_, c)) = SECTOR_CONTEXTS.iter().find(|(s, _)| s == sector) {
                    found |= 1 << context_index(c);
                }
            }
        }
        // Diplomacy is the residual context of states talking to each other: when the
        // words say what about ("troops", "tariffs"), that subject is the context.
        if found == 0 && matches!(event.quad_code(), 1 | 2) && between_states(actor, recipient) {
            found |= 1 << context_index("diplomatic");
        }
        CONTEXTS
            .iter()
            .enumerate()
            .filter(|(i, _)| found & (1 << i) != 0)
            .map(|(_, c)| c.to_string())
            .collect()
    }
}

fn context_index(name: &str) -> usize {
    CONTEXTS
        .iter()
        .position(|c| *c == name)
        .expect("a PLOVER context")
}

/// Whether the actor and the recipient include two different states (ISO alpha-3 codes,
/// not international bodies, which the coder writes with their own codes such as `UNO`).
fn between_states(actor: &[ActorRecord], recipient: &[ActorRecord]) -> bool {
    let states = |parties: &[ActorRecord]| -> Vec<String> {
        parties
            .iter()
            .filter_map(|p| p.code.clone())
            .filter(|c| gazetteer().country_by_iso3(c).is_some())
            .collect()
    };
    let (a, r) = (states(actor), states(recipient));
    a.iter().any(|x| r.iter().any(|y| x != y))
}

#[cfg(test)]
mod tests {
    //! Contexts of events in real news sentences (none from the PLOVER gold).
    use super::*;
    use crate::extract::events::tests::article;
    use crate::pipeline::code;

    fn contexts_of(text: &str, published: &str) -> Vec<(EventType, Vec<String>)> {
        code(&article(text, published))
            .into_iter()
            .map(|e| (e.event, e.context))
            .collect()
    }

    #[test]
    fn the_built_in_table_names_only_plover_contexts() {
        let cues = ContextCues::builtin();
        assert!(cues.cues.len() > 300);
        assert!(ContextCues::parse("militaryy\ttroops\n").is_err());
        assert!(ContextCues::parse("military troops\n").is_err());
    }

    #[test]
    fn cue_words_give_the_subject_of_the_event() {
        let found = contexts_of(
            "Thousands of refugees fleeing fighting in Sudan crossed into Chad, the UNHCR said on Friday.",
            "2023-05-12",
        );
        let (_, context) = &found[0];
        assert!(context.contains(&"migration".to_string()), "{found:?}");
        assert!(context.contains(&"military".to_string()), "{found:?}");

        let found = contexts_of(
            "The European Union imposed tariffs of up to 35% on electric vehicles made in China on Tuesday.",
            "2024-10-29",
        );
        assert!(found[0].1.contains(&"economic".to_string()), "{found:?}");
    }

    #[test]
    fn participants_sectors_give_contexts() {
        // "soldiers" is MIL, and the MIL participant alone makes the event military.
        let found = contexts_of(
            "Two Malian soldiers were killed by militants near the town of Gao on Sunday.",
            "2022-05-10",
        );
        assert_eq!(found[0].0, EventType::Assault);
        assert!(found[0].1.contains(&"military".to_string()), "{found:?}");
    }

    #[test]
    fn states_talking_with_no_subject_named_is_diplomacy() {
        let found = contexts_of(
            "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Monday.",
            "2023-03-21",
        );
        assert_eq!(found[0].0, EventType::Consult);
        assert_eq!(found[0].1, vec!["diplomatic"]);
        // A subject named: the subject is the context, not the residual diplomacy.
        let found = contexts_of(
            "Kenya accused Uganda of moving troops to the shared border on Sunday.",
            "2023-05-14",
        );
        assert!(found[0].1.contains(&"military".to_string()), "{found:?}");
        assert!(!found[0].1.contains(&"diplomatic".to_string()), "{found:?}");
    }

    #[test]
    fn a_sentence_without_cues_or_telling_sectors_has_no_context() {
        let found = contexts_of(
            "Students staged a sit-in at the university in Dhaka on Monday.",
            "2023-05-15",
        );
        assert_eq!(found[0].0, EventType::Protest);
        assert!(found[0].1.is_empty(), "{found:?}");
    }
}
