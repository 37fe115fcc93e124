//! In-document actor learning: what an article says about a person or group once, it
//! means for the rest of the article.
//!
//! Wire copy introduces a person once with a title or an apposition — "Pakistani Prime
//! Minister Shehbaz Sharif", "Shehbaz Sharif, Pakistan's prime minister,", "Kenzo Oshima,
//! the United Nations Emergency Relief Coordinator," — and afterwards writes "Sharif",
//! "the premier" or "he". The dictionaries alone code none of those later mentions (or
//! code them from a name guess); the article itself says who they are.
//!
//! [`ArticleMemory`] is per-article state, fed one sentence at a time in text order, right
//! after the sentence's phrases are built and before role nouns take a country from
//! context. For each sentence it
//! 1. learns from titles and appositions (and from dictionary persons named in full), and
//!    gives the introduced name the code and sector the introduction states — in-text
//!    evidence beats a dictionary guess ("Oshima, the UN relief coordinator" is the UN);
//! 2. resolves later mentions: the full name again; the surname alone, when no other
//!    learned person shares it; "the <role>" ("the premier", "the minister") to the most
//!    recently mentioned person holding that role; and "he"/"she" opening a clause, when
//!    exactly one person was mentioned before it (in its sentence, else in the previous
//!    sentence) and that person is learned.
//!
//! A resolved mention keeps its own text and offsets (provenance) and takes the learned
//! code, sectors and full name. Nothing is guessed: an unknown name with no title or
//! apposition stays uncoded, and any ambiguity leaves a mention as it was.

use super::phrases::ActorPhrase;
use super::SentenceView;
use super::WordList;
use crate::knowledge::actors::ActorKind;

/// One person or group the article has introduced.
#[derive(Debug, Clone)]
struct Learned {
    /// The full name as written first ("Shehbaz Sharif").
    name: String,
    /// The lowercased full name, to recognise the name written again.
    key: String,
    /// Lowercased last word of a person's name ("sharif"); empty when the name does not
    /// end in a surname (a group: "Islamic Salvation Front").
    surname: String,
    code: Option<String>,
    /// The code was stated by the text (a country, body or group), not taken from context.
    code_from_text: bool,
    sectors: Vec<String>,
    /// Normalised role noun ("prime minister"), for "the premier".
    role: Option<String>,
    /// (sentence, token) of the latest mention, for "the most recent" person in a role.
    last_seen: (usize, usize),
    /// Introduced by a title or an apposition: the text's own statement, which a
    /// dictionary's view of the same name does not overwrite.
    stated: bool,
}

/// One sentence's person mentions: the learned person, or `None` for a person-like name
/// the article has not introduced (which makes a later "he" ambiguous).
type Mentions = Vec<(usize, Option<usize>)>;

/// Per-article memory of introduced persons and groups (see the module docs).
#[derive(Debug, Default)]
pub struct ArticleMemory {
    persons: Vec<Learned>,
    /// Person mentions of the last sentence seen, and its index.
    previous: Mentions,
    previous_seq: Option<usize>,
}

/// What a phrase is made of, from the dictionary terms inside it.
#[derive(Debug, Clone, Default)]
struct Shape {
    /// The last role noun inside the phrase, lowercased ("prime minister").
    role: Option<String>,
    /// Token after the last role noun: where a title's name begins.
    role_end: Option<usize>,
    /// A dictionary person inside the phrase.
    person: Option<u32>,
    /// Kind of the first term of the phrase.
    first_kind: Option<ActorKind>,
    /// The phrase is the name of a place in the gazetteer.
    place: bool,
}

/// Last words of names of groups, offices and events: such a name has no surname.
const NOT_SURNAMES: &[&str] = &[
    "front",
    "union",
    "party",
    "movement",
    "army",
    "group",
    "council",
    "committee",
    "brigade",
    "brigades",
    "organization",
    "organisation",
    "league",
    "alliance",
    "force",
    "forces",
    "guard",
    "agency",
    "ministry",
    "office",
    "court",
    "bank",
    "company",
    "corporation",
    "news",
    "times",
    "post",
    "street",
    "square",
    "city",
    "university",
    "hospital",
    "state",
    "republic",
];

/// Words inside an apposition, besides its phrases, that keep it an apposition ("X, *a
/// senior* Hamas commander,"). Anything else (a verb, "who", "former") means the words
/// after the comma are not a plain statement of who X is now.
const APPOSITION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "'s",
    "’s",
    "'",
    "of",
    "top",
    "senior",
    "chief",
    "new",
    "acting",
    "veteran",
    "powerful",
    "longtime",
    "influential",
    "prominent",
    "country's",
    "country’s",
    "nation's",
    "nation’s",
    "military",
    "militant",
    "rebel",
    "local",
    "regional",
    "national",
    "provincial",
    "deputy",
    "interim",
    "caretaker",
    "its",
    "their",
];

/// Tokens after which a subject pronoun opens a clause ("…, and he said", "said he would").
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", "and", "but", "that", "said", "says", "saying", "added", "while", "when", "because",
    "although", "though", "after", "before", "as",
];

impl ArticleMemory {
    pub fn new() -> ArticleMemory {
        ArticleMemory::default()
    }

    /// Learns from the sentence and resolves its mentions of persons learned so far
    /// (module docs). Call once per sentence, in text order, before role nouns take a
    /// country from context.
    pub fn process_sentence(&mut self, s: &SentenceView, phrases: &mut Vec<ActorPhrase>) {
        // A sentence skipped in between (a discard) breaks the chain "he" relies on.
        if self.previous_seq.is_some_and(|p| p + 1 != s.seq) {
            self.previous.clear();
        }
        let shapes: Vec<Shape> = phrases.iter().map(|p| shape_of(p, s)).collect();
        let mut mentions: Mentions = Vec::new();
        // First tokens of apposition phrases (stable while phrases are inserted).
        let mut appositive_roles: Vec<usize> = Vec::new();

        // 1. Introductions: titles, appositions, dictionary persons.
        for i in 0..phrases.len() {
            if let Some((learned, described_by)) = introduction(i, phrases, &shapes, s) {
                let idx = self.remember(learned, (s.seq, phrases[i].first));
                apply(&mut phrases[i], &self.persons[idx]);
                mentions.push((phrases[i].first, Some(idx)));
                appositive_roles.extend(described_by.iter().map(|&r| phrases[r].first));
            }
        }

        // 2. Later mentions: the name again, the surname, "the <role>".
        for i in 0..phrases.len() {
            if mentions.iter().any(|&(t, _)| t == phrases[i].first)
                || appositive_roles.contains(&phrases[i].first)
            {
                continue;
            }
            let p = &phrases[i];
            let text = phrase_text(p, s);
            let by_name = self.by_name(&text, p, &shapes[i], s);
            let found = by_name.or_else(|| self.by_role(p, &shapes[i], s));
            match found {
                Some(idx) => {
                    self.persons[idx].last_seen = (s.seq, p.first);
                    apply(&mut phrases[i], &self.persons[idx]);
                    mentions.push((phrases[i].first, Some(idx)));
                }
                None if is_unknown_person_like(p, &shapes[i]) => {
                    mentions.push((p.first, None));
                }
                None => {}
            }
        }
        // A surname opening the sentence is no phrase ("Sharif said …": a lone
        // capitalised first word is usually an ordinary word).
        if !phrases.iter().any(|p| p.first == 0) {
            if let Some(idx) = self.surname_at(0, s) {
                let p = self.new_phrase(0, idx, s);
                self.persons[idx].last_seen = (s.seq, 0);
                phrases.insert(0, p);
                mentions.push((0, Some(idx)));
            }
        }

        // 3. "he"/"she" opening a clause.
        mentions.sort_by_key(|m| m.0);
        let mut resolved_pronouns: Vec<(usize, usize)> = Vec::new();
        for (t, w) in s.words.iter().enumerate() {
            if !matches!(*w, "he" | "she") || phrases.iter().any(|p| p.first <= t && t <= p.last) {
                continue;
            }
            if t > 0 && !CLAUSE_OPENERS.has_word(s.words[t - 1]) {
                continue;
            }
            let before: Vec<Option<usize>> = mentions
                .iter()
                .filter(|m| m.0 < t)
                .map(|m| m.1)
                .chain(
                    resolved_pronouns
                        .iter()
                        .filter(|r| r.0 < t)
                        .map(|r| Some(r.1)),
                )
                .collect();
            let pool: Vec<Option<usize>> = if before.is_empty() {
                self.previous.iter().map(|m| m.1).collect()
            } else {
                before
            };
            // One person, however often named; an unintroduced name makes "he" ambiguous.
            if let Some(&Some(idx)) = pool.first() {
                if pool.iter().all(|m| *m == Some(idx)) {
                    resolved_pronouns.push((t, idx));
                }
            }
        }
        for &(t, idx) in &resolved_pronouns {
            let p = self.new_phrase(t, idx, s);
            self.persons[idx].last_seen = (s.seq, t);
            let at = phrases.partition_point(|q| q.first < t);
            phrases.insert(at, p);
            mentions.push((t, Some(idx)));
        }
        // An apposition describes the name before it; it is not a second participant
        // ("rejected calls by Kofi Annan, UN secretary-general" has one recipient).
        if !appositive_roles.is_empty() {
            phrases.retain(|p| !appositive_roles.contains(&p.first));
        }
        mentions.sort_by_key(|m| m.0);
        self.previous = mentions;
        self.previous_seq = Some(s.seq);
    }

    /// Adds a learned person, or updates the one with the same name (a later title or
    /// apposition is the text's latest word on who they are). Returns its index.
    fn remember(&mut self, learned: Learned, seen: (usize, usize)) -> usize {
        let same = self.persons.iter().position(|p| {
            p.key == learned.key
                // "Prime Minister Sharif" after "Shehbaz Sharif": the surname of one
                // learned person, written with a title.
                || (!learned.key.contains(' ') && learned.key == p.surname
                    && self.persons.iter().filter(|q| q.surname == learned.key).count() == 1)
        });
        match same {
            Some(i) => {
                let p = &mut self.persons[i];
                if p.stated && !learned.stated {
                    p.last_seen = seen;
                    return i;
                }
                if learned.code_from_text || !p.code_from_text {
                    p.code = learned.code;
                    p.code_from_text = learned.code_from_text;
                    p.sectors = learned.sectors;
                }
                if learned.role.is_some() {
                    p.role = learned.role;
                }
                p.last_seen = seen;
                p.stated |= learned.stated;
                i
            }
            None => {
                self.persons.push(Learned {
                    last_seen: seen,
                    ..learned
                });
                self.persons.len() - 1
            }
        }
    }

    /// A learned person named again: the full name, or the surname alone when exactly
    /// one learned person has it. Only names the dictionaries do not tie to a country of
    /// their own are resolved (an unknown name, or a dictionary person's name).
    fn by_name(
        &self,
        text: &str,
        p: &ActorPhrase,
        shape: &Shape,
        s: &SentenceView,
    ) -> Option<usize> {
        let nameish = is_unknown_name(p, shape)
            || (shape.person.is_some()
                && shape.role.is_none()
                && shape.first_kind == Some(ActorKind::Person));
        if !nameish {
            return None;
        }
        let key = text.to_lowercase();
        if let Some(i) = self.persons.iter().position(|q| q.key == key) {
            return Some(i);
        }
        if p.first == p.last {
            return self.surname_at(p.first, s);
        }
        // "Mr Sharif" is covered above; "Sharif's" is the surname with a possessive token.
        None
    }

    /// Token `t` as the unique surname of a learned person, standing alone (not inside a
    /// longer run of capitalised words).
    fn surname_at(&self, t: usize, s: &SentenceView) -> Option<usize> {
        let raw = *s.raw.get(t)?;
        if !raw.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let capitalised = |i: usize| {
            s.raw
                .get(i)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        let title_before = t > 0
            && matches!(
                s.words[t - 1],
                "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr."
            );
        if capitalised(t + 1) || (t > 0 && capitalised(t - 1) && !title_before) {
            return None;
        }
        let word = s.words[t];
        let mut found = self
            .persons
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.surname.is_empty() && q.surname == word);
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// "the premier", "the minister": a bare role noun with the definite article and no
    /// country of its own, resolved to the most recently mentioned learned person holding
    /// that role — unless another holder was mentioned in the same sentence as that one.
    fn by_role(&self, p: &ActorPhrase, shape: &Shape, s: &SentenceView) -> Option<usize> {
        let role = shape.role.as_deref()?;
        let bare = p.code.is_none()
            && p.name.is_none()
            && shape.first_kind == Some(ActorKind::Agent)
            && shape.role_end == Some(p.last + 1)
            && p.first > 0
            && s.words[p.first - 1] == "the";
        if !bare {
            return None;
        }
        let mut holders: Vec<usize> = (0..self.persons.len())
            .filter(|&i| {
                self.persons[i]
                    .role
                    .as_deref()
                    .is_some_and(|r| role_matches(r, role))
            })
            .collect();
        holders.sort_by_key(|&i| std::cmp::Reverse(self.persons[i].last_seen));
        let best = *holders.first()?;
        let tie = holders
            .get(1)
            .is_some_and(|&j| self.persons[j].last_seen.0 == self.persons[best].last_seen.0);
        (!tie).then_some(best)
    }

    fn new_phrase(&self, t: usize, idx: usize, s: &SentenceView) -> ActorPhrase {
        let mut p = ActorPhrase {
            first: t,
            last: t,
            start: s.spans[t].0,
            end: s.spans[t].1,
            code: None,
            sectors: Vec::new(),
            name: None,
            bare_adjective: false,
            locative: false,
            place_like: false,
            country_name: false,
            code_from_text: false,
            joint: Vec::new(),
        };
        apply(&mut p, &self.persons[idx]);
        p
    }
}

/// Gives a mention the learned person's code, sectors and full name; its text and offsets
/// stay its own.
fn apply(p: &mut ActorPhrase, who: &Learned) {
    p.code = who.code.clone();
    p.code_from_text = who.code_from_text;
    p.sectors = who.sectors.clone();
    p.name = Some(who.name.clone());
    p.place_like = false;
    p.country_name = false;
    p.bare_adjective = false;
}

fn phrase_text(p: &ActorPhrase, s: &SentenceView) -> String {
    let mut out = String::new();
    for (i, w) in s.raw[p.first..=p.last].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// An unknown capitalised name: a phrase no dictionary term coded.
fn is_unknown_name(p: &ActorPhrase, shape: &Shape) -> bool {
    p.code.is_none()
        && p.sectors.is_empty()
        && p.name.is_none()
        && !p.bare_adjective
        && shape.first_kind.is_none()
}

/// A mention that could be a person the article has not introduced: a dictionary person,
/// or an unknown name that is not a known place.
fn is_unknown_person_like(p: &ActorPhrase, shape: &Shape) -> bool {
    shape.person.is_some() || (is_unknown_name(p, shape) && !shape.place && !p.locative)
}

fn shape_of(p: &ActorPhrase, s: &SentenceView) -> Shape {
    let mut shape = Shape::default();
    let token_of = |byte: usize| s.spans.partition_point(|&(_, e)| e <= byte);
    for t in s.terms {
        let first = token_of(t.start);
        if first < p.first || first > p.last {
            continue;
        }
        let last = token_of(t.end.saturating_sub(1)).min(p.last);
        let e = s.lexicon.entry(t.entry);
        if shape.first_kind.is_none() {
            shape.first_kind = Some(e.kind);
        }
        match e.kind {
            ActorKind::Agent if !e.is_spokesperson() => {
                let mut role = String::new();
                for (i, w) in s.words[first..=last].iter().enumerate() {
                    if i > 0 {
                        role.push(' ');
                    }
                    role.push_str(w);
                }
                shape.role = Some(normalise_role(&role));
                shape.role_end = Some(last + 1);
            }
            ActorKind::Person => shape.person = Some(t.entry),
            _ => {}
        }
    }
    shape.place = s
        .places
        .in_range(p.start, p.end)
        .any(|(_, m)| m.start == p.start && m.end == p.end);
    shape
}

/// One spelling per role: "premier" is "prime minister", plurals are singular.
fn normalise_role(role: &str) -> String {
    match role {
        "premier" | "head of government" => "prime minister".into(),
        "head of state" => "president".into(),
        "defense minister" => "defence minister".into(),
        r => r
            .strip_suffix('s')
            .filter(|_| r.ends_with("ers"))
            .unwrap_or(r)
            .to_string(),
    }
}

/// Whether a learned role is what "the <mention>" refers to: the same role, or a
/// narrower one ("foreign minister" is "the minister") — but a prime minister or a
/// deputy is not "the minister".
fn role_matches(learned: &str, mention: &str) -> bool {
    if learned == mention {
        return true;
    }
    let Some(prefix) = learned.strip_suffix(mention) else {
        return false;
    };
    let Some(prefix) = prefix.strip_suffix(' ') else {
        return false;
    };
    !prefix.split(' ').any(|w| {
        matches!(
            w,
            "prime" | "deputy" | "vice" | "former" | "assistant" | "junior" | "state"
        )
    })
}

/// Whether a lowercase-word apposition or title word marks a past role ("former").
fn past_marker(w: &str) -> bool {
    matches!(
        w,
        "former" | "ex" | "then" | "late" | "ousted" | "deposed" | "outgoing"
    )
}

/// If phrase `i` introduces a person or group — a title with a name, a name with an
/// apposition, or a dictionary person — what the text says about them, and the indices
/// of the apposition's phrases (which mention nobody else: "a *Hamas* *commander*").
fn introduction(
    i: usize,
    phrases: &[ActorPhrase],
    shapes: &[Shape],
    s: &SentenceView,
) -> Option<(Learned, Vec<usize>)> {
    let p = &phrases[i];
    let shape = &shapes[i];
    let before = |t: usize| t.checked_sub(1).map(|b| s.words[b]);
    if before(p.first).is_some_and(past_marker) {
        return None;
    }
    // "Name, <apposition>,".
    let nameish = is_unknown_name(p, shape)
        || (shape.person.is_some()
            && shape.first_kind == Some(ActorKind::Person)
            && shape.role.is_none());
    if nameish && !shape.place && !p.locative {
        if let Some(found) = apposition(i, phrases, shapes, s) {
            return Some(found);
        }
        if let Some(learned) = role_before_name(i, phrases, shapes, s) {
            return Some((learned, Vec::new()));
        }
    }
    // "Pakistani Prime Minister Shehbaz Sharif", "opposition leader Raila Odinga": a role
    // noun and then the name, inside one phrase.
    if let (Some(role), Some(name_from)) = (&shape.role, shape.role_end) {
        if name_from <= p.last {
            // The name ends where a lowercase word begins ("King Hassan of Morocco").
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let name_len = s.raw[name_from..=p.last]
                .iter()
                .take_while(|w| capitalised(w))
                .count();
            let rest = &s.raw[name_from + name_len..=p.last];
            let of_country =
                rest.first() == Some(&"of") && rest[1..].iter().all(|w| capitalised(w));
            let name_tokens = &s.raw[name_from..name_from + name_len];
            if name_len > 0 && (rest.is_empty() || of_country) {
                let name = match shape.person {
                    Some(e) => s.lexicon.entry(e).name.clone(),
                    None => None,
                }
                .unwrap_or_else(|| name_tokens.join(" "));
                let mut learned = learned_from(
                    &name,
                    p.code.clone(),
                    p.code_from_text,
                    p.sectors.clone(),
                    Some(role.clone()),
                );
                learned.stated = true;
                return Some((learned, Vec::new()));
            }
        }
    }
    // A dictionary person named alone: learned as the dictionary codes them on the date.
    if let Some(e) = shape.person {
        if shape.role.is_none() && shape.first_kind == Some(ActorKind::Person) {
            let entry = s.lexicon.entry(e);
            let name = entry.name.clone().unwrap_or_else(|| phrase_text(p, s));
            let role = entry.tenure_on(s.date).map(|t| normalise_role(&t.role));
            return Some((
                learned_from(
                    &name,
                    p.code.clone(),
                    p.code_from_text,
                    p.sectors.clone(),
                    role,
                ),
                Vec::new(),
            ));
        }
    }
    None
}

fn learned_from(
    name: &str,
    code: Option<String>,
    code_from_text: bool,
    sectors: Vec<String>,
    role: Option<String>,
) -> Learned {
    let key = name.to_lowercase();
    let last = key.rsplit([' ', '-']).next().unwrap_or("").to_string();
    let words = key.split(' ').count();
    let surname = if words <= 4 && !NOT_SURNAMES.has_word(last.as_str()) && last.len() > 1 {
        last
    } else {
        String::new()
    };
    Learned {
        name: name.to_string(),
        key,
        surname,
        code,
        code_from_text,
        sectors: sectors.into_iter().filter(|s| s != "SPOKES").collect(),
        role,
        last_seen: (0, 0),
        stated: false,
    }
}

/// "Kenya's interior minister, Kipchumba Murkomen, said": the name in commas after a role
/// phrase is the person holding it. The role phrase stays the clause's subject; the name
/// learns its code, sector and role.
fn role_before_name(
    i: usize,
    phrases: &[ActorPhrase],
    shapes: &[Shape],
    s: &SentenceView,
) -> Option<Learned> {
    let p = &phrases[i];
    if p.first < 2 || s.words[p.first - 1] != "," || s.words.get(p.last + 1) != Some(&",") {
        return None;
    }
    let r = phrases.iter().position(|q| q.last + 2 == p.first)?;
    let (rp, shape) = (&phrases[r], &shapes[r]);
    let role = shape.role.clone()?;
    let bare_role = shape.role_end == Some(rp.last + 1) && rp.name.is_none();
    if !bare_role || rp.sectors.is_empty() || (rp.first > 0 && past_marker(s.words[rp.first - 1])) {
        return None;
    }
    let name = match shapes[i].person {
        Some(e) => s.lexicon.entry(e).name.clone(),
        None => None,
    }
    .unwrap_or_else(|| phrase_text(p, s));
    let mut learned = learned_from(
        &name,
        rp.code.clone(),
        rp.code_from_text,
        rp.sectors.clone(),
        Some(role),
    );
    learned.stated = true;
    Some(learned)
}

/// Heads of titles written in capitals after the body they serve ("the United Nations
/// Emergency Relief *Coordinator*", "the UN High *Commissioner* for Refugees").
const TITLE_HEADS: &[&str] = &[
    "coordinator",
    "commissioner",
    "representative",
    "director",
    "director-general",
    "rapporteur",
    "chairman",
    "chairwoman",
    "chairperson",
    "administrator",
    "secretary",
    "envoy",
    "chief",
    "head",
    "president",
];

/// A coded phrase that ends in capitalised words beyond its dictionary terms, the last
/// of them (or the one before "for …") a title head: the title, lowercased.
fn capitalised_title(p: &ActorPhrase, s: &SentenceView) -> Option<String> {
    if !p.code_from_text {
        return None;
    }
    let words = &s.words[p.first..=p.last];
    let head = words.iter().rposition(|w| TITLE_HEADS.has_word(w))?;
    let capitalised = s.raw[p.first + head]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    capitalised.then(|| words[head].to_string())
}

/// "X, Pakistan's prime minister,", "X, the United Nations Emergency Relief
/// Coordinator,", "X, a Hamas commander,": the words between the commas after name
/// phrase `i` end in a role noun, and contain nothing but phrases and the words of
/// `APPOSITION_WORDS`. The code is the role phrase's own (a country stated with it), else
/// that of an owner named before the role ("a Hamas commander": the group, with the
/// group's sector); with neither, the role's sector alone.
fn apposition(
    i: usize,
    phrases: &[ActorPhrase],
    shapes: &[Shape],
    s: &SentenceView,
) -> Option<(Learned, Vec<usize>)> {
    let p = &phrases[i];
    if s.words.get(p.last + 1) != Some(&",") {
        return None;
    }
    let from = p.last + 2;
    let close = (from..s.words.len())
        .find(|&t| matches!(s.words[t], "," | ";" | "." | ")" | "—" | "–"))
        .unwrap_or(s.words.len());
    // A closing comma, or the sentence's end: "… said Kenzo Oshima, the UN relief chief."
    let closed = close < s.words.len() && s.words[close] == "," || close + 1 >= s.words.len();
    if !closed || close <= from || close - from > 9 {
        return None;
    }
    let r = phrases
        .iter()
        .position(|q| q.last + 1 == close && q.first >= from)?;
    let role_shape = &shapes[r];
    let role = if role_shape.role_end == Some(phrases[r].last + 1) {
        role_shape.role.clone()?
    } else {
        capitalised_title(&phrases[r], s)?
    };
    if phrases[r].name.is_some() && role_shape.person.is_some() {
        return None; // "X, Prime Minister Y,": a list of names, not an apposition
    }
    let mut owner: Option<usize> = None;
    let mut t = from;
    while t < phrases[r].first {
        if let Some(q) = phrases
            .iter()
            .position(|q| q.first == t && q.last < phrases[r].first)
        {
            if owner.is_some() || !phrases[q].code_from_text {
                return None;
            }
            owner = Some(q);
            t = phrases[q].last + 1;
            continue;
        }
        let w = s.words[t];
        if past_marker(w) || !APPOSITION_WORDS.has_word(w) {
            return None;
        }
        t += 1;
    }
    let rp = &phrases[r];
    let (code, code_from_text, sectors) = if rp.code_from_text {
        (rp.code.clone(), true, rp.sectors.clone())
    } else if let Some(o) = owner {
        let op = &phrases[o];
        // A body or group owns its people: "a Hamas commander" is Hamas.
        let body = matches!(
            shapes[o].first_kind,
            Some(ActorKind::Group | ActorKind::Igo)
        ) && !op.sectors.is_empty();
        let sectors = if body {
            op.sectors.clone()
        } else {
            rp.sectors.clone()
        };
        (op.code.clone(), op.code_from_text, sectors)
    } else {
        (None, false, rp.sectors.clone())
    };
    if sectors.is_empty() && code.is_none() {
        return None;
    }
    let name = match shapes[i].person {
        Some(e) => s.lexicon.entry(e).name.clone(),
        None => None,
    }
    .unwrap_or_else(|| phrase_text(p, s));
    let mut learned = learned_from(&name, code, code_from_text, sectors, Some(role));
    learned.stated = true;
    Some((learned, owner.into_iter().chain([r]).collect()))
}

#[cfg(test)]
#[path = "learned_tests.rs"]
mod tests;
