//! Converts the open Phoenix/CAMEO dictionaries into Herald's own reviewable files
//! (`data/actors/phoenix/`), run by `herald dictionaries convert` (see
//! `scripts/convert-phoenix`).
//!
//! The readers of this module's parent repair the files' known defects; this step puts
//! the codes into Herald's conventions (`data/actors/README.md`), so that an entry from
//! Phoenix codes the same as the curated tables would:
//! - a country block stays first (`USAGOV` → `USA` + `GOV`); Phoenix's Kosovo `KSV` is
//!   Herald's `XKX`;
//! - an international body is coded by its organisation (`IGOUNOKID` → `UNO` with
//!   sectors `IGO`; `IGOWSTNAT` → `NATO`; `IGOEUREEC` → `EU`; `IGOAFRAFU` → `AU`;
//!   otherwise the organisation's own block, `IGOMEAARL` → `ARL`), a body with no
//!   organisation block by `IGO`/`NGO` itself;
//! - a multinational company is its home country with sector `BUS` (`MNCUSA`);
//! - entries coded with a bare country code (country names, cities, regions, rivers)
//!   are left to Herald's country table and gazetteer.
//!
//! The output is sorted as read and deterministic, so a re-run shows only real changes
//! in review.

use super::lexicon::{kind_of, Coded};
use super::{actors, agents, DatedCode};
use crate::knowledge::actors::{ActorKind, BuiltinSource};
use std::collections::HashSet;
use std::fmt::Write;
use std::sync::OnceLock;

/// CAMEO sector blocks (they describe a role, never name an organisation).
const SECTORS: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "NGO", "OPP", "PTY", "RAD", "REB", "REF",
    "SEP", "SPY", "UAF", "MOD", "REL", "CHR", "MOS", "JEW", "BUD", "HIN", "CTH", "ORT", "SHI",
    "SUN", "KID", "IMG", "CON", "PRO", "JRN", "SOC", "ATH", "ITH",
];

/// A CAMEO sector in PLOVER's sector codes, which Herald's records use: CAMEO's `MED`
/// is the media (PLOVER `JRN`) and `HLH` health (PLOVER `MED`); insurgents and
/// separatists are armed opposition; religions are `REL`. Sectors PLOVER has no code
/// for (development, environment, human rights, "moderate", …) are dropped.
fn plover_sector(block: &str) -> Option<&'static str> {
    Some(match block {
        "MED" => "JRN",
        "HLH" => "MED",
        "INS" | "SEP" | "IMG" => "REB",
        "MNC" => "BUS",
        "CHR" | "MOS" | "JEW" | "BUD" | "HIN" | "CTH" | "ORT" | "SHI" | "SUN" | "REL" => "REL",
        "AGR" => "AGR",
        "BUS" => "BUS",
        "COP" => "COP",
        "CRM" => "CRM",
        "CVL" => "CVL",
        "EDU" => "EDU",
        "ELI" => "ELI",
        "GOV" => "GOV",
        "IGO" => "IGO",
        "JRN" => "JRN",
        "JUD" => "JUD",
        "LAB" => "LAB",
        "LEG" => "LEG",
        "MIL" => "MIL",
        "NGO" => "NGO",
        "OPP" => "OPP",
        "PTY" => "PTY",
        "REB" => "REB",
        "REF" => "REF",
        "SOC" => "SOC",
        "SPY" => "SPY",
        "UAF" => "UAF",
        _ => return None,
    })
}

/// CAMEO regional blocks (where a body works, not which body).
const REGIONS: &[&str] = &[
    "WST", "AFR", "ASA", "EUR", "MEA", "LAM", "NMR", "SAM", "CAM", "CAS", "SAS", "SEA", "EAF",
    "WAF", "NAF", "SAF", "CAF", "BLK", "BAL", "CRB", "SCN", "PGS", "EIN", "EEU", "WEU", "NAM",
];

/// Organisation blocks whose Herald code differs (`data/actors/README.md`, "IGO codes").
const ORGANISATIONS: &[(&str, &str)] = &[("NAT", "NATO"), ("EEC", "EU"), ("AFU", "AU")];

/// Former states CAMEO still codes (Kosovo's `KSV` is mapped to `XKX` instead).
const HISTORICAL: &[&str] = &["USR", "SUN", "YUG", "DDR", "CSK", "SCG", "FRY"];

/// The codes in the first column of a built-in actor table.
fn first_column(source: BuiltinSource) -> HashSet<&'static str> {
    source
        .text()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect()
}

/// Whether a block is a country code of Herald's country table or a former state.
fn is_country(block: &str) -> bool {
    static CODES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    HISTORICAL.contains(&block)
        || CODES
            .get_or_init(|| first_column(BuiltinSource::Countries))
            .contains(block)
}

/// Whether a code names a body of Herald's curated IGO table (`UNO`, `EU`, `ARL`, …).
fn is_curated_body(code: &str) -> bool {
    static CODES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CODES
        .get_or_init(|| first_column(BuiltinSource::Igos))
        .contains(code)
}

/// Whether a person's phrase starts with an office title of Herald's curated role nouns
/// ("PRESIDENT YELTSIN", "FOREIGN MINISTER KOZYREV"). Such phrases are left out: read
/// apart, the title in the text gives the role the person holds in that story and the
/// name finds the person, where the whole phrase would take the dictionary's dated role
/// even when the text says otherwise.
fn starts_with_title(phrase: &str) -> bool {
    static TITLES: OnceLock<HashSet<String>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        BuiltinSource::Agents
            .text()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .flat_map(|phrases| phrases.split('|'))
            .map(|p| p.trim().to_uppercase())
            .collect()
    });
    let words: Vec<&str> = phrase.split(' ').collect();
    (1..words.len()).any(|n| titles.contains(&words[..n].join(" ")))
}

fn blocks(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(3).map(|c| c.iter().collect()).collect()
}

/// A Phoenix code in Herald's conventions (see the module docs). `None` for `---`.
pub fn herald_code(c: &DatedCode) -> Option<Coded> {
    let all = blocks(c.code.trim());
    let first = all.first()?.as_str();
    if first.chars().all(|ch| ch == '-') {
        return None;
    }
    let rest = &all[1..];
    let sectors_in = |blocks: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in blocks.iter().filter_map(|b| plover_sector(b)) {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
        out
    };
    let (code, sectors) = match first {
        "IGO" | "NGO" => {
            let organisation = if rest.iter().any(|b| b == "UNO") {
                Some("UNO".to_string())
            } else {
                rest.iter()
                    .rev()
                    .find(|b| {
                        !SECTORS.contains(&b.as_str())
                            && !REGIONS.contains(&b.as_str())
                            && !is_country(b)
                            && b.len() == 3
                    })
                    .map(|b| {
                        ORGANISATIONS
                            .iter()
                            .find(|(from, _)| from == b)
                            .map_or_else(|| b.clone(), |(_, to)| to.to_string())
                    })
            };
            let mut sectors = vec![first.to_string()];
            sectors.extend(sectors_in(rest).into_iter().filter(|s| s != first));
            // Only bodies Herald's curated table knows get their own code in records;
            // the rest are coded as what they are (`IGO`, `NGO`), which a reader can
            // trust, rather than by a block few users could decode.
            let code = organisation
                .filter(|o| is_curated_body(o))
                .unwrap_or_else(|| first.to_string());
            (code, sectors)
        }
        "MNC" => {
            let home = rest.first().filter(|b| is_country(b));
            let code = home.cloned().unwrap_or_default();
            let mut sectors = vec!["BUS".to_string()];
            sectors.extend(sectors_in(rest).into_iter().filter(|s| s != "BUS"));
            (code, sectors)
        }
        "KSV" => ("XKX".to_string(), sectors_in(rest)),
        // Transnational armed groups (`IMG`), regions (`MEA`) and former states (`SUN`,
        // `YUG`) have no country code of today: the entry keeps its sectors and no code.
        "IMG" => (String::new(), {
            let mut sectors = vec!["REB".to_string()];
            sectors.extend(sectors_in(rest).into_iter().filter(|s| s != "REB"));
            sectors
        }),
        _ if is_country(first) && !HISTORICAL.contains(&first) => {
            (first.to_string(), sectors_in(rest))
        }
        _ => (String::new(), sectors_in(rest)),
    };
    Some(Coded {
        code: (!code.is_empty()).then_some(code),
        sectors,
        joint: Vec::new(),
        from: c.from,
        to: c.to,
    })
}

fn kind_name(kind: ActorKind, form: crate::knowledge::actors::ActorForm) -> &'static str {
    use crate::knowledge::actors::ActorForm;
    match (kind, form) {
        (ActorKind::Person, _) => "person",
        (ActorKind::Igo, _) => "igo",
        (ActorKind::Group, _) => "group",
        (ActorKind::Country, ActorForm::Name) => "country",
        (ActorKind::Country, _) => "organ",
        (ActorKind::Agent, _) => "agent",
    }
}

/// One code as Herald's actor file writes it: `USA/GOV,MIL 2009-01-20..2017-01-20`.
fn write_code(out: &mut String, c: &Coded) {
    out.push_str(c.code.as_deref().unwrap_or("-"));
    if !c.sectors.is_empty() {
        out.push('/');
        out.push_str(&c.sectors.join(","));
    }
    if c.from.is_some() || c.to.is_some() {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let _ = write!(out, " {}..{}", day(c.from), day(c.to));
    }
}

/// What a conversion produced and what it noticed.
#[derive(Debug, Default)]
pub struct Conversion {
    /// `data/actors/phoenix/actors.tsv`.
    pub actors: String,
    /// `data/actors/phoenix/agents.tsv`.
    pub agents: String,
    /// Lines repaired or left out, as `file:line: what`.
    pub notes: Vec<String>,
    pub actor_entries: usize,
    pub agent_entries: usize,
}

const ACTORS_HEADER: &str = "\
# Actors from the Phoenix/CAMEO dictionaries (PETRARCH2 project, MIT; see data/NOTICE),
# GENERATED by `scripts/convert-phoenix` — do not edit; put corrections in the curated
# tables (countries.tsv, leaders.tsv, igos.tsv, groups.tsv), which take precedence.
# Columns: kind<TAB>codes<TAB>phrases
#   kind     person | igo | group | organ (a named organ of a state or a company)
#   codes    `; `-separated CODE[/SECTOR,…][ FROM..TO] in Herald's conventions
#            (data/actors/README.md); dates inclusive, open end empty. A person's undated
#            code holds whenever no dated one does.
#   phrases  |-separated, in the capitals the dictionary writes (matched with the
#            Capitalized case rule: words of four or more letters capitalised in text)
";

const AGENTS_HEADER: &str = "\
# Agents (role nouns) from the Phoenix/CAMEO dictionaries (PETRARCH2 project, MIT; see
# data/NOTICE), GENERATED by `scripts/convert-phoenix` — do not edit; the curated
# agents.tsv takes precedence. Same columns as agents.tsv: phrases<TAB>sectors.
";

/// Converts the actor files (in priority order, `(name, text)`) and the agent file.
pub fn phoenix(actor_files: &[(&str, &str)], agent_file: (&str, &str)) -> Conversion {
    let mut out = Conversion {
        actors: ACTORS_HEADER.to_string(),
        agents: AGENTS_HEADER.to_string(),
        ..Conversion::default()
    };
    let mut seen = std::collections::HashSet::new();
    for (name, text) in actor_files {
        let file = actors::read(text);
        for d in &file.defects {
            out.notes.push(format!("{name}:{}: {}", d.line, d.what));
        }
        let _ = writeln!(out.actors, "# --- {name}");
        for actor in &file.actors {
            let codes: Vec<Coded> = actor.codes.iter().filter_map(herald_code).collect();
            if codes.is_empty() {
                continue; // `[---]`: known, not an actor
            }
            let phrases: Vec<&str> = actor
                .phrases
                .iter()
                .map(String::as_str)
                // A phrase an earlier entry took is the earlier entry's (first come,
                // as the lexicon would decide anyway): writing it twice misleads review.
                .filter(|p| seen.insert(p.to_string()))
                // Phrases of one or two letters ("US", "EU") are too ambiguous to take
                // from a bulk list; the curated tables name the ones that matter.
                .filter(|p| p.chars().filter(|c| c.is_alphanumeric()).count() > 2)
                .collect();
            if phrases.is_empty() {
                continue;
            }
            let (kind, form) = kind_of(&codes);
            let phrases: Vec<&str> = if kind == ActorKind::Person {
                phrases
                    .into_iter()
                    .filter(|p| !starts_with_title(p))
                    .collect()
            } else {
                phrases
            };
            if phrases.is_empty() {
                continue;
            }
            if kind == ActorKind::Country && form == crate::knowledge::actors::ActorForm::Name {
                // A bare country code: the country's names, and its cities, regions,
                // rivers and mountains ("PERTH", "MURRAY", "JAFFNA"). Herald's country
                // table and gazetteer already know these as names and places; as actors
                // they would turn every place into a party to events.
                continue;
            }
            out.actors.push_str(kind_name(kind, form));
            out.actors.push('\t');
            for (i, c) in codes.iter().enumerate() {
                if i > 0 {
                    out.actors.push_str("; ");
                }
                write_code(&mut out.actors, c);
            }
            out.actors.push('\t');
            out.actors.push_str(&phrases.join("|"));
            out.actors.push('\n');
            out.actor_entries += 1;
        }
    }
    let (name, text) = agent_file;
    let file = agents::read(text);
    for d in &file.defects {
        out.notes.push(format!("{name}:{}: {}", d.line, d.what));
    }
    for agent in &file.agents {
        let (_, blocks) = super::lexicon::split_code(&agent.code.code);
        let mut sectors: Vec<String> = Vec::new();
        for s in blocks.iter().filter_map(|b| plover_sector(b)) {
            if !sectors.iter().any(|o| o == s) {
                sectors.push(s.to_string());
            }
        }
        if sectors.is_empty() {
            out.notes.push(format!(
                "{name}:{}: agent code '{}' has no sector: left out",
                agent.line, agent.code.code
            ));
            continue;
        }
        let mut forms: Vec<String> = agent.phrases.iter().map(|p| p.to_lowercase()).collect();
        match &agent.plurals {
            Some(listed) => forms.extend(listed.iter().map(|p| p.to_lowercase())),
            None => forms.extend(
                agent
                    .phrases
                    .iter()
                    .map(|p| super::lexicon::plural(p).to_lowercase()),
            ),
        }
        let forms: Vec<String> = forms
            .into_iter()
            .filter(|f| seen.insert(format!("agent:{f}")))
            .collect();
        if forms.is_empty() {
            continue;
        }
        let _ = writeln!(out.agents, "{}\t{}", forms.join("|"), sectors.join(","));
        out.agent_entries += 1;
    }
    out
}
