//! Actor dictionary. OWNER: actors-knowledge helper. Stub until filled (interface is fixed).

use chrono::NaiveDate;
use std::ops::Range;

/// What kind of thing an actor phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country by name ("Kenya"), adjective ("Kenyan"), demonym ("Kenyans") or
    /// metonym for its government ("Washington", "the Kremlin").
    Country,
    /// An international body ("the United Nations", "NATO").
    Igo,
    /// A common noun naming a role or group ("police", "troops", "protesters").
    Agent,
    /// A named person ("Vladimir Putin").
    Person,
    /// A named non-state group ("Hamas", "Taliban").
    Group,
}

/// How the phrase refers: affects how it combines with neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorForm {
    /// Proper name: "Kenya", "NATO", "Vladimir Putin".
    Name,
    /// Adjective, modifies a following agent noun: "Kenyan (police)".
    Adjective,
    /// Demonym plural/singular noun: "Kenyans", "a Kenyan".
    Demonym,
    /// Stands for a government: capitals ("Washington"), seats ("the Kremlin").
    Metonym,
    /// Common noun: "police", "president".
    Noun,
}

/// A role a person held, with dates (inclusive); `to: None` = still in office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    pub code: String,
    pub sectors: Vec<String>,
    pub role: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub form: ActorForm,
    /// Country (ISO alpha-3) or IGO code; for persons see `tenures`.
    pub code: Option<String>,
    /// Sector codes (CAMEO/PLOVER): agents `["COP"]`, metonyms `["GOV"]`, IGOs `["IGO"]`.
    pub sectors: Vec<String>,
    /// Canonical name (persons, organisations, countries).
    pub name: Option<String>,
    /// Persons: roles with dates.
    pub tenures: Vec<Tenure>,
}

impl ActorEntry {
    /// Code and sectors valid on `date` (persons: the tenure covering the date,
    /// else the nearest one; others: `code`/`sectors`).
    pub fn resolve(&self, date: NaiveDate) -> (Option<&str>, &[String]) {
        let _ = date;
        (self.code.as_deref(), &self.sectors)
    }
}

/// An actor phrase found in text (byte offsets into the whole text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorTerm {
    pub start: usize,
    pub end: usize,
    /// Index of the entry in the lexicon.
    pub entry: u32,
}

/// The compiled actor dictionary.
#[derive(Debug, Default)]
pub struct ActorLexicon {
    entries: Vec<ActorEntry>,
}

impl ActorLexicon {
    /// The built-in lexicon, compiled on first use.
    pub fn builtin() -> &'static ActorLexicon {
        static LEXICON: std::sync::OnceLock<ActorLexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(ActorLexicon::default)
    }

    /// Actor phrases in `text[range]`: leftmost-longest, whole words, non-overlapping,
    /// in text order.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<ActorTerm> {
        let _ = (text, range);
        Vec::new()
    }

    pub fn entry(&self, id: u32) -> &ActorEntry {
        &self.entries[id as usize]
    }
}
