#!/usr/bin/env python3
"""Generate data/actors/countries.tsv from the ISO 3166 sources plus hand-written overrides.

Re-runnable: the output depends only on the inputs, rows are sorted, so a diff of
countries.tsv shows exactly what a source update or an override changed.

Inputs
  ../shared/data/countries-iso/pycountry/iso3166-1.json      (LGPL-2.1+, Debian iso-codes)
  ../shared/data/countries-iso/world-countries/countries.json (ODbL 1.0, mledoze/countries)
  data/actors/country_overrides.tsv                           (hand-written, this project)

Output
  data/actors/countries.tsv: code, form, phrase, sectors, name (see data/actors/README.md)

Usage (from the repository root):
  python3 scripts/convert_countries.py [--shared ../shared/data/countries-iso]

Why each rule exists
  * pycountry is the authority for which codes exist and for the English ISO names;
    world-countries adds common names, demonyms, capitals and alternate spellings.
  * altSpellings mix English, native-script and native-language names and bare ISO
    alpha-2 codes ("KE"): a two-letter code matches ordinary words and native names
    almost never occur in English wire copy, so an alternate is kept only when it is
    an all-caps abbreviation of three or more letters ("UAE", "DRC") or is built only
    from English words and the country's own English names ("Republic of Kenya").
  * Demonyms from world-countries are adjectives ("Kenyan"); plurals are derived
    ("Kenyans") except for forms English does not pluralise ("Swiss", "Japanese",
    "British"). Dependencies such as the Northern Mariana Islands carry the demonym of
    their controlling state ("American"); a phrase claimed by several codes goes to an
    independent state, and remaining ties must be settled in the overrides file (the
    script fails and lists them otherwise).
  * Capitals of states (and of Palestine, Taiwan, Kosovo) become government metonyms
    ("Moscow said" = the Russian government) with sector GOV. Capitals that are also the
    country's name (Singapore) add nothing and are skipped.
"""

import argparse
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data", "countries-iso")
OVERRIDES = os.path.join(ROOT, "data", "actors", "country_overrides.tsv")
OUTPUT = os.path.join(ROOT, "data", "actors", "countries.tsv")

FORMS = ("name", "adjective", "demonym", "metonym")

# Words allowed in a kept alternate name besides the country's own English names.
ENGLISH_NAME_WORDS = set(
    """republic kingdom state states of the and federal democratic people's islamic arab
    united union federation federated commonwealth principality grand duchy sultanate
    socialist plurinational bolivarian independent sovereign co-operative cooperative
    hellenic oriental territory islands island collectivity department special
    administrative region most serene nation abode peace hashemite great britain
    northern ireland confederation city holy see former yugoslav popular bailiwick
    country lands southern antarctic federative argentine""".split()
)

# Special cases of the pycountry/world-countries codes.
CODE_FIXES = {"UNK": "XKX"}  # world-countries uses UNK for Kosovo; we use XKX (ISO user-assigned).
METONYM_EXTRA_CODES = {"PSE", "TWN", "XKX"}  # not "independent" in world-countries, but have governments.


def fold(text):
    """ASCII-fold accents: news copy writes both "Bogotá" and "Bogota"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_latin(text):
    return all(ord(c) < 0x250 or c in "\u2019" for c in text)


def plural(demonym):
    """English plural of a demonym noun, or None when English does not pluralise it."""
    if demonym.endswith(("ese", "ish", "ss", "tch", "nch", "x")):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def split_demonym(text):
    out = []
    for part in text.replace(" or ", ",").split(","):
        part = part.strip()
        if part:
            out.append(part)
    return out


def keep_alternate(alt, own_words):
    if not alt or "," in alt or "(" in alt or not is_latin(alt):
        return False
    letters = alt.replace(".", "")
    if letters.isupper() and letters.isalpha():
        return len(letters) >= 3
    words = alt.replace("-", " ").split()
    return all(w.lower() in ENGLISH_NAME_WORDS or w.lower() in own_words for w in words)


def load_overrides(path):
    """Rows: action<TAB>code<TAB>form<TAB>phrase[<TAB>sectors]. Actions:
    add  - add the phrase for this code (wins over generated rows of any code)
    drop - remove a generated phrase (code may be * for any code)
    name - canonical country name for the code (form column is '-', phrase = the name)
    """
    adds, drops, names = [], set(), {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4:
                sys.exit(f"{path}:{lineno}: expected at least 4 tab-separated columns: {line!r}")
            action, code, form, phrase = cols[:4]
            sectors = cols[4] if len(cols) > 4 else ("GOV" if form == "metonym" else "-")
            if action == "add":
                if form not in FORMS:
                    sys.exit(f"{path}:{lineno}: unknown form {form!r}")
                adds.append((code, form, phrase, sectors))
            elif action == "drop":
                drops.add((code, form, phrase))
            elif action == "name":
                names[code] = phrase
            else:
                sys.exit(f"{path}:{lineno}: unknown action {action!r}")
    return adds, drops, names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=DEFAULT_SHARED, help="countries-iso folder")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()

    with open(os.path.join(args.shared, "pycountry", "iso3166-1.json"), encoding="utf-8") as f:
        iso = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}
    with open(os.path.join(args.shared, "world-countries", "countries.json"), encoding="utf-8") as f:
        wc = {CODE_FIXES.get(c["cca3"], c["cca3"]): c for c in json.load(f)}

    adds, drops, names = load_overrides(OVERRIDES)
    codes = sorted(set(iso) | set(wc))

    # candidates[(form, phrase)] = set of codes generated for it
    candidates = {}
    canonical = {}
    independent = set()

    def offer(code, form, phrase, sectors="-"):
        phrase = phrase.strip()
        if not phrase:
            return
        for variant in {phrase, fold(phrase)}:
            if (code, form, variant) in drops or ("*", form, variant) in drops:
                continue
            candidates.setdefault((form, variant), {}).setdefault(code, sectors)

    for code in codes:
        i, w = iso.get(code, {}), wc.get(code)
        common = names.get(code) or (w["name"]["common"] if w else None) or i.get("common_name") or i["name"]
        canonical[code] = common
        if w and (w.get("independent") or code in METONYM_EXTRA_CODES):
            independent.add(code)
        own_names = [common]
        if w:
            own_names += [w["name"]["common"], w["name"]["official"]]
        for key in ("name", "official_name", "common_name"):
            if i.get(key):
                own_names.append(i[key])
        demonyms = split_demonym(w["demonyms"]["eng"]["m"]) if w and w.get("demonyms", {}).get("eng") else []
        own_words = set()
        for n in own_names + demonyms:
            own_words |= {x.lower() for x in fold(n).replace("-", " ").split()}

        for n in own_names:
            if "," not in n and "(" not in n:
                offer(code, "name", n)
        for alt in (w["altSpellings"] if w else []):
            if keep_alternate(alt, own_words):
                offer(code, "name", alt)
        for d in demonyms:
            offer(code, "adjective", d)
            p = plural(d)
            if p:
                offer(code, "demonym", p)
        if w and code in independent:
            name_variants = {fold(n) for n in own_names}
            for cap in w.get("capital", []):
                cap = cap.replace(" D.C.", "")
                if fold(cap) not in name_variants:
                    offer(code, "metonym", cap, "GOV")

    # Overrides win: remove every generated claim on an added phrase, then add.
    rows = {}
    for (form, phrase), claims in candidates.items():
        rows[phrase] = rows.get(phrase, []) + [(code, form, s) for code, s in claims.items()]
    added = {}
    for code, form, phrase, sectors in adds:
        for variant in (phrase, fold(phrase)):
            if variant in added and added[variant][0] != code:
                sys.exit(f"override adds {variant!r} to both {added[variant][0]} and {code}")
            added[variant] = (code, form, sectors)

    out, conflicts = [], []
    for phrase, claims in sorted(rows.items()):
        if phrase in added:
            continue
        # One entry per phrase: a name beats an adjective of the same spelling
        # ("Djibouti"), an independent state beats a dependency ("American").
        best_form = min(FORMS.index(f) for _, f, _ in claims)
        claims = [c for c in claims if FORMS.index(c[1]) == best_form]
        if len({c for c, _, _ in claims}) > 1:
            sovereign = [c for c in claims if c[0] in independent]
            if len({c for c, _, _ in sovereign}) == 1:
                claims = sovereign
            elif sovereign:
                conflicts.append((phrase, sorted({c for c, _, _ in sovereign})))
                continue
            else:
                # Only dependencies claim it ("Virgin Islander"): ambiguous, leave it out.
                continue
        code, form, sectors = claims[0]
        out.append((code, form, phrase, sectors))
    for phrase, (code, form, sectors) in added.items():
        out.append((code, form, phrase, sectors))

    if conflicts:
        for phrase, cs in conflicts:
            print(f"unresolved: {phrase!r} claimed by {', '.join(cs)}; add an override", file=sys.stderr)
        sys.exit(1)

    # Typographic apostrophes: news copy writes "Côte d’Ivoire" as often as "Côte d'Ivoire".
    extra = [(c, f, p.replace("'", "\u2019"), s) for c, f, p, s in out if "'" in p]
    seen = {p for _, _, p, _ in out}
    out += [r for r in extra if r[2] not in seen]

    # The lexicon matches case-insensitively and then checks case, allowing a capital at
    # the start of a word: "the Netherlands" already covers "The Netherlands", and two
    # rows that differ only in case would be one phrase. Keep the most lowercase spelling.
    by_key = {}
    for row in out:
        key = row[2].lower()
        lower_count = sum(ch.islower() for ch in row[2])
        if key not in by_key or lower_count > sum(ch.islower() for ch in by_key[key][2]):
            if key in by_key and by_key[key][0] != row[0]:
                sys.exit(f"{row[2]!r} claimed by {by_key[key][0]} and {row[0]}")
            by_key[key] = row
    out = list(by_key.values())
    out.sort(key=lambda r: (r[0], FORMS.index(r[1]), r[2]))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("# GENERATED by scripts/convert_countries.py from pycountry (LGPL-2.1+), world-countries (ODbL 1.0)\n")
        f.write("# and data/actors/country_overrides.tsv. Do not edit: change the overrides and re-run.\n")
        f.write("# code\tform\tphrase\tsectors\tname\n")
        for code, form, phrase, sectors in out:
            f.write(f"{code}\t{form}\t{phrase}\t{sectors}\t{canonical[code]}\n")
    print(f"wrote {len(out)} rows for {len(codes)} codes to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
