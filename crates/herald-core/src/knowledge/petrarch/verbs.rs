//! Verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`): synonym sets, verb
//! blocks with their forms, and the patterns that refine a verb's code.
//!
//! ```text
//! &CURRENCY                      a synonym set ("synset") and its members
//! +DOLLARS
//! +SWISS FRANCS
//!
//! --- BREAK [1717] ---           a block and its default code
//! BREAK { BROKE BROKEN }         a verb; braces list all its other forms
//! +BREAK_DOWN {+BROKE_DOWN}      a multi-word verb, `+` on the word that inflects
//! KLM_NOP_+RST [002]             a verb with its own code
//! - * TREATY [161]               a pattern: `*` is the verb
//! - + KNOWN_ * IN_ $ [076]       `+` the target, `$` the source, `_` joins words
//! - % HAVE * [191]               `%` a compound actor
//! - * &CURRENCY [903]            a synset anywhere a word may stand
//! - * (TO BORDER) {ARMS SHIPMENT} [072]   PETRARCH2: a preposition's phrase, a noun phrase
//! ```
//!
//! Codes: `[064]` an event, `[---]` no event (a phrase known to mean nothing), `[032:033]`
//! a pair — the source does `032` to the target and the target `033` to the source (so
//! "left for Minas Tirith" is a visit and a hosting) — with either side possibly empty
//! (`[:173]`: only the target acts on the source). Toy WEIS codes with a letter (`174K`,
//! `075A`) are codes as written.
//!
//! What this reader repairs or leaves out, always reported with the line: a code that is
//! not one (`[+++]`, `[abc]`: the pattern is left out, so the verb's own code applies), a
//! trailing `?` (`[025?]`: dropped), several codes on a block header (the first kept), a
//! pattern without `*` or without a code, a synset used before it is defined, and
//! PETRARCH2's verb transformations (`~ a (a b ATTACK) SAY = a b 015`), which are not
//! applied.

use std::collections::HashMap;

use super::{content_lines, Defect};

/// A verb dictionary code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerbCode {
    /// `[---]`: matched, and means no event.
    Null,
    /// `[064]`, `[174K]`.
    Event(String),
    /// `[032:033]`: the source does the first to the target, the target the second to
    /// the source; either may be absent (`[:173]`).
    Pair {
        forward: Option<String>,
        reverse: Option<String>,
    },
}

/// One element of a pattern or a verb form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// An upper-case word.
    Word(String),
    /// `&NAME`: any member of the synset.
    Synset(String),
    /// `*`: the verb.
    Verb,
    /// `$`: where the source stands.
    Source,
    /// `+`: where the target stands.
    Target,
    /// `%`: a compound actor, acting on its own members.
    Compound,
    /// `^`: one word of anything.
    Skip,
}

/// A pattern: its atoms in order, and for each atom whether it is joined (`_`, `{…}`)
/// to the next one, so that no word may come between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub line: usize,
    /// Index of the block in [`VerbFile::blocks`].
    pub block: usize,
    pub atoms: Vec<Atom>,
    pub joined: Vec<bool>,
    pub code: VerbCode,
}

/// One form of a verb: the inflecting head word and the fixed words around it
/// (`BROKE DOWN`: head `BROKE`, after `[DOWN]`; `WIRE TAPPED`: before `[WIRE]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub before: Vec<String>,
    pub head: String,
    pub after: Vec<String>,
}

/// A verb line: its forms (the written one first) and its own code, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub line: usize,
    pub block: usize,
    pub forms: Vec<Form>,
    /// The verb's own code; `None` takes the block's.
    pub code: Option<VerbCode>,
}

/// A `--- NAME [code] ---` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub name: String,
    pub code: VerbCode,
}

#[derive(Debug, Default)]
pub struct VerbFile {
    pub blocks: Vec<Block>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    /// Synset name (without `&`, upper case) → member phrases (words), plurals included.
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    pub defects: Vec<Defect>,
}

pub fn read(text: &str) -> VerbFile {
    let mut file = VerbFile::default();
    // Synset members may name other synsets (`+&TIETYPES`): kept as written until the
    // end, then expanded.
    let mut raw_sets: Vec<(usize, String, bool, Vec<String>)> = Vec::new();
    let mut open_set: Option<usize> = None;
    for (line, content) in content_lines(text, &mut file.defects) {
        let trimmed = content.trim();
        if let Some(header) = trimmed.strip_prefix("---") {
            open_set = None;
            read_block(header, line, &mut file);
        } else if let Some(name) = trimmed.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("").to_uppercase();
            let no_plural = name.ends_with('_');
            let name = name.trim_end_matches('_').to_string();
            raw_sets.push((line, name, no_plural, Vec::new()));
            open_set = Some(raw_sets.len() - 1);
        } else if let Some(rest) = trimmed.strip_prefix('-') {
            open_set = None;
            read_pattern(rest, line, &mut file);
        } else if trimmed.starts_with('~') {
            file.defects.push(Defect {
                line,
                what: "verb transformation: not applied".into(),
            });
        } else if let (Some(k), Some(member)) = (open_set, trimmed.strip_prefix('+')) {
            raw_sets[k].3.push(member.trim().to_uppercase());
        } else {
            open_set = None;
            read_verb(trimmed, line, &mut file);
        }
    }
    let names: HashMap<String, usize> = raw_sets
        .iter()
        .enumerate()
        .map(|(i, s)| (s.1.clone(), i))
        .collect();
    for (i, (line, name, no_plural, _)) in raw_sets.iter().enumerate() {
        let mut members = Vec::new();
        expand_set(i, &raw_sets, &names, &mut members, 0);
        let mut all: Vec<Vec<String>> = Vec::new();
        for (words, whole) in members {
            if words.is_empty() {
                continue;
            }
            let plural = (!no_plural && !whole)
                .then(|| plural(words.last().expect("not empty")))
                .flatten()
                .map(|last| {
                    let mut p = words.clone();
                    *p.last_mut().expect("not empty") = last;
                    p
                });
            for w in std::iter::once(words).chain(plural) {
                if !all.contains(&w) {
                    all.push(w);
                }
            }
        }
        if all.is_empty() {
            file.defects.push(Defect {
                line: *line,
                what: format!("synset &{name} has no members"),
            });
        }
        file.synsets.insert(name.clone(), all);
    }
    // A pattern naming a synset nobody defined can never match.
    let synsets = &file.synsets;
    let mut undefined = Vec::new();
    file.patterns.retain(|p| {
        let missing = p.atoms.iter().find_map(|a| match a {
            Atom::Synset(s) if !synsets.contains_key(s) => Some(s.clone()),
            _ => None,
        });
        let keep = missing.is_none();
        if let Some(s) = missing {
            undefined.push(Defect {
                line: p.line,
                what: format!("synset &{s} is not defined: pattern left out"),
            });
        }
        keep
    });
    file.defects.extend(undefined);
    file.defects.sort_by_key(|d| d.line);
    file
}

/// Members of a synset as words, with whether the member is a whole word (a trailing
/// `_`: no plural); embedded synsets are expanded (to a depth of 4).
fn expand_set(
    i: usize,
    sets: &[(usize, String, bool, Vec<String>)],
    names: &HashMap<String, usize>,
    out: &mut Vec<(Vec<String>, bool)>,
    depth: usize,
) {
    for m in &sets[i].3 {
        if let Some(name) = m.strip_prefix('&') {
            let name = name.trim_end_matches('_');
            if let Some(&j) = names.get(name) {
                if depth < 4 && j != i {
                    expand_set(j, sets, names, out, depth + 1);
                }
            }
            continue;
        }
        let whole = m.ends_with('_');
        let words: Vec<String> = m
            .split(['_', ' '])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        out.push((words, whole));
    }
}

/// The plural of a synset noun as PETRARCH forms it (`-Y` → `-IES`, else `-S`); none
/// for a word already ending in `S` ("DOLLARS", "FRANCS"), which PETRARCH would mangle.
fn plural(word: &str) -> Option<String> {
    if word.ends_with('S') || !word.chars().all(|c| c.is_alphabetic()) {
        None
    } else if let Some(stem) = word.strip_suffix('Y') {
        Some(format!("{stem}IES"))
    } else {
        Some(format!("{word}S"))
    }
}

fn read_block(header: &str, line: usize, file: &mut VerbFile) {
    let header = header.trim().trim_end_matches('-').trim();
    let name = header
        .split('[')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('_')
        .to_string();
    let codes = bracketed(header);
    if codes.len() > 1 {
        file.defects.push(Defect {
            line,
            what: format!("{} codes on block {name}: the first kept", codes.len()),
        });
    }
    let code = match codes.first() {
        Some(c) => verb_code(c, line, &mut file.defects).unwrap_or(VerbCode::Null),
        None => VerbCode::Null,
    };
    file.blocks.push(Block { line, name, code });
}

/// The contents of every `[…]` of a line.
fn bracketed(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                out.push(after[..close].trim());
                rest = &after[close + 1..];
            }
            None => {
                out.push(after.trim());
                break;
            }
        }
    }
    out
}

/// `064`, `174K`, `---`, `032:033`, `:173`; `None` (reported) for anything else.
fn verb_code(inner: &str, line: usize, defects: &mut Vec<Defect>) -> Option<VerbCode> {
    let inner = inner.trim();
    if !inner.is_empty() && inner.chars().all(|c| c == '-') {
        return Some(VerbCode::Null);
    }
    if let Some((a, b)) = inner.split_once(':') {
        let side = |s: &str, defects: &mut Vec<Defect>| -> Result<Option<String>, ()> {
            let s = s.trim();
            if s.is_empty() || s.chars().all(|c| c == '-') {
                Ok(None)
            } else {
                single_code(s, line, defects).map(Some).ok_or(())
            }
        };
        let forward = side(a, defects).ok()?;
        let reverse = side(b, defects).ok()?;
        if forward.is_none() && reverse.is_none() {
            return Some(VerbCode::Null);
        }
        return Some(VerbCode::Pair { forward, reverse });
    }
    single_code(inner, line, defects).map(VerbCode::Event)
}

fn single_code(s: &str, line: usize, defects: &mut Vec<Defect>) -> Option<String> {
    let valid = |s: &str| {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        (2..=4).contains(&digits)
            && s.len() - digits <= 1
            && s[digits..].bytes().all(|b| b.is_ascii_alphabetic())
    };
    if valid(s) {
        return Some(s.to_string());
    }
    if let Some(stem) = s.strip_suffix(['?', '!']).filter(|t| valid(t)) {
        defects.push(Defect {
            line,
            what: format!("code [{s}] has a stray mark: read as [{stem}]"),
        });
        return Some(stem.to_string());
    }
    defects.push(Defect {
        line,
        what: format!("[{s}] is not an event code: left out"),
    });
    None
}

fn read_pattern(rest: &str, line: usize, file: &mut VerbFile) {
    let Some(block) = file.blocks.len().checked_sub(1) else {
        file.defects.push(Defect {
            line,
            what: "pattern before any verb block: left out".into(),
        });
        return;
    };
    let (body, code_text) = match rest.rfind('[') {
        Some(k) => (&rest[..k], bracketed(&rest[k..]).first().copied()),
        None => (rest, None),
    };
    let Some(code_text) = code_text else {
        file.defects.push(Defect {
            line,
            what: "pattern without a code: left out".into(),
        });
        return;
    };
    let Some(code) = verb_code(code_text, line, &mut file.defects) else {
        return; // reported by verb_code
    };
    let (atoms, joined) = atoms(body);
    if atoms.iter().filter(|a| **a == Atom::Verb).count() != 1 {
        file.defects.push(Defect {
            line,
            what: format!("pattern '{}' has no single '*': left out", body.trim()),
        });
        return;
    }
    file.patterns.push(Pattern {
        line,
        block,
        atoms,
        joined,
        code,
    });
}

/// A pattern body as atoms. Tokens are split on spaces; `_` and `{…}` join words;
/// parentheses only group (each word still stands alone).
fn atoms(body: &str) -> (Vec<Atom>, Vec<bool>) {
    let mut atoms = Vec::new();
    let mut joined: Vec<bool> = Vec::new();
    let mut in_braces = false;
    for token in body.split_whitespace() {
        let opens = token.starts_with('{') || token.starts_with("({");
        if opens {
            in_braces = true;
        }
        let closes = token.contains('}');
        let clean: String = token
            .chars()
            .filter(|c| !matches!(c, '(' | ')' | '{' | '}'))
            .collect();
        // `*SCEPTICAL`: a verb marker written against its word is two atoms.
        let clean = match clean.strip_prefix('*') {
            Some(rest) if !rest.is_empty() && !rest.starts_with('_') => format!("*_{rest}"),
            _ => clean,
        };
        let pieces: Vec<&str> = clean.split('_').collect();
        let mut first_of_token = true;
        for piece in pieces.iter().filter(|p| !p.is_empty()) {
            if !first_of_token {
                if let Some(j) = joined.last_mut() {
                    *j = true;
                }
            }
            first_of_token = false;
            let atom = match *piece {
                "*" => Atom::Verb,
                "$" => Atom::Source,
                "+" => Atom::Target,
                "%" => Atom::Compound,
                "^" => Atom::Skip,
                p => match p.strip_prefix('&') {
                    Some(name) => Atom::Synset(name.trim_end_matches('_').to_uppercase()),
                    None => Atom::Word(p.to_uppercase()),
                },
            };
            atoms.push(atom);
            joined.push(false);
        }
        // A word ending in `_` joins the next only when it is inside braces.
        if in_braces && !closes && !atoms.is_empty() {
            if let Some(j) = joined.last_mut() {
                *j = true;
            }
        }
        if closes {
            in_braces = false;
        }
    }
    (atoms, joined)
}

fn read_verb(text: &str, line: usize, file: &mut VerbFile) {
    let Some(block) = file.blocks.len().checked_sub(1) else {
        file.defects.push(Defect {
            line,
            what: format!("verb '{text}' before any block: left out"),
        });
        return;
    };
    let (before_code, code) = match text.find('[') {
        Some(k) => {
            let inner = bracketed(&text[k..]);
            let code = inner
                .first()
                .and_then(|c| verb_code(c, line, &mut file.defects));
            (&text[..k], code)
        }
        None => (text, None),
    };
    let (written, listed) = match before_code.find('{') {
        Some(k) => {
            let inside = before_code[k + 1..].split('}').next().unwrap_or("");
            (&before_code[..k], Some(inside))
        }
        None => (before_code, None),
    };
    let written = written.trim();
    if written.is_empty() || written.split_whitespace().count() > 1 && !written.contains('_') {
        // "LASH OUT": a two-word verb written with a space; read like `+LASH_OUT`.
        if written.split_whitespace().count() > 1 {
            let joined = written.split_whitespace().collect::<Vec<_>>().join("_");
            return read_verb(&format!("+{joined} {}", &text[written.len()..]), line, file);
        }
        file.defects.push(Defect {
            line,
            what: "verb line without a verb: left out".into(),
        });
        return;
    }
    let Some(base) = form(written) else {
        file.defects.push(Defect {
            line,
            what: format!("verb '{written}' is unreadable: left out"),
        });
        return;
    };
    let mut forms = vec![base.clone()];
    match listed {
        Some(listed) => {
            // Some lists separate their forms with commas as well as spaces.
            for w in listed.split([' ', '\t', ',']).filter(|w| !w.is_empty()) {
                match form(w) {
                    Some(f) if !forms.contains(&f) => forms.push(f),
                    Some(_) => {}
                    None => file.defects.push(Defect {
                        line,
                        what: format!("form '{w}' is unreadable: left out"),
                    }),
                }
            }
        }
        None => {
            for head in regular_forms(&base.head) {
                let f = Form {
                    head,
                    ..base.clone()
                };
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
        }
    }
    file.verbs.push(Verb {
        line,
        block,
        forms,
        code,
    });
}

/// `BREAK`, `+BREAK_DOWN`, `WIRE_+TAPPED`, `RE_+ARREST` → a form (upper case).
fn form(written: &str) -> Option<Form> {
    let words: Vec<&str> = written.split('_').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    let head_at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |w: &str| w.trim_start_matches('+').to_uppercase();
    let head = clean(words[head_at]);
    if head.is_empty()
        || !head
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
    {
        return None;
    }
    Some(Form {
        before: words[..head_at].iter().map(|w| clean(w)).collect(),
        head,
        after: words[head_at + 1..].iter().map(|w| clean(w)).collect(),
    })
}

/// PETRARCH's regular forms of a verb without listed forms: `-S`/`-ES`/`-IES`,
/// `-D`/`-ED`, `-ING` (a silent `-E` dropped after a consonant).
fn regular_forms(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    if stem.ends_with(['S', 'X', 'Z']) {
        out.push(format!("{stem}ES"));
    } else if let Some(s) = stem.strip_suffix('Y') {
        out.push(format!("{s}IES"));
    } else {
        out.push(format!("{stem}S"));
    }
    if stem.ends_with('E') {
        out.push(format!("{stem}D"));
    } else {
        out.push(format!("{stem}ED"));
    }
    let bytes = stem.as_bytes();
    if stem.ends_with('E') && bytes.len() >= 2 && !b"AEIOU".contains(&bytes[bytes.len() - 2]) {
        out.push(format!("{}ING", &stem[..stem.len() - 1]));
    } else {
        out.push(format!("{stem}ING"));
    }
    out
}
