//! PETRARCH actor and agent entries as Herald actor-lexicon entries.
//!
//! A CAMEO actor code is a run of three-letter blocks: `USAGOV` is the United States
//! (`USA`) government (`GOV`), `IGOUNOKID` an IGO block, the UN and a children's sector.
//! Herald keeps the first block as the actor's `code` and the rest as its `sectors`, so the
//! code a user's dictionary gives comes back unchanged in the event record
//! (`code + sectors` re-joined is the CAMEO code). A leading `---` block is "no country":
//! `---GOV` is a government whose country the context must give.
//!
//! Dated codes become tenures, so a name is coded with the role it held on the event's
//! date. PETRARCH applies an undated code whenever no dated one covers the date; here the
//! undated code fills the gaps between the dated ones, as tenures of its own.
//!
//! What kind of actor an entry is (which decides how it combines with the words around
//! it) is read from its codes, since the format does not say: dated codes make a person,
//! an `IGO`/`NGO` first block an international body, an armed or opposition sector a
//! group, a bare country block a country name, and anything else (`USAGOV`: "the
//! Pentagon") a named organ of a state.

use super::actors::Actor;
use super::agents::Agent;
use super::{DatedCode, Defect};
use crate::knowledge::actors::{
    ActorEntry, ActorForm, ActorKind, JointActor, LexiconBuilder, PhraseAdded, PhraseCase, Tenure,
    PREFIX_SECTOR_MARK,
};
use chrono::{Days, NaiveDate};

/// What loading a file into a lexicon did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Entries added.
    pub entries: usize,
    /// Phrases added.
    pub phrases: usize,
    /// Phrases left out because an earlier source (or entry) already had them.
    pub taken: usize,
    /// Entries left out, with the reason (`[---]` null codes are not defects and are
    /// only counted in `null`).
    pub defects: Vec<Defect>,
    /// Entries whose code is `[---]`: known phrases that are deliberately not actors.
    pub null: usize,
}

/// Sectors that make a named entry a non-state group rather than an organ of a state.
const GROUP_SECTORS: &[&str] = &["REB", "INS", "SEP", "UAF", "OPP", "PTY", "RAD", "MOP"];

/// The first day a tenure without a start is taken to hold from.
fn dawn() -> NaiveDate {
    NaiveDate::from_ymd_opt(1800, 1, 1).expect("valid date")
}

/// `USAGOV` → (`USA`, [`GOV`]); `---GOV` → (none, [`GOV`]); `~COP` → (none, [`COP`]);
/// `IGO~` → (none, [`IGO`]). Blocks are three letters; a shorter tail is kept as one
/// block so that nothing written is lost.
pub fn split_code(code: &str) -> (Option<String>, Vec<String>) {
    let code = code.trim();
    if let Some(sectors) = code.strip_prefix('~') {
        return (None, blocks(sectors));
    }
    if let Some(prefix) = code.strip_suffix('~') {
        return (None, blocks(prefix));
    }
    let mut all = blocks(code);
    if all.is_empty() {
        return (None, all);
    }
    let first = all.remove(0);
    let country = (!first.chars().all(|c| c == '-')).then_some(first);
    (country, all)
}

fn blocks(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(3)
        .map(|c| c.iter().collect::<String>())
        .filter(|b| !b.is_empty())
        .collect()
}

/// An actor code in Herald's terms, with the dates it holds (inclusive; `None` = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coded {
    /// Country or organisation; `None` for a code with no country (`---GOV`).
    pub code: Option<String>,
    pub sectors: Vec<String>,
    /// Further actors named with it (`[FRO/BIL/SAM]`), split the same way.
    pub joint: Vec<JointActor>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Coded {
    /// A PETRARCH code as written, split by [`split_code`].
    pub fn from_cameo(c: &DatedCode) -> Coded {
        let (code, sectors) = split_code(&c.code);
        let joint = c
            .joint
            .iter()
            .map(|j| {
                let (code, sectors) = split_code(j);
                JointActor { code, sectors }
            })
            .collect();
        Coded {
            code,
            sectors,
            joint,
            from: c.from,
            to: c.to,
        }
    }

    fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// The actor's kind and form, read from its codes (see the module docs).
pub fn kind_of(codes: &[Coded]) -> (ActorKind, ActorForm) {
    let first = &codes[0];
    // Dated codes with roles are a person's offices; dated bare country codes are a
    // place whose state changed (`ARMENIA [SUN <900823] [ARM]`).
    let roles = codes.iter().any(|c| !c.sectors.is_empty());
    if (roles && codes.iter().any(Coded::is_dated)) || first.sectors.iter().any(|s| s == "ELI") {
        return (ActorKind::Person, ActorForm::Name);
    }
    let sector = |list: &[&str]| first.sectors.iter().any(|s| list.contains(&s.as_str()));
    match first.code.as_deref() {
        Some("IGO" | "NGO") => (ActorKind::Igo, ActorForm::Name),
        Some("IMG") => (ActorKind::Group, ActorForm::Name),
        _ if sector(&["IGO", "NGO"]) => (ActorKind::Igo, ActorForm::Name),
        _ if sector(GROUP_SECTORS) => (ActorKind::Group, ActorForm::Name),
        Some(_) if first.sectors.is_empty() => (ActorKind::Country, ActorForm::Name),
        _ => (ActorKind::Country, ActorForm::Metonym),
    }
}

/// Tenures for an entry's codes: each dated code as written, and the first undated code
/// over every stretch of time no dated code covers.
fn tenures(codes: &[Coded]) -> Vec<Tenure> {
    let tenure = |c: &Coded, from: NaiveDate, to: Option<NaiveDate>| Tenure {
        code: c.code.clone().unwrap_or_default(),
        sectors: c.sectors.clone(),
        role: String::new(),
        from,
        to,
    };
    // A tenure needs a code: an office of a state that no longer exists has none.
    let mut out: Vec<Tenure> = codes
        .iter()
        .filter(|c| c.is_dated() && c.code.is_some())
        .map(|c| tenure(c, c.from.unwrap_or_else(dawn), c.to))
        .collect();
    out.sort_by_key(|t| t.from);
    let Some(default) = codes.iter().find(|c| !c.is_dated() && c.code.is_some()) else {
        return out;
    };
    // Walk the dated tenures in order and fill every gap with the undated code.
    let mut gaps = Vec::new();
    let mut cursor = Some(dawn());
    for t in &out {
        if let Some(start) = cursor {
            if t.from > start {
                let end = t.from.checked_sub_days(Days::new(1));
                gaps.push(tenure(default, start, end));
            }
        }
        cursor = match (cursor, t.to) {
            (None, _) | (_, None) => None,
            (Some(c), Some(to)) => Some(c.max(to.checked_add_days(Days::new(1)).unwrap_or(to))),
        };
    }
    if let Some(start) = cursor {
        gaps.push(tenure(default, start, None));
    }
    out.extend(gaps);
    out.sort_by_key(|t| t.from);
    out
}

/// Adds one actor entry with its phrases; returns (phrases added, phrases already taken).
/// `codes` must not be empty. `append_agents`: a role noun joined to the name adds its
/// sectors after the entry's own (see `ActorEntry::agent_sectors_append`).
pub fn add_actor(
    builder: &mut LexiconBuilder,
    kind: ActorKind,
    form: ActorForm,
    codes: &[Coded],
    phrases: &[String],
    case: PhraseCase,
    append_agents: bool,
) -> (usize, usize) {
    // PETRARCH applies date restrictions to any entry, not only to persons: a country
    // renamed or refounded (`ZIMBABWE [RHO <790606] [ZBW]`) codes by the event's date.
    let tenures = if kind == ActorKind::Person || codes.iter().any(Coded::is_dated) {
        tenures(codes)
    } else {
        Vec::new()
    };
    // The undated code is what the entry is when no date applies; without one, the
    // latest dated code.
    let base = codes
        .iter()
        .find(|c| !c.is_dated())
        .or_else(|| codes.iter().max_by_key(|c| c.from))
        .expect("an actor has a code");
    let entry = ActorEntry {
        kind,
        form,
        code: base.code.clone(),
        sectors: base.sectors.clone(),
        name: phrases.first().map(|p| title_case(p)),
        tenures,
        joint: base.joint.clone(),
        agent_sectors_append: append_agents,
    };
    let id = builder.add_entry(entry);
    let (mut added, mut taken) = (0, 0);
    for p in phrases {
        match builder.add_phrase(&display(p), id, case) {
            PhraseAdded::Added => added += 1,
            PhraseAdded::AlreadyTaken { .. } => taken += 1,
        }
    }
    (added, taken)
}

/// Adds actor-file entries to `builder`, codes kept as written (see [`split_code`]).
/// Phrases are matched with [`PhraseCase::Capitalized`], since the files write every
/// name in capitals. A phrase an earlier source already claims stays with it (the
/// builder's first-come rule), so load curated sources first.
pub fn add_actors(builder: &mut LexiconBuilder, actors: &[Actor]) -> Loaded {
    let mut loaded = Loaded::default();
    for actor in actors {
        let codes: Vec<Coded> = actor
            .codes
            .iter()
            .filter(|c| !c.is_null())
            .map(Coded::from_cameo)
            .collect();
        if codes.is_empty() {
            // `[---]`: PETRARCH knows the phrase and codes nothing; a blocker keeps a
            // shorter actor inside it from matching.
            loaded.null += 1;
            for p in &actor.phrases {
                if builder.add_blocker(&display(p)) == PhraseAdded::Added {
                    loaded.phrases += 1;
                }
            }
            continue;
        }
        let (kind, form) = kind_of(&codes);
        let (added, taken) = add_actor(
            builder,
            kind,
            form,
            &codes,
            &actor.phrases,
            PhraseCase::Capitalized,
            true,
        );
        loaded.entries += 1;
        loaded.phrases += added;
        loaded.taken += taken;
    }
    loaded
}

/// Adds agent-file entries: role nouns in any case, with their plurals (the listed ones,
/// or the regular English plural of the last word when the file lists none).
pub fn add_agents(builder: &mut LexiconBuilder, agents: &[Agent]) -> Loaded {
    let mut loaded = Loaded::default();
    for agent in agents {
        let (_, mut sectors) = split_code(&agent.code.code);
        // `[NGO~]`: the blocks go before the country the context gives.
        if agent.code.code.trim().ends_with('~') {
            for s in &mut sectors {
                s.push(PREFIX_SECTOR_MARK);
            }
        }
        if sectors.is_empty() {
            loaded.defects.push(Defect {
                line: agent.line,
                what: format!("agent code '{}' has no sector: left out", agent.code.code),
            });
            continue;
        }
        let entry = ActorEntry {
            kind: ActorKind::Agent,
            form: ActorForm::Noun,
            code: None,
            sectors,
            name: None,
            tenures: Vec::new(),
            joint: Vec::new(),
            agent_sectors_append: false,
        };
        let id = builder.add_entry(entry);
        loaded.entries += 1;
        let mut forms: Vec<String> = agent.phrases.clone();
        match &agent.plurals {
            Some(listed) => forms.extend(listed.iter().cloned()),
            None => forms.extend(agent.phrases.iter().map(|p| plural(p))),
        }
        for p in forms {
            match builder.add_phrase(&p.to_lowercase(), id, PhraseCase::Any) {
                PhraseAdded::Added => loaded.phrases += 1,
                PhraseAdded::AlreadyTaken { .. } => loaded.taken += 1,
            }
        }
    }
    loaded
}

/// The regular plural of a phrase's last word, as PETRARCH forms it: `-Y` after a
/// consonant → `-IES`, sibilants take `-ES`, `-MAN` → `-MEN`, else `-S`.
pub fn plural(phrase: &str) -> String {
    let (head, last) = match phrase.rfind(' ') {
        Some(k) => (&phrase[..=k], &phrase[k + 1..]),
        None => ("", phrase),
    };
    let upper = last.to_uppercase();
    // Substitution sets list plural members too ("!PERSON! = MAN, MEN, …").
    if upper.ends_with("MEN") || upper.ends_with("PEOPLE") {
        return phrase.to_string();
    }
    let word = if let Some(stem) = upper.strip_suffix("MAN") {
        format!("{stem}MEN")
    } else if upper.ends_with('Y') && !upper[..upper.len() - 1].ends_with(['A', 'E', 'I', 'O', 'U'])
    {
        format!("{}IES", &upper[..upper.len() - 1])
    } else if ["S", "X", "Z", "CH", "SH"]
        .iter()
        .any(|s| upper.ends_with(s))
    {
        format!("{upper}ES")
    } else {
        format!("{upper}S")
    };
    format!("{head}{word}")
}

/// The phrase as the lexicon stores it. Matching is case-insensitive with a per-phrase
/// case rule, so the capitals of the file are kept; only a space before a possessive or
/// a hyphen that the file's `_` produced is closed up.
fn display(phrase: &str) -> String {
    phrase.replace(" 'S", "'S").replace(" - ", "-")
}

/// `BARACK OBAMA` → `Barack Obama`, the canonical name shown in records.
fn title_case(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
