//! The built-in sources: tab-separated files under `data/actors/`, embedded in the binary.
//!
//! Each file is one [`BuiltinSource`]; its loader turns rows into entries and phrases of a
//! [`LexiconBuilder`]. The formats are documented in `data/actors/README.md`. A malformed
//! row panics with `file:line`, because the data is ours and ships compiled in: the unit
//! test that loads the whole lexicon turns such a row into a failed CI run.

use super::{ActorEntry, ActorForm, ActorKind, LexiconBuilder, PhraseAdded, PhraseCase, Tenure};
use crate::knowledge::petrarch::lexicon::{add_actor, Coded};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Sector codes the built-in data may use: PLOVER v2.0's table plus [`super::SPOKESPERSON_SECTOR`].
/// A typo in a data file ("GVO") fails loudly instead of leaking into output records.
pub const KNOWN_SECTORS: &[&str] = &[
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO",
    "NGO", "SPOKES",
];

/// One built-in data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinSource {
    /// `countries.tsv`: names, adjectives, demonyms, capitals and seats of power.
    Countries,
    /// `state_bodies.tsv`: named organs of a state ("the CIA", "the Knesset").
    StateBodies,
    /// `igos.tsv`: international organisations and international NGOs.
    Igos,
    /// `groups.tsv`: named armed and political non-state groups.
    Groups,
    /// `leaders.tsv`: named persons with dated tenures.
    Leaders,
    /// `agents.tsv`: role nouns.
    Agents,
    /// `blockers.txt`: phrases that hide shorter actor phrases inside them.
    Blockers,
    /// `phoenix/actors.tsv`: the Phoenix/CAMEO actor dictionaries, converted (persons
    /// with dated codes, organisations, armed groups). Bulk data: fills gaps only.
    PhoenixActors,
    /// `phoenix/agents.tsv`: the Phoenix/CAMEO role nouns, converted. Fills gaps only.
    PhoenixAgents,
}

impl BuiltinSource {
    /// In priority order: a phrase claimed by an earlier source cannot be claimed again.
    /// The curated files are kept free of such clashes (loading panics on one); the
    /// converted Phoenix files come last and leave a phrase already claimed to its owner.
    pub const ALL: [BuiltinSource; 9] = [
        BuiltinSource::Countries,
        BuiltinSource::StateBodies,
        BuiltinSource::Igos,
        BuiltinSource::Groups,
        BuiltinSource::Leaders,
        BuiltinSource::Agents,
        BuiltinSource::Blockers,
        BuiltinSource::PhoenixActors,
        BuiltinSource::PhoenixAgents,
    ];

    /// Path relative to the repository root, for messages.
    pub fn path(self) -> &'static str {
        match self {
            BuiltinSource::Countries => "data/actors/countries.tsv",
            BuiltinSource::StateBodies => "data/actors/state_bodies.tsv",
            BuiltinSource::Igos => "data/actors/igos.tsv",
            BuiltinSource::Groups => "data/actors/groups.tsv",
            BuiltinSource::Leaders => "data/actors/leaders.tsv",
            BuiltinSource::Agents => "data/actors/agents.tsv",
            BuiltinSource::Blockers => "data/actors/blockers.txt",
            BuiltinSource::PhoenixActors => "data/actors/phoenix/actors.tsv",
            BuiltinSource::PhoenixAgents => "data/actors/phoenix/agents.tsv",
        }
    }

    /// The embedded file contents.
    pub fn text(self) -> &'static str {
        match self {
            BuiltinSource::Countries => include_str!("../../../../../data/actors/countries.tsv"),
            BuiltinSource::StateBodies => {
                include_str!("../../../../../data/actors/state_bodies.tsv")
            }
            BuiltinSource::Igos => include_str!("../../../../../data/actors/igos.tsv"),
            BuiltinSource::Groups => include_str!("../../../../../data/actors/groups.tsv"),
            BuiltinSource::Leaders => include_str!("../../../../../data/actors/leaders.tsv"),
            BuiltinSource::Agents => include_str!("../../../../../data/actors/agents.tsv"),
            BuiltinSource::Blockers => include_str!("../../../../../data/actors/blockers.txt"),
            BuiltinSource::PhoenixActors => {
                include_str!("../../../../../data/actors/phoenix/actors.tsv")
            }
            BuiltinSource::PhoenixAgents => {
                include_str!("../../../../../data/actors/phoenix/agents.tsv")
            }
        }
    }

    /// Adds this file's entries and phrases to `builder`.
    pub fn load_into(self, builder: &mut LexiconBuilder) {
        let mut loader = Loader {
            source: self,
            builder,
        };
        match self {
            BuiltinSource::Countries => loader.countries(),
            BuiltinSource::StateBodies => {
                loader.organisations(ActorKind::Country, ActorForm::Metonym)
            }
            BuiltinSource::Igos => loader.organisations(ActorKind::Igo, ActorForm::Name),
            BuiltinSource::Groups => loader.organisations(ActorKind::Group, ActorForm::Name),
            BuiltinSource::Leaders => loader.leaders(),
            BuiltinSource::Agents => loader.agents(true),
            BuiltinSource::Blockers => loader.blockers(),
            BuiltinSource::PhoenixActors => loader.phoenix_actors(),
            BuiltinSource::PhoenixAgents => loader.agents(false),
        }
    }
}

struct Loader<'a> {
    source: BuiltinSource,
    builder: &'a mut LexiconBuilder,
}

/// A data row: 1-based line number and its tab-separated columns.
struct Row<'t> {
    line: usize,
    cols: Vec<&'t str>,
}

impl Loader<'_> {
    fn fail(&self, line: usize, message: impl std::fmt::Display) -> ! {
        panic!("{}:{}: {}", self.source.path(), line, message)
    }

    /// Non-comment, non-blank rows with exactly `width` columns.
    fn rows(&self, width: usize) -> Vec<Row<'static>> {
        let mut rows = Vec::new();
        for (i, raw) in self.source.text().lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if cols.len() != width {
                self.fail(
                    line,
                    format_args!(
                        "expected {width} tab-separated columns, found {}",
                        cols.len()
                    ),
                );
            }
            rows.push(Row { line, cols });
        }
        rows
    }

    fn sectors(&self, line: usize, text: &str) -> Vec<String> {
        if text == "-" || text.is_empty() {
            return Vec::new();
        }
        text.split(',')
            .map(|s| {
                let s = s.trim();
                if !KNOWN_SECTORS.contains(&s) {
                    self.fail(line, format_args!("unknown sector code {s:?}"));
                }
                s.to_string()
            })
            .collect()
    }

    fn code(&self, line: usize, text: &str) -> Option<String> {
        if text == "-" {
            return None;
        }
        let plausible = (2..=4).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !plausible {
            self.fail(line, format_args!("bad actor code {text:?}"));
        }
        Some(text.to_string())
    }

    fn date(&self, line: usize, text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .unwrap_or_else(|e| self.fail(line, format_args!("bad date {text:?}: {e}")))
    }

    fn phrase(&mut self, line: usize, phrase: &str, entry: u32, case: PhraseCase) {
        if phrase.is_empty() {
            self.fail(line, "empty phrase");
        }
        if let PhraseAdded::AlreadyTaken { entry: existing } =
            self.builder.add_phrase(phrase, entry, case)
        {
            if existing != Some(entry) {
                self.fail(
                    line,
                    format_args!(
                        "phrase {phrase:?} is already taken by {}",
                        self.describe(existing)
                    ),
                );
            }
        }
    }

    fn describe(&self, entry: Option<u32>) -> String {
        match entry {
            None => "a blocker".to_string(),
            Some(id) => {
                let e = &self.builder.entries[id as usize];
                format!(
                    "{:?} {:?} {}",
                    e.kind,
                    e.code,
                    e.name.as_deref().unwrap_or("(unnamed)")
                )
            }
        }
    }

    /// `code  form  phrase  sectors  name`
    fn countries(&mut self) {
        for row in self.rows(5) {
            let [code, form, phrase, sectors, name] = row.cols[..] else {
                unreachable!()
            };
            let form = match form {
                "name" => ActorForm::Name,
                "adjective" => ActorForm::Adjective,
                "demonym" => ActorForm::Demonym,
                "metonym" => ActorForm::Metonym,
                other => self.fail(row.line, format_args!("unknown form {other:?}")),
            };
            let entry = ActorEntry {
                kind: ActorKind::Country,
                form,
                code: self.code(row.line, code),
                sectors: self.sectors(row.line, sectors),
                name: Some(name.to_string()),
                tenures: Vec::new(),
                joint: Vec::new(),
                agent_sectors_append: false,
            };
            let id = self.builder.add_entry(entry);
            self.phrase(row.line, phrase, id, PhraseCase::Proper);
        }
    }

    /// `code  sectors  name  phrase|phrase|…`
    fn organisations(&mut self, kind: ActorKind, form: ActorForm) {
        for row in self.rows(4) {
            let [code, sectors, name, phrases] = row.cols[..] else {
                unreachable!()
            };
            let entry = ActorEntry {
                kind,
                form,
                code: self.code(row.line, code),
                sectors: self.sectors(row.line, sectors),
                name: Some(name.to_string()),
                tenures: Vec::new(),
                joint: Vec::new(),
                agent_sectors_append: false,
            };
            let id = self.builder.add_entry(entry);
            for phrase in phrases.split('|') {
                self.phrase(row.line, phrase.trim(), id, PhraseCase::Proper);
            }
        }
    }

    /// `name  aliases  code  sectors  role  from  to` — one row per tenure; rows of one
    /// person share `name` and become one entry whose phrases are the name and every alias.
    fn leaders(&mut self) {
        struct Person {
            line: usize,
            name: &'static str,
            phrases: Vec<&'static str>,
            tenures: Vec<Tenure>,
        }
        let mut people: Vec<Person> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for row in self.rows(7) {
            let [name, aliases, code, sectors, role, from, to] = row.cols[..] else {
                unreachable!()
            };
            let from = self.date(row.line, from);
            let to = (to != "-").then(|| self.date(row.line, to));
            if to.is_some_and(|to| to < from) {
                self.fail(row.line, "tenure ends before it starts");
            }
            let Some(code) = self.code(row.line, code) else {
                self.fail(row.line, "a tenure needs a code")
            };
            let tenure = Tenure {
                code,
                sectors: self.sectors(row.line, sectors),
                role: role.to_string(),
                from,
                to,
            };
            let slot = *index.entry(name).or_insert_with(|| {
                people.push(Person {
                    line: row.line,
                    name,
                    phrases: vec![name],
                    tenures: Vec::new(),
                });
                people.len() - 1
            });
            let person = &mut people[slot];
            person.tenures.push(tenure);
            for alias in aliases.split('|').map(str::trim) {
                if alias != "-" && !alias.is_empty() && !person.phrases.contains(&alias) {
                    person.phrases.push(alias);
                }
            }
        }
        for mut person in people {
            person.tenures.sort_by_key(|t| t.from);
            let latest = person.tenures.last().expect("a person row has a tenure");
            let entry = ActorEntry {
                kind: ActorKind::Person,
                form: ActorForm::Name,
                code: Some(latest.code.clone()),
                sectors: latest.sectors.clone(),
                name: Some(person.name.to_string()),
                tenures: person.tenures,
                joint: Vec::new(),
                agent_sectors_append: false,
            };
            let id = self.builder.add_entry(entry);
            for phrase in person.phrases {
                self.phrase(person.line, phrase, id, PhraseCase::Proper);
            }
        }
    }

    /// `phrase|phrase|…  sectors`. `curated`: a phrase clash is an error in the file;
    /// otherwise (bulk data) a phrase already claimed stays with its owner.
    fn agents(&mut self, curated: bool) {
        for row in self.rows(2) {
            let [phrases, sectors] = row.cols[..] else {
                unreachable!()
            };
            let entry = ActorEntry {
                kind: ActorKind::Agent,
                form: ActorForm::Noun,
                code: None,
                sectors: self.sectors(row.line, sectors),
                name: None,
                tenures: Vec::new(),
                joint: Vec::new(),
                agent_sectors_append: false,
            };
            if entry.sectors.is_empty() {
                self.fail(row.line, "an agent needs a sector");
            }
            let id = self.builder.add_entry(entry);
            for phrase in phrases.split('|').map(str::trim) {
                if curated {
                    self.phrase(row.line, phrase, id, PhraseCase::Any);
                } else {
                    self.builder.add_phrase(phrase, id, PhraseCase::Any);
                }
            }
        }
    }

    /// `kind  codes  phrases` (see the file's header): bulk data, so a phrase an earlier
    /// source claims stays with it.
    fn phoenix_actors(&mut self) {
        for row in self.rows(3) {
            let [kind, codes, phrases] = row.cols[..] else {
                unreachable!()
            };
            let (kind, form) = match kind {
                "person" => (ActorKind::Person, ActorForm::Name),
                "igo" => (ActorKind::Igo, ActorForm::Name),
                "group" => (ActorKind::Group, ActorForm::Name),
                "country" => (ActorKind::Country, ActorForm::Name),
                "organ" => (ActorKind::Country, ActorForm::Metonym),
                other => self.fail(row.line, format_args!("unknown kind {other:?}")),
            };
            let codes: Vec<Coded> = codes.split("; ").map(|c| self.coded(row.line, c)).collect();
            let phrases: Vec<String> = phrases.split('|').map(str::to_string).collect();
            add_actor(
                self.builder,
                kind,
                form,
                &codes,
                &phrases,
                PhraseCase::Capitalized,
                // Converted to Herald's conventions: a role noun replaces the sectors.
                false,
            );
        }
    }

    /// `CODE[/SECTOR,…][ FROM..TO]`.
    fn coded(&self, line: usize, text: &str) -> Coded {
        let (code, dates) = match text.split_once(' ') {
            Some((c, d)) => (c, Some(d)),
            None => (text, None),
        };
        let (code, sectors) = match code.split_once('/') {
            Some((c, s)) => (c, self.sectors(line, s)),
            None => (code, Vec::new()),
        };
        let (from, to) = match dates {
            None => (None, None),
            Some(d) => {
                let Some((from, to)) = d.split_once("..") else {
                    self.fail(line, format_args!("bad date range {d:?}"))
                };
                let day = |t: &str| (!t.is_empty()).then(|| self.date(line, t));
                (day(from), day(to))
            }
        };
        Coded {
            code: self.code(line, code),
            sectors,
            joint: Vec::new(),
            from,
            to,
        }
    }

    /// One phrase per line.
    fn blockers(&mut self) {
        for row in self.rows(1) {
            if let PhraseAdded::AlreadyTaken { entry } = self.builder.add_blocker(row.cols[0]) {
                self.fail(
                    row.line,
                    format_args!("blocker is already taken by {}", self.describe(entry)),
                );
            }
        }
    }
}
