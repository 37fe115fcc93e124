//! The agents file (`Phoenix.agents.txt`): common nouns naming a role, each with the
//! sector code it adds to whatever country the context gives.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//! FARMER [~AGR]
//! CATTLE!PERSON! [~AGR]
//! CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
//! ARMED_POLICE {} [~COP]
//! PEACEKEEPING_TROOPS {} [IGO~]
//! ```
//!
//! `!NAME! = …` defines a substitution set used inside later phrases. Braces give the
//! plural forms: `{}` says the phrase has none to generate, `{X}` lists irregular ones;
//! without braces PETRARCH generates the regular plural (left to the caller here).
//! `[~COP]` is a sector appended to the country code; `[IGO~]` a prefix put before it.

use std::collections::HashMap;

use super::{codes, content_lines, phrase, DatedCode, Defect};

/// One agent line, with its substitution sets expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub line: usize,
    /// Singular forms (several when a substitution set was used).
    pub phrases: Vec<String>,
    /// `None`: the regular plural is to be generated; `Some`: the plurals the file lists
    /// (empty for `{}`).
    pub plurals: Option<Vec<String>>,
    pub code: DatedCode,
}

#[derive(Debug, Default)]
pub struct AgentFile {
    pub agents: Vec<Agent>,
    pub defects: Vec<Defect>,
}

pub fn read(text: &str) -> AgentFile {
    let mut file = AgentFile::default();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (line, content) in content_lines(text, &mut file.defects) {
        let trimmed = content.trim();
        if let Some((name, values)) = set_definition(trimmed) {
            sets.insert(name, values);
            continue;
        }
        let (before_code, code_part) = match trimmed.find('[') {
            Some(k) => (&trimmed[..k], &trimmed[k..]),
            None => (trimmed, ""),
        };
        let (written, plurals) = match before_code.find('{') {
            Some(k) => {
                let inside = before_code[k + 1..].split('}').next().unwrap_or("");
                let plurals = inside.split(',').filter_map(phrase).collect();
                (&before_code[..k], Some(plurals))
            }
            None => (before_code, None),
        };
        let mut found = codes(code_part, line, &mut file.defects);
        if found.is_empty() {
            file.defects.push(Defect {
                line,
                what: format!("agent '{}' has no code: left out", written.trim()),
            });
            continue;
        }
        if found.len() > 1 {
            file.defects.push(Defect {
                line,
                what: "several codes on an agent: the first kept".into(),
            });
        }
        let code = found.swap_remove(0);
        let phrases: Vec<String> = expand(written.trim(), &sets)
            .iter()
            .filter_map(|p| phrase(p))
            .collect();
        if phrases.is_empty() {
            file.defects.push(Defect {
                line,
                what: format!(
                    "agent '{}' has no readable phrase: left out",
                    written.trim()
                ),
            });
            continue;
        }
        file.agents.push(Agent {
            line,
            phrases,
            plurals,
            code,
        });
    }
    file
}

/// `!PERSON! = MAN, MEN` → ("PERSON", ["MAN", "MEN"]).
fn set_definition(line: &str) -> Option<(String, Vec<String>)> {
    let (name, values) = line.split_once('=')?;
    let name = name.trim().strip_prefix('!')?.strip_suffix('!')?;
    let values = values
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    Some((name.to_string(), values))
}

/// Every phrase a written form with `!SET!` references stands for. An unknown set name
/// is kept as written (and later fails as a phrase only if it has odd characters).
fn expand(written: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = written.find('!') else {
        return vec![written.to_string()];
    };
    let Some(len) = written[start + 1..].find('!') else {
        return vec![written.replace('!', "")];
    };
    let name = &written[start + 1..start + 1 + len];
    let (head, tail) = (&written[..start], &written[start + len + 2..]);
    match sets.get(name) {
        Some(values) => values
            .iter()
            .flat_map(|v| expand(&format!("{head}{v}{tail}"), sets))
            .collect(),
        None => expand(&format!("{head}{name}{tail}"), sets),
    }
}
