//! Actor phrases: dictionary terms of one sentence joined into the participants an event
//! can have — "Kenyan police" (adjective + agent noun), "Kenya's president", "the
//! president of Kenya", "Prime Minister Boris Johnson", "police in Nairobi",
//! "Hungarian and Romanian officials" (coordinated adjectives sharing one noun).
//!
//! Works on token indices of one sentence: the dictionary finds terms, this module knows
//! only the little English syntax needed to attach them to each other.

use super::WordList;
use crate::extract::dates;
use crate::knowledge::actors::{ActorForm, ActorKind, ActorLexicon, ActorTerm, JointActor};
use chrono::NaiveDate;

/// A participant candidate in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPhrase {
    /// First and last token (inclusive), sentence-relative.
    pub first: usize,
    pub last: usize,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub code: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
    /// A lone country adjective ("Israeli" in "Israeli airstrikes"): a participant only
    /// as the modifier of an event noun.
    pub bare_adjective: bool,
    /// Preceded by a locative preposition and naming a place ("in Kenya", "at the
    /// Kremlin"): a place, not a participant. "fired at protesters" is not locative.
    pub locative: bool,
    /// A country or capital by name: could be a place.
    pub place_like: bool,
    /// A country by its name ("Lebanon"; not a capital or adjective): the one kind of
    /// place that is also a fallback recipient ("lifted the curfew in Montenegro").
    pub country_name: bool,
    /// The code came from the dictionary (not from sentence or article context).
    pub code_from_text: bool,
    /// Further actors the phrase names (see [`crate::knowledge::actors::ActorEntry::joint`]): each becomes a
    /// participant record of its own beside this one.
    pub joint: Vec<JointActor>,
}

/// Prepositions after which a country or capital names a place, not a participant.
pub const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "into",
    "within",
    "towards",
    "toward",
    "through",
    "over",
];

/// Function words that may not sit between an adjective and its noun.
const NOT_MODIFIERS: &[&str] = &[
    "and", "or", "but", "the", "a", "an", "of", "in", "on", "at", "to", "by", "for", "with",
    "from", "said", "says", "that", "which", "who", "was", "were", "is", "are", "has", "have",
    "had", "will", "would", "could", "not", "also", "have", "been", "be", "after", "before",
];

/// "Lawmakers and officials in Chile and Peru": role nouns coordinated before the one
/// whose complement names the countries hold their roles in the same countries. Each
/// such role phrase still without a country, right before `role` (or before another of
/// them) and joined to it by "and" or a comma, takes `role`'s country, and the further
/// countries (`members`) as joint actors of its own text.
fn coordinated_roles_share_owner(
    out: &mut [ActorPhrase],
    members: &[ActorPhrase],
    role: &ActorPhrase,
    words: &[&str],
) {
    let mut next_first = role.first;
    for prev in out.iter_mut().rev() {
        let Some(between) = words.get(prev.last + 1..next_first) else {
            break;
        };
        let joined = !between.is_empty() && between.iter().all(|w| matches!(*w, "and" | ","));
        if !joined || prev.code.is_some() || prev.sectors.is_empty() || prev.name.is_some() {
            break;
        }
        prev.code.clone_from(&role.code);
        prev.code_from_text = role.code_from_text;
        prev.joint.extend(members.iter().map(|m| JointActor {
            code: m.code.clone(),
            sectors: prev.sectors.clone(),
        }));
        next_first = prev.first;
    }
}

/// Appends the sectors of `added` that `sectors` lacks, in order: PETRARCH writes a
/// sector both codes name once (`USAGOV` with `[~GOV]` stays `USAGOV`).
fn append_new(sectors: &mut Vec<String>, added: &[String]) {
    for s in added {
        if !sectors.contains(s) {
            sectors.push(s.clone());
        }
    }
}

/// Builds the actor phrases of one sentence.
///
/// `words` are the sentence's tokens lowercased, `raw` as written, `spans` their byte
/// offsets; `terms` the dictionary terms inside the sentence; `date` the date used to
/// resolve a person's role.
pub fn build_phrases(
    lexicon: &ActorLexicon,
    terms: &[ActorTerm],
    words: &[&str],
    raw: &[&str],
    spans: &[(usize, usize)],
    date: NaiveDate,
) -> Vec<ActorPhrase> {
    // Map each term to its token range; terms not aligned to tokens are dropped.
    let mut ts: Vec<T> = Vec::with_capacity(terms.len());
    for term in terms {
        let first = spans
            .iter()
            .position(|&(s, e)| s <= term.start && term.start < e.max(s + 1));
        let last = spans.iter().rposition(|&(s, _)| s < term.end);
        if let (Some(first), Some(last)) = (first, last) {
            // Two terms inside one token ("U.S.-led") would overlap on the token grid;
            // keep the first.
            let after_previous = ts.last().is_none_or(|p: &T| first > p.last);
            // "pro-Iranian", "anti-government": a term inside a hyphenated word is not
            // the thing itself.
            let starts_token = spans[first].0 == term.start;
            if first <= last && after_previous && starts_token {
                ts.push(T {
                    first,
                    last,
                    entry: term.entry,
                });
            }
        }
    }

    // In a headline every word is capitalised: unknown names cannot be told from the
    // other words, so none are guessed.
    let headline = is_headline_case(raw);
    let is_modifier = |i: usize| -> bool {
        let w = words[i];
        w.chars().all(|c| c.is_alphabetic() || c == '-') && !NOT_MODIFIERS.has_word(w)
    };
    // Index of the next term starting within `max_gap` modifier tokens after token `after`.
    let next_term_after = |k: usize, after: usize, max_gap: usize| -> Option<usize> {
        let j = k + 1;
        let t = ts.get(j)?;
        let gap = t.first.checked_sub(after + 1)?;
        if gap <= max_gap && (after + 1..t.first).all(is_modifier) {
            Some(j)
        } else {
            None
        }
    };
    // The same after a possessive, where the modifiers may be coordinated ("Iran's
    // supreme and spiritual leader", "Kenya's former, disgraced minister"): up to three
    // modifiers, joined by "and" or commas, the word before the noun a modifier.
    let possessed_term_after = |k: usize, after: usize| -> Option<usize> {
        if let Some(j) = next_term_after(k, after, 2) {
            return Some(j);
        }
        let t = ts.get(k + 1)?;
        let between = words.get(after + 1..t.first)?;
        let modifiers = (after + 1..t.first).filter(|&i| is_modifier(i)).count();
        let coordinated = (after + 1..t.first)
            .all(|i| is_modifier(i) || matches!(words[i], "and" | ","))
            && between.first().is_some_and(|w| !matches!(*w, "and" | ","))
            && between.last().is_some_and(|w| !matches!(*w, "and" | ","));
        (coordinated && (1..=3).contains(&modifiers)).then_some(k + 1)
    };

    let mut out: Vec<ActorPhrase> = Vec::new();
    let mut k = 0;
    while k < ts.len() {
        let t = &ts[k];
        let e = lexicon.entry(t.entry);
        let (code, sectors) = e.resolve(date);
        let mut phrase = ActorPhrase {
            first: t.first,
            last: t.last,
            start: spans[t.first].0,
            end: spans[t.last].1,
            code: code.map(str::to_string),
            sectors: sectors.to_vec(),
            name: person_name(e.kind, e.name.as_deref()),
            bare_adjective: false,
            locative: false,
            place_like: matches!(e.kind, ActorKind::Country)
                && matches!(e.form, ActorForm::Name | ActorForm::Metonym),
            country_name: e.kind == ActorKind::Country && e.form == ActorForm::Name,
            code_from_text: code.is_some(),
            joint: e.joint.clone(),
        };
        let mut consumed = k + 1;
        let mut shared_role: Vec<ActorPhrase> = Vec::new();

        match e.form {
            ActorForm::Adjective => {
                // Coordinated adjectives: "Hungarian and Romanian officials".
                let mut adjectives = vec![k];
                let mut j = k;
                while let Some(n) = ts.get(j + 1) {
                    let sep = &words[ts[j].last + 1..n.first];
                    let joined = !sep.is_empty()
                        && sep.iter().all(|w| matches!(*w, "and" | "," | "or"))
                        && lexicon.entry(n.entry).form == ActorForm::Adjective;
                    if joined {
                        adjectives.push(j + 1);
                        j += 1;
                    } else {
                        break;
                    }
                }
                let last_adj = *adjectives.last().unwrap_or(&k);
                if let Some(n) = next_term_after(last_adj, ts[last_adj].last, 2) {
                    let head = lexicon.entry(ts[n].entry);
                    // "Kenyan police", "Pakistani Prime Minister X", "the Pakistani Taliban".
                    if matches!(head.form, ActorForm::Noun)
                        || matches!(head.kind, ActorKind::Person | ActorKind::Group)
                    {
                        let (head_code, head_sectors) = head.resolve(date);
                        for (idx, &a) in adjectives.iter().enumerate() {
                            let adj = lexicon.entry(ts[a].entry);
                            let last_tok = if idx + 1 == adjectives.len() {
                                ts[n].last
                            } else {
                                ts[a].last
                            };
                            let code = adj.code.clone().or_else(|| head_code.map(str::to_string));
                            out.push(ActorPhrase {
                                first: ts[a].first,
                                last: last_tok,
                                start: spans[ts[a].first].0,
                                end: spans[last_tok].1,
                                code_from_text: code.is_some(),
                                code,
                                sectors: head_sectors.to_vec(),
                                name: person_name(head.kind, head.name.as_deref()),
                                bare_adjective: false,
                                locative: false,
                                place_like: false,
                                country_name: false,
                                joint: Vec::new(),
                            });
                        }
                        k = n + 1;
                        // "Pakistani Prime Minister Shehbaz Sharif": a title noun then a name.
                        extend_with_name(
                            &mut out, lexicon, &ts, &mut k, words, raw, spans, date, headline,
                        );
                        continue;
                    }
                }
                // Not followed by a noun: each adjective stands alone.
                for &a in &adjectives {
                    let adj = lexicon.entry(ts[a].entry);
                    out.push(ActorPhrase {
                        first: ts[a].first,
                        last: ts[a].last,
                        start: spans[ts[a].first].0,
                        end: spans[ts[a].last].1,
                        code: adj.code.clone(),
                        sectors: adj.sectors.clone(),
                        name: None,
                        bare_adjective: true,
                        locative: false,
                        place_like: false,
                        country_name: false,
                        code_from_text: adj.code.is_some(),
                        joint: Vec::new(),
                    });
                }
                k = last_adj + 1;
                continue;
            }
            ActorForm::Name | ActorForm::Metonym if e.kind != ActorKind::Person => {
                // "Kenya's president", "the U.N.'s refugee agency".
                let poss = t.last + 1;
                let possessive = matches!(words.get(poss), Some(&"'s") | Some(&"’s") | Some(&"'"));
                // "U.S. troops", "Kenya police", "U.N. mediator": a name used as a modifier.
                let modifier = !possessive && matches!(e.kind, ActorKind::Country | ActorKind::Igo);
                let after = if possessive {
                    Some(poss)
                } else if modifier {
                    Some(t.last)
                } else {
                    None
                };
                if let Some(after) = after {
                    // A name modifies only the noun right after it: in "Britain deployed
                    // troops" the word between is a verb.
                    // "Nigeria former president Olusegun Obasanjo": "former" may stand
                    // between (the refinements then make the role elite).
                    let former = words.get(after + 1) == Some(&"former");
                    let head = if possessive {
                        possessed_term_after(k, after)
                    } else if former {
                        next_term_after(k, after + 1, 0)
                    } else {
                        next_term_after(k, after, 0)
                    };
                    if let Some(n) = head {
                        let head = lexicon.entry(ts[n].entry);
                        let joins = head.form == ActorForm::Noun
                            || (possessive && head.kind == ActorKind::Person);
                        if joins {
                            let (_, head_sectors) = head.resolve(date);
                            phrase.last = ts[n].last;
                            phrase.end = spans[ts[n].last].1;
                            if e.agent_sectors_append {
                                append_new(&mut phrase.sectors, head_sectors);
                            } else {
                                phrase.sectors = head_sectors.to_vec();
                            }
                            phrase.name = person_name(head.kind, head.name.as_deref());
                            consumed = n + 1;
                        }
                    }
                }
            }
            ActorForm::Noun => {
                // "the president of Kenya", "police in Nairobi".
                let after = t.last + 1;
                let prep = words.get(after).copied();
                // "withdrew troops from Belarus", "the pullout of soldiers from Mali": after
                // a word of leaving, "from X" is the place left, not whose troops they are.
                let leaving = prep == Some("from")
                    && words[t.first.saturating_sub(4)..t.first].iter().any(|w| {
                        ["withdr", "pull", "evacuat", "redeploy", "remov", "retreat"]
                            .iter()
                            .any(|stem| w.starts_with(stem))
                    });
                if matches!(prep, Some("of") | Some("in") | Some("from")) && !leaving {
                    let skip_the = usize::from(words.get(after + 1) == Some(&"the"));
                    if let Some(n) = ts.get(k + 1) {
                        let owner = lexicon.entry(n.entry);
                        let is_country = matches!(owner.kind, ActorKind::Country | ActorKind::Igo)
                            && matches!(owner.form, ActorForm::Name | ActorForm::Metonym);
                        if n.first == after + 1 + skip_the && is_country && phrase.code.is_none() {
                            phrase.code = owner.code.clone();
                            if owner.agent_sectors_append {
                                let role =
                                    std::mem::replace(&mut phrase.sectors, owner.sectors.clone());
                                append_new(&mut phrase.sectors, &role);
                            }
                            phrase.code_from_text = owner.code.is_some();
                            // "the president of Kenya", "soldiers from Chad" are one
                            // phrase; in "police in Nairobi" the place stays a place (the
                            // event's location).
                            // "the ambassadors of France, Germany and Italy",
                            // "lawmakers in Chile and Peru": the role is held for each
                            // country of a list.
                            let mut j = k + 2;
                            let mut prev_last = n.last;
                            let mut members = Vec::new();
                            while let Some(m) = ts.get(j) {
                                let e = lexicon.entry(m.entry);
                                let between = &words[prev_last + 1..m.first];
                                let listed = !between.is_empty()
                                    && between.iter().all(|w| matches!(*w, "," | "and" | "the"))
                                    && matches!(e.kind, ActorKind::Country | ActorKind::Igo)
                                    && e.form == ActorForm::Name;
                                if !listed {
                                    break;
                                }
                                let mut member = phrase.clone();
                                member.first = m.first;
                                member.last = m.last;
                                member.start = spans[m.first].0;
                                member.end = spans[m.last].1;
                                member.code = e.code.clone();
                                member.code_from_text = e.code.is_some();
                                members.push(member);
                                prev_last = m.last;
                                j += 1;
                            }
                            coordinated_roles_share_owner(&mut out, &members, &phrase, words);
                            // A single place after "in" stays a place.
                            if matches!(prep, Some("of") | Some("from")) || !members.is_empty() {
                                phrase.last = n.last;
                                phrase.end = spans[n.last].1;
                                shared_role = members;
                                consumed = j;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        out.push(phrase);
        out.append(&mut shared_role);
        k = consumed;
        extend_with_name(
            &mut out, lexicon, &ts, &mut k, words, raw, spans, date, headline,
        );
    }

    attach_spokespeople(&mut out, words, spans);
    if !headline {
        add_unknown_names(&mut out, words, raw, spans);
    }
    for p in &mut out {
        p.locative = p.place_like && p.first > 0 && LOCATIVE.has_word(words[p.first - 1])
            || p.place_like
                && (p.first > 1
                    && words[p.first - 1] == "the"
                    && LOCATIVE.has_word(words[p.first - 2]));
    }
    out
}

/// A dictionary term placed on the sentence's tokens (first and last token, inclusive).
#[derive(Debug, Clone, Copy)]
struct T {
    first: usize,
    last: usize,
    entry: u32,
}

/// After a role noun written as a title ("President", "Prime Minister"), a known person
/// term or capitalised unknown words are the person's name: the phrase absorbs them.
#[allow(clippy::too_many_arguments)]
fn extend_with_name(
    out: &mut [ActorPhrase],
    lexicon: &ActorLexicon,
    ts: &[T],
    k: &mut usize,
    words: &[&str],
    raw: &[&str],
    spans: &[(usize, usize)],
    date: NaiveDate,
    headline: bool,
) {
    let Some(phrase) = out.last_mut() else { return };
    let title_cased = raw[phrase.last]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if phrase.name.is_some() || phrase.sectors.is_empty() {
        return;
    }
    let next = phrase.last + 1;
    // A known person right after a role ("President Putin", "opposition leader Raila
    // Odinga"); after a capitalised title any name is the holder's ("Prime Minister
    // Israel Katz"), even one a dictionary files under a country code.
    if let Some(&T { first, last, entry }) = ts.get(*k) {
        let holder = lexicon.entry(entry);
        // So it is after a single role that already has its country, capitalised or
        // not ("Israel's defense minister Israel Katz"): a second country cannot follow
        // it directly.
        let owned_role = phrase.code.is_some() && !words[phrase.last].ends_with('s');
        let titled_name = (title_cased || owned_role)
            && !headline
            && holder.form == ActorForm::Name
            && holder.kind == ActorKind::Country;
        if first == next && (holder.kind == ActorKind::Person || titled_name) {
            let person = lexicon.entry(entry);
            let (code, sectors) = person.resolve(date);
            if phrase.code.is_none() {
                phrase.code = code.map(str::to_string);
                phrase.code_from_text = phrase.code.is_some();
            }
            if phrase.sectors.is_empty() {
                phrase.sectors = sectors.to_vec();
            }
            phrase.name = person.name.clone();
            phrase.last = last;
            phrase.end = spans[last].1;
            *k += 1;
            return;
        }
    }
    if !title_cased || headline {
        return; // unknown names after lowercase roles are joined by `add_unknown_names`
    }
    // Unknown capitalised name: "President Vojislav Kostunica".
    let mut last = None;
    let mut i = next;
    while i < raw.len() && i < next + 4 {
        let starts_term = ts.iter().any(|t| t.first == i);
        let w = raw[i];
        let capitalised = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
        if !capitalised || starts_term || words[i] == "the" {
            break;
        }
        last = Some(i);
        i += 1;
    }
    if let Some(last) = last {
        let name_start = spans[next].0;
        let name_end = spans[last].1;
        phrase.last = last;
        phrase.end = name_end;
        let _ = (name_start, lexicon);
        phrase.name = None; // unknown person: kept in entity_text only, never guessed
    }
}

fn person_name(kind: ActorKind, name: Option<&str>) -> Option<String> {
    match kind {
        ActorKind::Person | ActorKind::Group | ActorKind::Igo => name.map(str::to_string),
        _ => None,
    }
}

/// Words that are capitalised without naming anyone.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "mr",
    "mrs",
    "ms",
    "dr",
    "some",
    "many",
    "most",
    "all",
    "both",
    "about",
    "around",
    "nearly",
    "more",
    "tens",
    "thousands",
    "hundreds",
    "dozens",
    "several",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "one",
    "for",
    "from",
    "by",
    "with",
    "to",
    "of",
    "according",
    "meanwhile",
    "however",
    "also",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "since",
];

/// Named people and organisations the dictionaries do not know ("The Homeland Union",
/// "Judge Alejandro Rivera" is caught by the title rule): a run of capitalised words not
/// covered by a phrase. They are kept as participants with their text and no code —
/// never dropped, never guessed. A run may be a place; `place_like` lets the locative
/// rule treat "in Tokyo" as a place.
fn add_unknown_names(
    out: &mut Vec<ActorPhrase>,
    words: &[&str],
    raw: &[&str],
    spans: &[(usize, usize)],
) {
    let covered = |i: usize, out: &[ActorPhrase]| out.iter().any(|p| p.first <= i && i <= p.last);
    let capitalised = |i: usize| {
        let w = raw[i];
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
            && !NOT_NAMES.has_word(words[i].trim_end_matches('.'))
            && !dates::is_weekday_name(words[i])
            && !dates::is_month_name(words[i])
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if covered(i, out) || !capitalised(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        while j < words.len() && !covered(j, out) {
            if capitalised(j) {
                last = j;
                j += 1;
            } else if matches!(words[j], "of" | "for" | "and" | "de" | "al")
                && j + 1 < words.len()
                && capitalised(j + 1)
                && !covered(j + 1, out)
            {
                j += 1;
            } else {
                break;
            }
        }
        // A lone capitalised word opening the sentence is usually an ordinary word.
        let sentence_initial_single = first == 0 && last == first;
        // Right after a role noun or a country adjective the name belongs to that phrase:
        // "foreign minister Dubem Oniya" (a person), "Iraqi Kurds" (a people).
        let owner = (first > 0)
            .then(|| out.iter().position(|p| p.last + 1 == first))
            .flatten();
        if let Some(o) = owner.filter(|&o| !out[o].sectors.is_empty() || out[o].bare_adjective) {
            let p = &mut out[o];
            p.last = last;
            p.end = spans[last].1;
            p.bare_adjective = false;
            p.place_like = false;
            p.country_name = false;
            i = last + 1;
            continue;
        }
        // "King Hassan of Morocco": the name takes the country after "of".
        let of_country = (words.get(last + 1) == Some(&"of"))
            .then(|| out.iter().find(|p| p.first == last + 2 && p.country_name))
            .flatten()
            .map(|p| (p.code.clone(), p.last));
        if let Some((code, country_last)) = of_country {
            out.retain(|p| p.first != last + 2);
            found.push(ActorPhrase {
                first,
                last: country_last,
                start: spans[first].0,
                end: spans[country_last].1,
                code_from_text: code.is_some(),
                code,
                sectors: Vec::new(),
                name: None,
                bare_adjective: false,
                locative: false,
                place_like: false,
                country_name: false,
                joint: Vec::new(),
            });
            i = country_last + 1;
            continue;
        }
        if !sentence_initial_single {
            found.push(ActorPhrase {
                first,
                last,
                start: spans[first].0,
                end: spans[last].1,
                code: None,
                sectors: Vec::new(),
                name: None,
                bare_adjective: false,
                locative: false,
                place_like: true,
                country_name: false,
                code_from_text: false,
                joint: Vec::new(),
            });
        }
        i = last + 1;
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|p| p.first);
    }
}

/// A spokesperson speaks for someone: "a police spokesman" is police (COP), "a spokesman
/// for the Interior Ministry" is the ministry. The phrase joins the one it speaks for;
/// with nobody named it keeps no sector (see `SPOKESPERSON_SECTOR`).
fn attach_spokespeople(out: &mut Vec<ActorPhrase>, words: &[&str], spans: &[(usize, usize)]) {
    use crate::knowledge::actors::SPOKESPERSON_SECTOR;
    let mut i = 0;
    while i < out.len() {
        if !out[i].sectors.iter().any(|s| s == SPOKESPERSON_SECTOR) {
            i += 1;
            continue;
        }
        // "police spokesman", "Kremlin spokesman", "U.N. spokesman".
        if i > 0 && out[i - 1].last + 1 == out[i].first {
            let (last, end) = (out[i].last, out[i].end);
            let owner = &mut out[i - 1];
            owner.last = last;
            owner.end = end;
            owner.bare_adjective = false;
            out.remove(i);
            continue;
        }
        // "spokesman for the Interior Ministry", "spokeswoman of the army".
        let after = out[i].last + 1;
        if matches!(words.get(after), Some(&"for") | Some(&"of")) {
            let start = after + 1 + usize::from(words.get(after + 1) == Some(&"the"));
            if let Some(j) = out.iter().position(|p| p.first == start) {
                let owner = out[j].clone();
                let p = &mut out[i];
                p.code = owner.code;
                p.code_from_text = owner.code_from_text;
                p.sectors = owner.sectors;
                p.name = owner.name;
                p.last = owner.last;
                p.end = spans[owner.last].1;
                out.remove(j);
                i += 1;
                continue;
            }
        }
        out[i].sectors.clear();
        i += 1;
    }
}

/// Whether a sentence is written in headline case (seven in ten words capitalised):
/// capitals then say nothing about names.
pub fn is_headline_case(raw: &[&str]) -> bool {
    let starts = |f: fn(char) -> bool| {
        raw.iter()
            .filter(|w| w.chars().next().is_some_and(f))
            .count()
    };
    let alphabetic = starts(char::is_alphabetic);
    alphabetic > 3 && starts(char::is_uppercase) * 10 >= alphabetic * 7
}
