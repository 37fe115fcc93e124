//! Actor files (`Phoenix.Countries.actors.txt`, `….International…`, `….MilNonState…`):
//! an entry's first phrase starts a line, `+` lines add synonyms, and its codes follow
//! on the same line or on indented lines of their own:
//!
//! ```text
//! BARACK_OBAMA
//! +PRESIDENT_OBAMA_
//!     [USAELI 780101-000101]
//!     [USAGOV >090120]
//! AFGHANISTAN_  [AFG]
//! ```
//!
//! Root lines in a row with no code between them are one entry.

use super::{codes, content_lines, phrase, DatedCode, Defect};

/// One actor entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Line of the entry's first phrase.
    pub line: usize,
    /// The first phrase, then the synonyms, in file order, without duplicates.
    pub phrases: Vec<String>,
    pub codes: Vec<DatedCode>,
}

/// A read actor file: the entries that have a phrase and a code, and what was repaired
/// or left out.
#[derive(Debug, Default)]
pub struct ActorFile {
    pub actors: Vec<Actor>,
    pub defects: Vec<Defect>,
}

pub fn read(text: &str) -> ActorFile {
    let mut file = ActorFile::default();
    let mut current: Option<Actor> = None;
    for (line, content) in content_lines(text, &mut file.defects) {
        let trimmed = content.trim();
        let (phrase_part, code_part) = match trimmed.find('[') {
            Some(k) => (&trimmed[..k], &trimmed[k..]),
            None => (trimmed, ""),
        };
        let found = codes(code_part, line, &mut file.defects);
        let indented = content.starts_with([' ', '\t']);
        if let Some(rest) = trimmed.strip_prefix('+') {
            let Some(actor) = current.as_mut() else {
                file.defects.push(Defect {
                    line,
                    what: "synonym before any entry: left out".into(),
                });
                continue;
            };
            let rest = rest.split('[').next().unwrap_or("");
            let pieces: Vec<&str> = rest.split('+').filter(|p| !p.trim().is_empty()).collect();
            if pieces.len() > 1 {
                file.defects.push(Defect {
                    line,
                    what: format!("{} synonyms on one line: split", pieces.len()),
                });
            }
            for piece in pieces {
                add_phrase(actor, piece, line, &mut file.defects);
            }
            actor.codes.extend(found);
        } else if indented && phrase_part.trim().is_empty() {
            match current.as_mut() {
                Some(actor) => actor.codes.extend(found),
                None => file.defects.push(Defect {
                    line,
                    what: "codes before any entry: left out".into(),
                }),
            }
        } else if let Some(actor) = current.as_mut().filter(|a| a.codes.is_empty()) {
            // Root lines in a row before any code are one entry written without `+`
            // ("IVO_JOSIPOVIC_", "PRESIDENT_JOSIPOVIC_", then the codes): PETRARCH gives
            // them the codes that follow.
            add_phrase(actor, phrase_part, line, &mut file.defects);
            actor.codes.extend(found);
        } else {
            finish(current.take(), &mut file);
            let mut actor = Actor {
                line,
                phrases: Vec::new(),
                codes: found,
            };
            add_phrase(&mut actor, phrase_part, line, &mut file.defects);
            current = Some(actor);
        }
    }
    finish(current, &mut file);
    file
}

fn add_phrase(actor: &mut Actor, raw: &str, line: usize, defects: &mut Vec<Defect>) {
    match phrase(raw) {
        Some(p) if !actor.phrases.contains(&p) => actor.phrases.push(p),
        Some(_) => {}
        None => defects.push(Defect {
            line,
            what: format!(
                "phrase '{}' has undecodable characters: left out",
                raw.trim()
            ),
        }),
    }
}

fn finish(actor: Option<Actor>, file: &mut ActorFile) {
    let Some(actor) = actor else { return };
    if actor.phrases.is_empty() {
        return; // its only phrase was reported
    }
    if actor.codes.is_empty() {
        file.defects.push(Defect {
            line: actor.line,
            what: format!("'{}' has no code: left out", actor.phrases[0]),
        });
        return;
    }
    file.actors.push(actor);
}
