//! The built-in gazetteer: GeoNames cities (population >= 15,000), first-level administrative
//! areas (admin1), countries and news-outlet home towns, compiled once per process from the gzipped
//! TSV files under `data/gazetteer/` (built by `scripts/build_gazetteer.py`; see its README).
//!
//! Every name a place is known by (main name, ASCII spelling, English-usable alternate names,
//! country aliases) gets one id in a hash table keyed by its ASCII-lowercased spelling. An id maps
//! to the list of places that carry that name — the *candidates* the place finder disambiguates
//! between (`"paris"` → Paris, France; Paris, Texas; …). Lookup is case-insensitive so that
//! datelines in capitals ("NAIROBI, Kenya (AP) —") match too; whether a match is written like a
//! proper name is the recognizer's business, not the gazetteer's.
//!
//! Why a hash table and not an Aho-Corasick automaton: the ~138,000 names compile into an
//! automaton in 0.8–1.2 s (measured, aho-corasick 1.x, release build), far over our 100 ms
//! load budget, while the table builds in a few tens of milliseconds. Place names start at a
//! capitalised word, so the recognizer only asks the table at those positions, for each span of
//! up to [`Gazetteer::max_name_words`] words: a handful of hash lookups per capitalised word.
//!
//! The data is ours and embedded: a malformed row is a bug, so it panics on first use naming the
//! file and line, and the unit tests load everything so such a row fails CI.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use xxhash_rust::xxh3::Xxh3Builder;

const CITIES: &[u8] = include_bytes!("../../../../data/gazetteer/cities.tsv.gz");
const ADMIN1: &[u8] = include_bytes!("../../../../data/gazetteer/admin1.tsv.gz");
const COUNTRIES: &[u8] = include_bytes!("../../../../data/gazetteer/countries.tsv.gz");
const OUTLETS: &[u8] = include_bytes!("../../../../data/gazetteer/outlets.tsv.gz");
const COMMON_WORDS: &[u8] = include_bytes!("../../../../data/gazetteer/common_words.tsv.gz");

/// A place of the gazetteer, by kind and index into the matching table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceRef {
    Country(u16),
    Admin1(u16),
    City(u32),
}

/// A country (resolution 1). `point` is the median of its cities' coordinates: a representative
/// point for maps, never a location claim.
#[derive(Debug, Clone)]
pub struct Country {
    pub iso3: Box<str>,
    pub iso2: Box<str>,
    pub geonameid: u32,
    pub name: Box<str>,
    pub population: u64,
    /// Index into [`Gazetteer::cities`] of the capital, when it has >= 15,000 people.
    pub capital: Option<u32>,
    pub point: Option<(f64, f64)>,
}

/// A first-level administrative area (resolution 2): state, province, region, governorate.
/// `point` is its most populous city, when it has one; `population` the sum of its cities'.
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// GeoNames admin1 key, `CC.code` ("US.TX"; for US states the code is the postal code).
    pub key: Box<str>,
    pub country: u16,
    pub geonameid: u32,
    pub name: Box<str>,
    pub point: Option<(f64, f64)>,
    pub population: u64,
}

/// A city or town of at least 15,000 people (resolution 4).
#[derive(Debug, Clone)]
pub struct City {
    pub geonameid: u32,
    pub name: Box<str>,
    pub lat: f64,
    pub lon: f64,
    pub country: u16,
    pub admin1: Option<u16>,
    /// A national capital (GeoNames feature code PPLC).
    pub capital: bool,
    pub population: u32,
}

/// Where a news outlet is based (Mordecai's `outlet_homes`): a prior for local news.
#[derive(Debug, Clone)]
pub struct OutletHome {
    pub geonameid: Option<u32>,
    pub name: Box<str>,
    pub admin1: Option<u16>,
    pub country: Option<u16>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature_code: Box<str>,
}

/// One place a name can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameCandidate {
    pub place: PlaceRef,
    /// The name is the place's main name (or its ASCII spelling), not only an alternate name.
    /// "Andorra" is the country's main name and only an alternate of Andorra la Vella.
    pub main_name: bool,
}

/// What a name is, independent of which place it names.
#[derive(Debug, Clone, Default)]
pub struct NameInfo {
    /// A single word that is also a common lowercase English word ("mobile", "nice", "police").
    pub common_word: bool,
    /// An all-capitals alias ("US", "UK", "UAE") that must match in exactly that case.
    pub exact_case: Option<Box<str>>,
}

/// The compiled gazetteer. Get it with [`gazetteer`].
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub admin1: Vec<Admin1>,
    pub cities: Vec<City>,
    outlets: HashMap<Box<str>, OutletHome>,
    by_iso3: HashMap<Box<str>, u16>,
    by_geonameid: HashMap<u32, PlaceRef>,
    admin1_by_key: HashMap<Box<str>, u16>,
    /// Name (ASCII-lowercased) → name id.
    pattern_ids: HashMap<Box<str>, u32, Xxh3Builder>,
    max_name_words: usize,
    max_name_len: usize,
    /// Per pattern: `candidates[cand_start[p]..cand_start[p + 1]]`.
    cand_start: Vec<u32>,
    candidates: Vec<NameCandidate>,
    names: Vec<NameInfo>,
}

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// The process-wide gazetteer, decompressed and compiled on first use (tens of milliseconds in
/// a release build; see `data/gazetteer/README.md`).
pub fn gazetteer() -> &'static Gazetteer {
    GAZETTEER.get_or_init(Gazetteer::load)
}

/// The lookup key of a name: ASCII letters lowercased, everything else as written. ASCII-only
/// lowercasing keeps byte offsets, so a scanner can lowercase a whole text once and slice keys
/// out of it at the text's own offsets; spellings without diacritics are separate names
/// ("Zurich" and "Zürich").
pub fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// Great-circle distance in kilometres.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Rows of one embedded gzipped TSV file: `(line number, fields)`, header and comments skipped.
fn rows(file: &'static str, gz: &[u8]) -> Vec<(usize, Vec<String>)> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("data/gazetteer/{file}: cannot decompress: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_owned).collect()))
        .collect()
}

/// Field parsing that names the file and line on error: the data is ours, a bad row is a bug.
struct Row<'a> {
    file: &'static str,
    line: usize,
    fields: &'a [String],
}

impl Row<'_> {
    fn str(&self, i: usize) -> &str {
        self.fields.get(i).map(String::as_str).unwrap_or_else(|| {
            panic!("data/gazetteer/{}:{}: missing field {}", self.file, self.line, i + 1)
        })
    }
    fn num<T: std::str::FromStr>(&self, i: usize) -> T {
        let s = self.str(i);
        s.parse().unwrap_or_else(|_| {
            panic!("data/gazetteer/{}:{}: field {} is not a number: {s:?}", self.file, self.line, i + 1)
        })
    }
    fn opt_num<T: std::str::FromStr>(&self, i: usize) -> Option<T> {
        if self.str(i).is_empty() {
            None
        } else {
            Some(self.num(i))
        }
    }
    fn list(&self, i: usize) -> impl Iterator<Item = &str> {
        self.str(i).split('|').filter(|s| !s.is_empty())
    }
}

/// Collects name → candidates while loading, before they are flattened.
#[derive(Default)]
struct NameTable {
    ids: HashMap<Box<str>, u32, Xxh3Builder>,
    info: Vec<NameInfo>,
    entries: Vec<(u32, NameCandidate)>,
}

impl NameTable {
    fn add(&mut self, name: &str, place: PlaceRef, main_name: bool) {
        let next = self.ids.len() as u32;
        let id = match self.ids.get(name_key(name).as_str()) {
            Some(&id) => id,
            None => {
                self.ids.insert(name_key(name).into_boxed_str(), next);
                next
            }
        };
        if id == next {
            let letters = name.chars().filter(|c| c.is_alphabetic());
            let all_caps = letters.clone().count() > 0 && letters.clone().all(char::is_uppercase);
            self.info.push(NameInfo {
                common_word: false,
                exact_case: all_caps.then(|| name.into()),
            });
        }
        let cand = NameCandidate { place, main_name };
        // The same place may list a name twice (main name and an alternate spelling of it);
        // its entries are adjacent because places are added one at a time.
        let n = self.entries.len();
        if let Some(e) = self.entries[n.saturating_sub(16)..].iter_mut().find(|(i, c)| *i == id && c.place == place) {
            e.1.main_name |= main_name;
            return;
        }
        self.entries.push((id, cand));
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut names = NameTable::default();

        let mut countries = Vec::new();
        let mut by_iso3 = HashMap::new();
        let mut country_capital_gid = Vec::new();
        for (line, fields) in rows("countries.tsv.gz", COUNTRIES) {
            let r = Row { file: "countries.tsv.gz", line, fields: &fields };
            let idx = countries.len() as u16;
            let point = match (r.opt_num::<f64>(6), r.opt_num::<f64>(7)) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => None,
            };
            countries.push(Country {
                iso3: r.str(0).into(),
                iso2: r.str(1).into(),
                geonameid: r.num(2),
                name: r.str(3).into(),
                population: r.num(4),
                capital: None,
                point,
            });
            country_capital_gid.push(r.opt_num::<u32>(5));
            by_iso3.insert(Box::<str>::from(r.str(0)), idx);
            names.add(r.str(3), PlaceRef::Country(idx), true);
            for alias in r.list(8) {
                names.add(alias, PlaceRef::Country(idx), true);
            }
        }
        let country_of = |file: &'static str, line: usize, iso3: &str| -> u16 {
            *by_iso3
                .get(iso3)
                .unwrap_or_else(|| panic!("data/gazetteer/{file}:{line}: unknown country {iso3:?}"))
        };

        let mut admin1 = Vec::new();
        let mut admin1_by_key = HashMap::new();
        for (line, fields) in rows("admin1.tsv.gz", ADMIN1) {
            let r = Row { file: "admin1.tsv.gz", line, fields: &fields };
            let idx = admin1.len() as u16;
            let point = match (r.opt_num::<f64>(4), r.opt_num::<f64>(5)) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => None,
            };
            admin1.push(Admin1 {
                key: r.str(0).into(),
                country: country_of("admin1.tsv.gz", line, r.str(1)),
                geonameid: r.num(2),
                name: r.str(3).into(),
                point,
                population: r.num(6),
            });
            admin1_by_key.insert(Box::<str>::from(r.str(0)), idx);
            names.add(r.str(3), PlaceRef::Admin1(idx), true);
            for alt in r.list(7) {
                names.add(alt, PlaceRef::Admin1(idx), true);
            }
        }

        let mut cities = Vec::new();
        for (line, fields) in rows("cities.tsv.gz", CITIES) {
            let r = Row { file: "cities.tsv.gz", line, fields: &fields };
            let idx = cities.len() as u32;
            let admin1_key = r.str(5);
            let admin1_idx = if admin1_key.is_empty() {
                None
            } else {
                Some(*admin1_by_key.get(admin1_key).unwrap_or_else(|| {
                    panic!("data/gazetteer/cities.tsv.gz:{line}: unknown admin1 {admin1_key:?}")
                }))
            };
            cities.push(City {
                geonameid: r.num(0),
                name: r.str(1).into(),
                lat: r.num(2),
                lon: r.num(3),
                country: country_of("cities.tsv.gz", line, r.str(4)),
                admin1: admin1_idx,
                capital: r.str(6) == "PPLC",
                population: r.num(7),
            });
            names.add(r.str(1), PlaceRef::City(idx), true);
            for alt in r.list(8) {
                // The ASCII spelling of a main name counts as the main name ("Koln" for "Köln").
                let main = !r.str(1).is_ascii() && alt.is_ascii() && same_letters_ascii(r.str(1), alt);
                names.add(alt, PlaceRef::City(idx), main);
            }
        }

        let mut by_geonameid = HashMap::with_capacity(cities.len() + admin1.len() + countries.len());
        for (i, c) in cities.iter().enumerate() {
            by_geonameid.insert(c.geonameid, PlaceRef::City(i as u32));
        }
        for (i, a) in admin1.iter().enumerate() {
            by_geonameid.insert(a.geonameid, PlaceRef::Admin1(i as u16));
        }
        for (i, c) in countries.iter().enumerate() {
            by_geonameid.insert(c.geonameid, PlaceRef::Country(i as u16));
        }
        for (i, gid) in country_capital_gid.into_iter().enumerate() {
            if let Some(gid) = gid {
                match by_geonameid.get(&gid) {
                    Some(PlaceRef::City(c)) => countries[i].capital = Some(*c),
                    _ => panic!("data/gazetteer/countries.tsv.gz: capital {gid} of {} is not a city", countries[i].iso3),
                }
            }
        }

        let mut outlets = HashMap::new();
        for (line, fields) in rows("outlets.tsv.gz", OUTLETS) {
            let r = Row { file: "outlets.tsv.gz", line, fields: &fields };
            let country = (!r.str(5).is_empty()).then(|| country_of("outlets.tsv.gz", line, r.str(5)));
            let admin1 = admin1_by_key.get(r.str(3)).copied();
            outlets.insert(
                Box::<str>::from(r.str(0)),
                OutletHome {
                    geonameid: r.opt_num(1),
                    name: r.str(2).into(),
                    admin1,
                    country,
                    lat: r.opt_num(6),
                    lon: r.opt_num(7),
                    feature_code: r.str(8).into(),
                },
            );
        }

        for (line, fields) in rows("common_words.tsv.gz", COMMON_WORDS) {
            let r = Row { file: "common_words.tsv.gz", line, fields: &fields };
            let id = *names.ids.get(r.str(0)).unwrap_or_else(|| {
                panic!("data/gazetteer/common_words.tsv.gz:{line}: {:?} is no gazetteer name", r.str(0))
            });
            names.info[id as usize].common_word = true;
        }

        // Flatten name → candidates into one array ordered by pattern id.
        let n_names = names.ids.len();
        let mut entries = names.entries;
        entries.sort_by_key(|(id, _)| *id);
        let mut cand_start = Vec::with_capacity(n_names + 1);
        let mut candidates = Vec::with_capacity(entries.len());
        let mut e = 0;
        for id in 0..n_names as u32 {
            cand_start.push(candidates.len() as u32);
            while e < entries.len() && entries[e].0 == id {
                candidates.push(entries[e].1);
                e += 1;
            }
        }
        cand_start.push(candidates.len() as u32);

        let max_name_words = names.ids.keys().map(|k| k.split([' ', '-']).count()).max().unwrap_or(1);
        let max_name_len = names.ids.keys().map(|k| k.len()).max().unwrap_or(0);


        Gazetteer {
            countries,
            admin1,
            cities,
            outlets,
            by_iso3,
            by_geonameid,
            admin1_by_key,
            max_name_words,
            max_name_len,
            pattern_ids: names.ids,
            cand_start,
            candidates,
            names: names.info,
        }
    }

    /// The id of a name, looked up by its ASCII-lowercased spelling (see [`name_key`]).
    /// Takes the key already lowercased so a scanner can slice it out of a lowercased copy of
    /// the text without allocating.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        self.pattern_ids.get(key).map(|&id| id as usize)
    }

    /// The longest name has this many words (space- or hyphen-separated) and bytes: bounds how
    /// far a scanner extends a candidate name.
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    pub fn max_name_len(&self) -> usize {
        self.max_name_len
    }

    /// The places a name (id from [`Gazetteer::lookup`]) can refer to.
    pub fn candidates(&self, pattern: usize) -> &[NameCandidate] {
        &self.candidates[self.cand_start[pattern] as usize..self.cand_start[pattern + 1] as usize]
    }

    pub fn name_info(&self, pattern: usize) -> &NameInfo {
        &self.names[pattern]
    }

    /// The id of a name as written ("Paris", "PARIS" and "paris" are one name).
    pub fn pattern_of(&self, name: &str) -> Option<usize> {
        self.lookup(&name_key(name))
    }

    pub fn country_by_iso3(&self, iso3: &str) -> Option<u16> {
        self.by_iso3.get(iso3).copied()
    }

    pub fn admin1_by_key(&self, key: &str) -> Option<u16> {
        self.admin1_by_key.get(key).copied()
    }

    pub fn by_geonameid(&self, geonameid: u32) -> Option<PlaceRef> {
        self.by_geonameid.get(&geonameid).copied()
    }

    /// The home of the outlet that published `url`, trying the host and then each parent
    /// domain ("www.news.ajc.com" → "news.ajc.com" → "ajc.com").
    pub fn outlet_home(&self, url: &str) -> Option<&OutletHome> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
        let host = host.split(':').next()?.to_ascii_lowercase();
        let mut h = host.as_str();
        loop {
            if let Some(home) = self.outlets.get(h) {
                return Some(home);
            }
            match h.split_once('.') {
                Some((_, parent)) if parent.contains('.') => h = parent,
                _ => return None,
            }
        }
    }

    /// Country of a place (a country is its own).
    pub fn country_of(&self, place: PlaceRef) -> u16 {
        match place {
            PlaceRef::Country(c) => c,
            PlaceRef::Admin1(a) => self.admin1[a as usize].country,
            PlaceRef::City(c) => self.cities[c as usize].country,
        }
    }

    /// Admin1 area of a place (an admin1 area is its own; countries have none).
    pub fn admin1_of(&self, place: PlaceRef) -> Option<u16> {
        match place {
            PlaceRef::Country(_) => None,
            PlaceRef::Admin1(a) => Some(a),
            PlaceRef::City(c) => self.cities[c as usize].admin1,
        }
    }

    /// A representative point (city coordinates; an area's biggest city; a country's median city).
    pub fn point(&self, place: PlaceRef) -> Option<(f64, f64)> {
        match place {
            PlaceRef::Country(c) => self.countries[c as usize].point,
            PlaceRef::Admin1(a) => self.admin1[a as usize].point,
            PlaceRef::City(c) => Some((self.cities[c as usize].lat, self.cities[c as usize].lon)),
        }
    }

    /// Population (an admin1 area's is the sum of its cities of >= 15,000 people).
    pub fn population(&self, place: PlaceRef) -> u64 {
        match place {
            PlaceRef::Country(c) => self.countries[c as usize].population,
            PlaceRef::Admin1(a) => self.admin1[a as usize].population,
            PlaceRef::City(c) => u64::from(self.cities[c as usize].population),
        }
    }

    pub fn name(&self, place: PlaceRef) -> &str {
        match place {
            PlaceRef::Country(c) => &self.countries[c as usize].name,
            PlaceRef::Admin1(a) => &self.admin1[a as usize].name,
            PlaceRef::City(c) => &self.cities[c as usize].name,
        }
    }

    pub fn geonameid(&self, place: PlaceRef) -> u32 {
        match place {
            PlaceRef::Country(c) => self.countries[c as usize].geonameid,
            PlaceRef::Admin1(a) => self.admin1[a as usize].geonameid,
            PlaceRef::City(c) => self.cities[c as usize].geonameid,
        }
    }

    /// PLOVER/Mordecai resolution: 4 city, 2 admin1, 1 country.
    pub fn resolution(&self, place: PlaceRef) -> u8 {
        match place {
            PlaceRef::Country(_) => 1,
            PlaceRef::Admin1(_) => 2,
            PlaceRef::City(_) => 4,
        }
    }

    /// GeoNames feature code where the data tells it: PCLI, ADM1, PPLC; `None` for other
    /// cities (GeoNames distinguishes PPL/PPLA/PPLA2…, our source file does not).
    pub fn feature_code(&self, place: PlaceRef) -> Option<&'static str> {
        match place {
            PlaceRef::Country(_) => Some("PCLI"),
            PlaceRef::Admin1(_) => Some("ADM1"),
            PlaceRef::City(c) => self.cities[c as usize].capital.then_some("PPLC"),
        }
    }

    /// Is `inner` inside `outer` (same place, city in area/country, area in country)?
    pub fn contains(&self, outer: PlaceRef, inner: PlaceRef) -> bool {
        outer == inner
            || match outer {
                PlaceRef::Country(c) => self.country_of(inner) == c,
                PlaceRef::Admin1(a) => self.admin1_of(inner) == Some(a),
                PlaceRef::City(_) => false,
            }
    }

    /// The output record for a place (offsets left 0 for the pipeline to fill).
    pub fn record(&self, place: PlaceRef, extracted: &str) -> crate::model::PlaceRecord {
        let country = &self.countries[self.country_of(place) as usize];
        let point = self.point(place);
        crate::model::PlaceRecord {
            extracted_place: extracted.to_string(),
            start: 0,
            end: 0,
            resolved_place: Some(self.name(place).to_string()),
            geonameid: Some(self.geonameid(place)),
            lat: point.map(|p| p.0),
            lon: point.map(|p| p.1),
            admin1: self.admin1_of(place).map(|a| self.admin1[a as usize].name.to_string()),
            country_code: Some(country.iso3.to_string()),
            feature_code: self.feature_code(place).map(str::to_string),
            resolution: self.resolution(place),
        }
    }

    /// Number of distinct names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}

/// `ascii` spells the same letters as `name` with diacritics removed ("Zürich" / "Zurich").
fn same_letters_ascii(name: &str, ascii: &str) -> bool {
    name.chars().count() == ascii.chars().count()
        && name.chars().zip(ascii.chars()).all(|(a, b)| a == b || (!a.is_ascii() && b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(name: &str) -> Vec<(u32, &'static str)> {
        let g = gazetteer();
        let p = g.pattern_of(name).unwrap_or_else(|| panic!("{name} not a gazetteer name"));
        g.candidates(p).iter().map(|c| (g.geonameid(c.place), &*g.countries[g.country_of(c.place) as usize].iso3)).collect()
    }

    #[test]
    fn loads_every_row() {
        let g = gazetteer();
        assert!(g.cities.len() > 33_900);
        assert!(g.admin1.len() > 3900);
        assert!(g.countries.len() > 250);
        assert!(g.name_count() > 100_000);
        // Every pattern has at least one candidate.
        for p in 0..g.name_count() {
            assert!(!g.candidates(p).is_empty(), "pattern {p} has no candidate");
        }
    }

    #[test]
    fn capitals_and_admin1_are_linked() {
        let g = gazetteer();
        let ken = g.country_by_iso3("KEN").unwrap();
        let nairobi = g.countries[ken as usize].capital.unwrap();
        let city = &g.cities[nairobi as usize];
        assert_eq!(city.geonameid, 184745);
        assert!(city.capital);
        assert_eq!(&*g.admin1[city.admin1.unwrap() as usize].name, "Nairobi Area");
        assert_eq!(g.feature_code(PlaceRef::City(nairobi)), Some("PPLC"));
    }

    #[test]
    fn names_have_all_their_candidates() {
        let paris = cands("Paris");
        assert!(paris.contains(&(2988507, "FRA")));
        assert!(paris.contains(&(4717560, "USA")));
        assert!(cands("Bombay").contains(&(1275339, "IND")));
        assert!(cands("Georgia").iter().any(|c| c.1 == "GEO"));
        assert!(cands("Georgia").iter().any(|c| c.1 == "USA"));
        assert_eq!(cands("Britain"), vec![(2635167, "GBR")]);
    }

    #[test]
    fn common_words_are_flagged() {
        let g = gazetteer();
        for w in ["Mobile", "Reading", "Nice", "Police"] {
            assert!(g.name_info(g.pattern_of(w).unwrap()).common_word, "{w}");
        }
        assert!(!g.name_info(g.pattern_of("Nairobi").unwrap()).common_word);
        assert_eq!(g.name_info(g.pattern_of("US").unwrap()).exact_case.as_deref(), Some("US"));
    }

    #[test]
    fn outlet_home_by_domain() {
        let g = gazetteer();
        let home = g.outlet_home("https://www.ajc.com/news/local/x.html").unwrap();
        assert_eq!(&*home.name, "Atlanta");
        assert_eq!(&*g.admin1[home.admin1.unwrap() as usize].name, "Georgia");
        assert!(g.outlet_home("https://example.org/").is_none());
    }

    #[test]
    fn haversine_is_in_km() {
        let d = haversine_km((48.85341, 2.3488), (51.50853, -0.12574));
        assert!((d - 343.5).abs() < 2.0, "{d}");
    }
}
