//! Toponym resolution: which of a name's candidates the article means.
//!
//! Each candidate gets a score in "log-population units": a prior of `2·log10(population)`
//! (plus small kind adjustments) and evidence from the article itself, which is worth more than
//! any plausible population gap:
//!
//! | evidence                                                        | points |
//! |-----------------------------------------------------------------|--------|
//! | qualifier right after it contains it ("Paris, Texas")           | +20    |
//! | area/city cue matches its kind ("Kabul province")               | +10    |
//! | the article names its admin1 area (or a place inside it)        | +6     |
//! | the article names its country (or a place inside it)            | +4…+7  |
//! | an unambiguous place of the article lies within 50/200/500 km    | +4/3/1.5 |
//! | the outlet's home is in its admin1 / country                    | +2/+1.5|
//!
//! So a country mention outweighs a 100-fold population gap (Tripoli in an article about
//! Lebanon is Tripoli, Lebanon) but not a 1,000-fold one plus capital status (Paris in a story
//! that merely mentions the United States is still Paris, France; name Texas and it is Paris,
//! Texas). Evidence comes only from *other* mentions resolved with confidence in a first pass,
//! and every mention of the same name in one article gets the same place (one sense per
//! discourse), so one "Paris, Texas" settles every later "Paris".

use std::collections::HashMap;

use crate::knowledge::gazetteer::{haversine_km, Gazetteer, NameCandidate, OutletHome, PlaceRef};

use super::recognize::{Cue, Qualifier, Toponym};

/// A first-pass winner this far ahead of the runner-up is "unambiguous" and lends evidence.
const CONFIDENT_MARGIN: f64 = 6.0;

/// Evidence one confident mention lends to the others.
#[derive(Debug, Clone, Copy, Default)]
struct Lent {
    country: Option<u16>,
    admin1: Option<u16>,
    point: Option<(f64, f64)>,
}

struct Evidence {
    countries: HashMap<u16, u32>,
    admin1: HashMap<u16, u32>,
    points: Vec<(usize, (f64, f64))>,
}

impl Evidence {
    fn from(lent: &[Lent]) -> Evidence {
        let mut e = Evidence {
            countries: HashMap::new(),
            admin1: HashMap::new(),
            points: Vec::new(),
        };
        for (i, l) in lent.iter().enumerate() {
            if let Some(c) = l.country {
                *e.countries.entry(c).or_default() += 1;
            }
            if let Some(a) = l.admin1 {
                *e.admin1.entry(a).or_default() += 1;
            }
            if let Some(p) = l.point {
                e.points.push((i, p));
            }
        }
        e
    }
}

/// The place of each toponym, `None` where a toponym needing support found none.
pub(super) fn resolve(
    toponyms: &[Toponym],
    outlet: Option<&OutletHome>,
    gaz: &Gazetteer,
) -> Vec<Option<PlaceRef>> {
    // Pass 1: no article evidence; who is unambiguous?
    let mut lent = vec![Lent::default(); toponyms.len()];
    for (i, t) in toponyms.iter().enumerate() {
        if t.needs_support {
            continue;
        }
        let cands = gaz.candidates(t.pattern);
        let mut scored: Vec<(f64, PlaceRef)> = cands
            .iter()
            .map(|c| (base_score(t, c, outlet, gaz), c.place))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let confident = scored.len() == 1 || scored[0].0 - scored[1].0 >= CONFIDENT_MARGIN;
        if confident {
            let p = scored[0].1;
            lent[i] = Lent {
                country: Some(gaz.country_of(p)),
                admin1: gaz.admin1_of(p),
                point: matches!(p, PlaceRef::City(_))
                    .then(|| gaz.point(p))
                    .flatten(),
            };
        }
    }
    let evidence = Evidence::from(&lent);

    // Pass 2: score with the other mentions' evidence, summed over all mentions of a name.
    let mut totals: HashMap<usize, Vec<(PlaceRef, f64, bool)>> = HashMap::new();
    for (i, t) in toponyms.iter().enumerate() {
        let cands = gaz.candidates(t.pattern);
        let entry = totals
            .entry(t.pattern)
            .or_insert_with(|| cands.iter().map(|c| (c.place, 0.0, false)).collect());
        for (k, c) in cands.iter().enumerate() {
            let (score, supported) = context_score(i, &lent[i], c.place, &evidence, gaz);
            entry[k].1 += base_score(t, c, outlet, gaz) - cue_bonus(t.cue, c.place) + score;
            entry[k].2 |= supported
                || t.qualifier
                    .is_some_and(|q| qualifier_contains(q, c.place, gaz));
        }
    }
    // The cue is the one local exception to one sense per discourse: "Kabul province" and
    // "Kabul" in the next sentence are two places.
    toponyms
        .iter()
        .map(|t| {
            let scores = &totals[&t.pattern];
            let best = scores
                .iter()
                .map(|&(p, s, sup)| (p, s + cue_bonus(t.cue, p), sup))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .expect("a name has candidates");
            (!t.needs_support || best.2).then_some(best.0)
        })
        .collect()
}

/// Prior plus the evidence local to this mention: qualifier, cue, outlet.
fn base_score(t: &Toponym, c: &NameCandidate, outlet: Option<&OutletHome>, gaz: &Gazetteer) -> f64 {
    let mut s = prior(c, gaz);
    if let Some(q) = t.qualifier {
        if qualifier_contains(q, c.place, gaz) {
            s += 20.0;
        }
    }
    s += cue_bonus(t.cue, c.place);
    if let Some(home) = outlet {
        if home.admin1.is_some() && gaz.admin1_of(c.place) == home.admin1 {
            s += 2.0;
        } else if home.country == Some(gaz.country_of(c.place)) {
            s += 1.5;
        }
    }
    s
}

/// Population prior: `2·log10(population)`; countries +4 (a country's name almost always
/// means the country), capitals +2 (famous enough to go unqualified), admin1 areas −3 (news
/// names the city more often than the province of the same name, and an area's population
/// here is the sum of its cities), alternate-only names −1.5 ("Andorra" is the country).
fn prior(c: &NameCandidate, gaz: &Gazetteer) -> f64 {
    let pop = gaz.population(c.place).max(1000) as f64;
    let mut s = 2.0 * pop.log10();
    match c.place {
        PlaceRef::Country(_) => s += 4.0,
        PlaceRef::Admin1(_) => s -= 3.0,
        PlaceRef::City(i) => {
            if gaz.cities[i as usize].capital {
                s += 2.0;
            }
        }
    }
    if !c.main_name {
        s -= 1.5;
    }
    s
}

/// "Kabul province" is the province, "the city of Kabul" the city.
fn cue_bonus(cue: Cue, place: PlaceRef) -> f64 {
    match (cue, place) {
        (Cue::Area, PlaceRef::Admin1(_)) | (Cue::City, PlaceRef::City(_)) => 10.0,
        _ => 0.0,
    }
}

fn qualifier_contains(q: Qualifier, place: PlaceRef, gaz: &Gazetteer) -> bool {
    match q {
        Qualifier::Admin1(a) => gaz.admin1_of(place) == Some(a) && place != PlaceRef::Admin1(a),
        Qualifier::Name(p) => gaz.candidates(p).iter().any(|q| {
            !matches!(q.place, PlaceRef::City(_))
                && q.place != place
                && gaz.contains(q.place, place)
        }),
    }
}

/// Evidence from the article's other confident mentions: `(points, any support)`.
fn context_score(
    me: usize,
    mine: &Lent,
    place: PlaceRef,
    ev: &Evidence,
    gaz: &Gazetteer,
) -> (f64, bool) {
    let mut s = 0.0;
    let country = gaz.country_of(place);
    let own = |x: Option<u16>, y: u16| u32::from(x == Some(y));
    let n_country = ev.countries.get(&country).copied().unwrap_or(0) - own(mine.country, country);
    if n_country > 0 {
        s += 4.0 + f64::from(n_country.min(4) - 1);
    }
    if let Some(a) = gaz.admin1_of(place) {
        let n_admin1 = ev.admin1.get(&a).copied().unwrap_or(0) - own(mine.admin1, a);
        if n_admin1 > 0 {
            s += 6.0;
        }
    }
    if let (PlaceRef::City(_), Some(p)) = (place, gaz.point(place)) {
        let nearest = ev
            .points
            .iter()
            .filter(|(i, q)| *i != me && *q != p)
            .map(|(_, q)| haversine_km(p, *q))
            .fold(f64::INFINITY, f64::min);
        s += if nearest < 50.0 {
            4.0
        } else if nearest < 200.0 {
            3.0
        } else if nearest < 500.0 {
            1.5
        } else {
            0.0
        };
    }
    (s, s > 0.0)
}
