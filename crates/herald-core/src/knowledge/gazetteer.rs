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
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;
use xxhash_rust::xxh3::xxh3_64;

const CITIES: &[u8] = include_bytes!("../../../../data/gazetteer/cities.tsv.gz");
const ADMIN1: &[u8] = include_bytes!("../../../../data/gazetteer/admin1.tsv.gz");
const COUNTRIES: &[u8] = include_bytes!("../../../../data/gazetteer/countries.tsv.gz");
const OUTLETS: &[u8] = include_bytes!("../../../../data/gazetteer/outlets.tsv.gz");
const NAMES: &[u8] = include_bytes!("../../../../data/gazetteer/names.tsv.gz");

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

/// One place a name can refer to. A name with no candidates at all is a continent or world
/// region ("Africa", "Middle East"): recognised, so its words are not read as a town, but not
/// resolved.
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
    index: NameIndex,
}

/// Every name, sorted by key, with its candidates: `names.tsv.gz` decompressed once and kept
/// as one string that the keys are ranges of (no per-name allocation).
struct NameIndex {
    text: String,
    /// Per name id, the byte range of its key in `text`.
    keys: Vec<(u32, u32)>,
    info: Vec<NameInfo>,
    /// Per name id: `candidates[cand_start[id]..cand_start[id + 1]]`.
    cand_start: Vec<u32>,
    candidates: Vec<NameCandidate>,
    max_words: usize,
    max_len: usize,
    /// xxh3 of each key → name id. The recognizer probes several spans at every
    /// capitalised word; a hash probe is one comparison where the binary search over
    /// 130k keys was seventeen (measured: lookup was a fifth of the pipeline's time).
    by_hash: HashMap<u64, u32, BuildHasherDefault<PrehashedKey>>,
}

/// Hasher for keys that are already xxh3 hashes: passes the value through.
#[derive(Default)]
struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl NameIndex {
    fn load() -> NameIndex {
        let names_text = decompress("names.tsv.gz", NAMES);
        let mut keys = Vec::with_capacity(140_000);
        let mut names = Vec::with_capacity(140_000);
        let mut cand_start = Vec::with_capacity(140_001);
        let mut candidates = Vec::with_capacity(150_000);
        let base = names_text.as_ptr() as usize;
        for_each_row("names.tsv.gz", &names_text, |r| {
            let key = r.str(0);
            if let Some(&(s, l)) = keys.last() {
                let prev = &names_text[s as usize..(s + l) as usize];
                assert!(
                    prev < key,
                    "data/gazetteer/names.tsv.gz:{}: keys not sorted ({prev:?}, {key:?})",
                    r.line
                );
            }
            keys.push(((key.as_ptr() as usize - base) as u32, key.len() as u32));
            names.push(NameInfo {
                common_word: r.str(1).contains("common"),
                exact_case: (!r.str(2).is_empty()).then(|| r.str(2).into()),
            });
            cand_start.push(candidates.len() as u32);
            for token in r.str(3).split(' ').filter(|t| !t.is_empty()) {
                let (token, main_name) = match token.strip_suffix('\'') {
                    Some(t) => (t, false),
                    None => (token, true),
                };
                let idx = || -> u32 {
                    token[1..].parse().unwrap_or_else(|_| {
                        panic!(
                            "data/gazetteer/names.tsv.gz:{}: bad place {token:?}",
                            r.line
                        )
                    })
                };
                let place = match token.as_bytes()[0] {
                    b'c' => PlaceRef::Country(idx() as u16),
                    b'a' => PlaceRef::Admin1(idx() as u16),
                    b'p' => PlaceRef::City(idx()),
                    _ => panic!(
                        "data/gazetteer/names.tsv.gz:{}: bad place {token:?}",
                        r.line
                    ),
                };
                candidates.push(NameCandidate { place, main_name });
            }
        });
        cand_start.push(candidates.len() as u32);
        let key_of = |&(s, l): &(u32, u32)| &names_text[s as usize..(s + l) as usize];
        let max_name_words = keys
            .iter()
            .map(|k| key_of(k).split([' ', '-']).count())
            .max()
            .unwrap_or(1);
        let max_name_len = keys.iter().map(|k| k.1 as usize).max().unwrap_or(0);

        let mut by_hash =
            HashMap::with_capacity_and_hasher(keys.len(), BuildHasherDefault::default());
        for (id, k) in keys.iter().enumerate() {
            // On a hash collision the first key keeps the slot; `lookup` then falls back
            // to the binary search, so a collision costs speed, never a wrong answer.
            by_hash
                .entry(xxh3_64(key_of(k).as_bytes()))
                .or_insert(id as u32);
        }
        NameIndex {
            by_hash,
            text: names_text,
            keys,
            info: names,
            cand_start,
            candidates,
            max_words: max_name_words,
            max_len: max_name_len,
        }
    }
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

/// Decompresses one embedded gzipped TSV file.
fn decompress(file: &'static str, gz: &[u8]) -> String {
    let mut text = String::with_capacity(gz.len() * 3);
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("data/gazetteer/{file}: cannot decompress: {e}"));
    text
}

/// Calls `each` with every data row of a TSV text (header and comments skipped), fields
/// borrowed from the text: no per-field allocation.
fn for_each_row<'t>(file: &'static str, text: &'t str, mut each: impl FnMut(Row<'_, 't>)) {
    let mut fields: [&str; 12] = [""; 12];
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut n = 0;
        for f in line.split('\t') {
            if n == fields.len() {
                panic!("data/gazetteer/{file}:{}: too many fields", i + 1);
            }
            fields[n] = f;
            n += 1;
        }
        each(Row {
            file,
            line: i + 1,
            fields: &fields[..n],
        });
    }
}

/// Field parsing that names the file and line on error: the data is ours, a bad row is a bug.
struct Row<'f, 't> {
    file: &'static str,
    line: usize,
    fields: &'f [&'t str],
}

impl<'t> Row<'_, 't> {
    fn str(&self, i: usize) -> &'t str {
        self.fields.get(i).copied().unwrap_or_else(|| {
            panic!(
                "data/gazetteer/{}:{}: missing field {}",
                self.file,
                self.line,
                i + 1
            )
        })
    }
    fn num<T: std::str::FromStr>(&self, i: usize) -> T {
        let s = self.str(i);
        s.parse().unwrap_or_else(|_| {
            panic!(
                "data/gazetteer/{}:{}: field {} is not a number: {s:?}",
                self.file,
                self.line,
                i + 1
            )
        })
    }
    fn opt_num<T: std::str::FromStr>(&self, i: usize) -> Option<T> {
        if self.str(i).is_empty() {
            None
        } else {
            Some(self.num(i))
        }
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        // The name index is the biggest file: decompress and parse it on a second core while
        // this one reads the places (about halves the load time on two cores).
        std::thread::scope(|scope| {
            let index = scope.spawn(NameIndex::load);
            let mut countries = Vec::new();
            let mut by_iso3 = HashMap::new();
            let mut country_capital_gid = Vec::new();
            let countries_text = decompress("countries.tsv.gz", COUNTRIES);
            for_each_row("countries.tsv.gz", &countries_text, |r| {
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
            });
            let country_of = |file: &'static str, line: usize, iso3: &str| -> u16 {
                *by_iso3.get(iso3).unwrap_or_else(|| {
                    panic!("data/gazetteer/{file}:{line}: unknown country {iso3:?}")
                })
            };

            let mut admin1 = Vec::new();
            let mut admin1_by_key = HashMap::new();
            let admin1_text = decompress("admin1.tsv.gz", ADMIN1);
            for_each_row("admin1.tsv.gz", &admin1_text, |r| {
                let idx = admin1.len() as u16;
                let point = match (r.opt_num::<f64>(4), r.opt_num::<f64>(5)) {
                    (Some(lat), Some(lon)) => Some((lat, lon)),
                    _ => None,
                };
                admin1.push(Admin1 {
                    key: r.str(0).into(),
                    country: country_of("admin1.tsv.gz", r.line, r.str(1)),
                    geonameid: r.num(2),
                    name: r.str(3).into(),
                    point,
                    population: r.num(6),
                });
                admin1_by_key.insert(Box::<str>::from(r.str(0)), idx);
            });

            let mut cities = Vec::new();
            let cities_text = decompress("cities.tsv.gz", CITIES);
            for_each_row("cities.tsv.gz", &cities_text, |r| {
                let admin1_key = r.str(5);
                let admin1_idx = if admin1_key.is_empty() {
                    None
                } else {
                    Some(*admin1_by_key.get(admin1_key).unwrap_or_else(|| {
                        panic!(
                            "data/gazetteer/cities.tsv.gz:{}: unknown admin1 {admin1_key:?}",
                            r.line
                        )
                    }))
                };
                cities.push(City {
                    geonameid: r.num(0),
                    name: r.str(1).into(),
                    lat: r.num(2),
                    lon: r.num(3),
                    country: country_of("cities.tsv.gz", r.line, r.str(4)),
                    admin1: admin1_idx,
                    capital: r.str(6) == "PPLC",
                    population: r.num(7),
                });
            });

            let mut by_geonameid =
                HashMap::with_capacity(cities.len() + admin1.len() + countries.len());
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
                        _ => panic!(
                            "data/gazetteer/countries.tsv.gz: capital {gid} of {} is not a city",
                            countries[i].iso3
                        ),
                    }
                }
            }

            let mut outlets = HashMap::new();
            let outlets_text = decompress("outlets.tsv.gz", OUTLETS);
            for_each_row("outlets.tsv.gz", &outlets_text, |r| {
                let country =
                    (!r.str(5).is_empty()).then(|| country_of("outlets.tsv.gz", r.line, r.str(5)));
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
            });

            let index = index.join().expect("the name index loads");
            let bad = |what: &str, limit: usize, i: usize| {
                assert!(
                    i < limit,
                    "data/gazetteer/names.tsv.gz: {what} row {i} does not exist"
                );
            };
            for c in &index.candidates {
                match c.place {
                    PlaceRef::Country(i) => bad("country", countries.len(), i as usize),
                    PlaceRef::Admin1(i) => bad("admin1", admin1.len(), i as usize),
                    PlaceRef::City(i) => bad("city", cities.len(), i as usize),
                }
            }

            Gazetteer {
                countries,
                admin1,
                cities,
                outlets,
                by_iso3,
                by_geonameid,
                admin1_by_key,
                index,
            }
        })
    }

    /// The id of a name, looked up by its ASCII-lowercased spelling (see [`name_key`]).
    /// Takes the key already lowercased so a scanner can slice it out of a lowercased copy of
    /// the text without allocating.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        let ix = &self.index;
        let key_at = |id: usize| {
            let (s, l) = ix.keys[id];
            &ix.text[s as usize..(s + l) as usize]
        };
        match ix.by_hash.get(&xxh3_64(key.as_bytes())) {
            Some(&id) if key_at(id as usize) == key => return Some(id as usize),
            None => return None,
            Some(_) => {} // collision: fall through to the exact search
        }
        ix.keys
            .binary_search_by(|&(s, l)| ix.text[s as usize..(s + l) as usize].cmp(key))
            .ok()
    }

    /// The longest name has this many words (space- or hyphen-separated) and bytes: bounds how
    /// far a scanner extends a candidate name.
    pub fn max_name_words(&self) -> usize {
        self.index.max_words
    }

    pub fn max_name_len(&self) -> usize {
        self.index.max_len
    }

    /// The places a name (id from [`Gazetteer::lookup`]) can refer to.
    pub fn candidates(&self, pattern: usize) -> &[NameCandidate] {
        let ix = &self.index;
        &ix.candidates[ix.cand_start[pattern] as usize..ix.cand_start[pattern + 1] as usize]
    }

    pub fn name_info(&self, pattern: usize) -> &NameInfo {
        &self.index.info[pattern]
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
            admin1: self
                .admin1_of(place)
                .map(|a| self.admin1[a as usize].name.to_string()),
            country_code: Some(country.iso3.to_string()),
            feature_code: self.feature_code(place).map(str::to_string),
            resolution: self.resolution(place),
        }
    }

    /// Number of distinct names.
    pub fn name_count(&self) -> usize {
        self.index.info.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(name: &str) -> Vec<(u32, &'static str)> {
        let g = gazetteer();
        let p = g
            .pattern_of(name)
            .unwrap_or_else(|| panic!("{name} not a gazetteer name"));
        g.candidates(p)
            .iter()
            .map(|c| {
                (
                    g.geonameid(c.place),
                    &*g.countries[g.country_of(c.place) as usize].iso3,
                )
            })
            .collect()
    }

    #[test]
    fn loads_every_row() {
        let g = gazetteer();
        assert!(g.cities.len() > 33_900);
        assert!(g.admin1.len() > 3900);
        assert!(g.countries.len() > 250);
        assert!(g.name_count() > 100_000);
        // Only continents and world regions have no candidate.
        let empty = (0..g.name_count())
            .filter(|&p| g.candidates(p).is_empty())
            .count();
        assert!((5..100).contains(&empty), "{empty} names without places");
        assert!(g.candidates(g.pattern_of("Africa").unwrap()).is_empty());
    }

    #[test]
    fn capitals_and_admin1_are_linked() {
        let g = gazetteer();
        let ken = g.country_by_iso3("KEN").unwrap();
        let nairobi = g.countries[ken as usize].capital.unwrap();
        let city = &g.cities[nairobi as usize];
        assert_eq!(city.geonameid, 184745);
        assert!(city.capital);
        assert_eq!(
            &*g.admin1[city.admin1.unwrap() as usize].name,
            "Nairobi Area"
        );
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
        assert_eq!(
            g.name_info(g.pattern_of("US").unwrap())
                .exact_case
                .as_deref(),
            Some("US")
        );
    }

    #[test]
    fn outlet_home_by_domain() {
        let g = gazetteer();
        let home = g
            .outlet_home("https://www.ajc.com/news/local/x.html")
            .unwrap();
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
