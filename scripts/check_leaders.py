#!/usr/bin/env python3
"""Sanity checks for data/actors/leaders.tsv beyond what the Rust loader enforces.

Every data row has 7 tab-separated fields, valid ISO dates with from <= to, no phrase
(name or alias) belongs to two different names, and no row is repeated.
Usage: scripts/check_leaders.py [path]   (exit status 1 on any error)
"""
import datetime
import pathlib
import sys

path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else (
    pathlib.Path(__file__).resolve().parent.parent / "data/actors/leaders.tsv")
owner, seen, names = {}, set(), set()
errors = rows = 0
for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    rows += 1
    cols = line.split("\t")
    if len(cols) != 7:
        print(f"{i}: {len(cols)} fields: {line}")
        errors += 1
        continue
    name, aliases, _code, _sectors, _role, start, end = (c.strip() for c in cols)
    try:
        d1 = datetime.date.fromisoformat(start)
        if end != "-" and datetime.date.fromisoformat(end) < d1:
            print(f"{i}: ends before it starts: {line}")
            errors += 1
    except ValueError as e:
        print(f"{i}: bad date ({e}): {line}")
        errors += 1
    if line in seen:
        print(f"{i}: duplicate row: {line}")
        errors += 1
    seen.add(line)
    names.add(name)
    for phrase in [name] + ([] if aliases == "-" else aliases.split("|")):
        phrase = phrase.strip()
        if not phrase:
            print(f"{i}: empty alias: {line}")
            errors += 1
        elif owner.setdefault(phrase, name) != name:
            print(f"{i}: {phrase!r} is used by {owner[phrase]!r} and {name!r}")
            errors += 1
print(f"{rows} rows, {len(names)} persons, {errors} errors")
sys.exit(1 if errors else 0)
