//! Everything the coder looks words up in: actors, event triggers and discards.
//!
//! The built-in set is compiled once from `data/` ([`Dictionaries::builtin`]). A CAMEO
//! user brings their own PETRARCH-format files instead ([`Dictionaries::from_petrarch_dir`],
//! `herald extract --dictionaries DIR`): each kind of file found in the directory replaces
//! the built-in dictionary of that kind, and kinds the directory lacks stay built-in.

use super::triggers::TriggerLexicon;
use crate::knowledge::actors::{ActorLexicon, LexiconBuilder};
use crate::knowledge::petrarch::{self, Defect};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

const DISCARDS_TSV: &str = include_str!("../../../../../data/events/discards.tsv");

/// Phrases that mean a sentence (or a whole story) is not about a political event:
/// sports, entertainment, weather idioms. Lower-case word sequences, matched on whole
/// words.
#[derive(Debug, Default, Clone)]
pub struct Discards {
    pub sentence: WordSequences,
    pub story: WordSequences,
}

/// Lower-case word sequences looked up in a sentence's words, indexed by their first word
/// so that a sentence costs one hash probe per word, not one comparison per word and
/// sequence (the discards were a memcmp hot spot of the coder).
#[derive(Debug, Default, Clone)]
pub struct WordSequences {
    sequences: Vec<Vec<String>>,
    by_first_word: FxHashMap<String, Vec<usize>>,
}

impl WordSequences {
    pub fn push(&mut self, sequence: Vec<String>) {
        let Some(first) = sequence.first() else {
            return;
        };
        self.by_first_word
            .entry(first.clone())
            .or_default()
            .push(self.sequences.len());
        self.sequences.push(sequence);
    }

    pub fn extend(&mut self, other: WordSequences) {
        for sequence in other.sequences {
            self.push(sequence);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.sequences.is_empty()
    }

    /// Whether one of the sequences occurs in `words` (lower-case, one token each).
    pub fn found_in(&self, words: &[&str]) -> bool {
        if self.sequences.is_empty() {
            return false;
        }
        words.iter().enumerate().any(|(i, w)| {
            self.by_first_word.get(*w).is_some_and(|ids| {
                ids.iter().any(|&id| {
                    let sequence = &self.sequences[id];
                    words.len() - i >= sequence.len()
                        && words[i..i + sequence.len()]
                            .iter()
                            .zip(sequence)
                            .all(|(a, b)| *a == b)
                })
            })
        })
    }
}

impl FromIterator<Vec<String>> for WordSequences {
    fn from_iter<I: IntoIterator<Item = Vec<String>>>(iter: I) -> Self {
        let mut out = WordSequences::default();
        for sequence in iter {
            out.push(sequence);
        }
        out
    }
}

impl Discards {
    /// The built-in list (`data/events/discards.tsv`, sentence scope).
    fn builtin() -> Discards {
        Discards {
            sentence: DISCARDS_TSV
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(words)
                .collect(),
            story: WordSequences::default(),
        }
    }

    fn from_petrarch(file: &petrarch::discards::DiscardFile) -> Discards {
        let mut out = Discards::default();
        for d in &file.discards {
            let seq = words(&d.phrase);
            if seq.is_empty() {
                continue;
            }
            match d.scope {
                petrarch::discards::Scope::Sentence => out.sentence.push(seq),
                petrarch::discards::Scope::Story => out.story.push(seq),
            }
        }
        out
    }
}

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// The coder's dictionaries.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    pub actors: Arc<ActorLexicon>,
    pub triggers: Arc<TriggerLexicon>,
    pub discards: Arc<Discards>,
}

/// One dictionary file read from a user's directory, and what came of it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    /// `actors`, `agents`, `verbs` or `discards`.
    pub kind: &'static str,
    /// Entries (actors, agents, verb patterns, discards) taken in.
    pub entries: usize,
    /// Repairs and left-out lines, with their line numbers.
    pub defects: Vec<Defect>,
}

impl std::fmt::Display for FileReport {
    /// `DIR/x.actors.txt (actors): 124 entries, 4 lines repaired or left out`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} entries, {} lines repaired or left out",
            self.path.display(),
            self.kind,
            self.entries,
            self.defects.len()
        )
    }
}

/// Why a dictionary directory could not be used.
#[derive(Debug)]
pub enum DictionaryError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The directory holds no file whose name says it is a PETRARCH dictionary.
    Empty { path: PathBuf },
}

impl std::fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictionaryError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            DictionaryError::Empty { path } => write!(
                f,
                "{}: no PETRARCH dictionary here; expected files named *actors*.txt, \
                 *agents*.txt, *verbs*.txt (or CAMEO*.txt) or *discards*.txt",
                path.display()
            ),
        }
    }
}

impl std::error::Error for DictionaryError {}

/// What kind of dictionary a file name says it is.
fn kind_of(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    if !lower.ends_with(".txt") {
        return None;
    }
    if lower.contains("actors") {
        Some("actors")
    } else if lower.contains("agents") {
        Some("agents")
    } else if lower.contains("discards") {
        Some("discards")
    } else if lower.contains("verbs") || lower.starts_with("cameo") {
        Some("verbs")
    } else {
        None
    }
}

impl Dictionaries {
    /// The built-in dictionaries, compiled on first use.
    pub fn builtin() -> &'static Dictionaries {
        static DICTIONARIES: OnceLock<Dictionaries> = OnceLock::new();
        DICTIONARIES.get_or_init(|| Dictionaries {
            actors: ActorLexicon::shared(),
            triggers: TriggerLexicon::shared(),
            discards: Arc::new(Discards::builtin()),
        })
    }

    /// Dictionaries from a directory of PETRARCH-format files, recognised by name:
    /// `*actors*.txt` (all of them, in name order, the first to claim a phrase keeps it),
    /// `*agents*.txt`, `*verbs*.txt` or `CAMEO*.txt`, `*discards*.txt`. Files are decoded
    /// leniently (bad bytes become U+FFFD and the phrase holding one is reported).
    pub fn from_petrarch_dir(
        dir: &Path,
    ) -> Result<(Dictionaries, Vec<FileReport>), DictionaryError> {
        let io = |path: &Path, error| DictionaryError::Io {
            path: path.to_path_buf(),
            error,
        };
        let mut files: Vec<(PathBuf, &'static str)> = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
            let path = entry.map_err(|e| io(dir, e))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(kind) = kind_of(name) {
                files.push((path, kind));
            }
        }
        if files.is_empty() {
            return Err(DictionaryError::Empty {
                path: dir.to_path_buf(),
            });
        }
        files.sort();
        let builtin = Dictionaries::builtin();
        let mut reports = Vec::new();
        let mut actors: Option<LexiconBuilder> = None;
        let mut discards: Option<Discards> = None;
        let mut triggers: Option<TriggerLexicon> = None;
        // Agents after actors: a name claims its phrase before a role noun does.
        let order = ["actors", "agents", "verbs", "discards"];
        for kind in order {
            for (path, _) in files.iter().filter(|(_, k)| *k == kind) {
                let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
                let text = String::from_utf8_lossy(&bytes);
                let mut report = FileReport {
                    path: path.clone(),
                    kind,
                    entries: 0,
                    defects: Vec::new(),
                };
                match kind {
                    "actors" | "agents" => {
                        let builder = actors.get_or_insert_with(LexiconBuilder::new);
                        let (defects, loaded) = if kind == "actors" {
                            let file = petrarch::actors::read(&text);
                            (
                                file.defects,
                                petrarch::lexicon::add_actors(builder, &file.actors),
                            )
                        } else {
                            let file = petrarch::agents::read(&text);
                            (
                                file.defects,
                                petrarch::lexicon::add_agents(builder, &file.agents),
                            )
                        };
                        report.entries = loaded.entries;
                        report.defects = defects;
                        report.defects.extend(loaded.defects);
                    }
                    "verbs" => {
                        if triggers.is_some() {
                            // Patterns of two files cannot be merged block by block.
                            report.defects.push(Defect {
                                line: 0,
                                what: "a second verb dictionary: left out (the first is used)"
                                    .into(),
                            });
                        } else {
                            let (lexicon, patterns, defects) =
                                TriggerLexicon::from_petrarch_verbs(&text);
                            report.entries = patterns;
                            report.defects = defects;
                            triggers = Some(lexicon);
                        }
                    }
                    _ => {
                        let file = petrarch::discards::read(&text);
                        report.entries = file.discards.len();
                        let read = Discards::from_petrarch(&file);
                        report.defects = file.defects;
                        let all = discards.get_or_insert_with(Discards::default);
                        all.sentence.extend(read.sentence);
                        all.story.extend(read.story);
                    }
                }
                reports.push(report);
            }
        }
        let dictionaries = Dictionaries {
            actors: actors.map_or_else(|| builtin.actors.clone(), |b| Arc::new(b.build())),
            triggers: triggers.map_or_else(|| builtin.triggers.clone(), Arc::new),
            discards: discards.map_or_else(|| builtin.discards.clone(), Arc::new),
        };
        Ok((dictionaries, reports))
    }
}
