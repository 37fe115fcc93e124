"""Runs the peer tools on the same pages as `herald eval`, in the same run, on one core.

trafilatura (main text, on the article-extraction-benchmark pages, scored with that
benchmark's shingle metric) and htmldate (publication day, extensive mode, on the
MediaCloud pages). Prints one JSON object per tool; `bench/peers.sh` compares them with
Herald's own figures.
"""
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import htmldate
import trafilatura

DATA = Path(sys.argv[1])
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text):
    tokens = TOKEN.findall(text or "")
    grams = [tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3))]
    return Counter(g for g in grams if g)


def tp_fp_fn(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def macro(scores):
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [prec(*x) for x in scores if x[0] + x[1] > 0]
    rs = [rec(*x) for x in scores if x[0] + x[2] > 0]
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r)


def aeb():
    root = DATA / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text())
    pages = {k: gzip.open(root / "html" / f"{k}.html.gz").read().decode("utf-8", "replace") for k in sorted(truth)}
    started = time.perf_counter()
    out = {k: trafilatura.extract(html) or "" for k, html in pages.items()}
    secs = time.perf_counter() - started
    p, r, f1 = macro([tp_fp_fn(truth[k]["articleBody"], out[k]) for k in pages])
    mb = sum(len(h.encode()) for h in pages.values()) / 1e6
    return {"tool": f"trafilatura {trafilatura.__version__}", "suite": "extraction-aeb", "n": len(pages),
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "pages_per_second": round(len(pages) / secs, 1), "mb_per_second": round(mb / secs, 2)}


def pubdate():
    root = DATA / "htmldate-mediacloud"
    gold = json.loads((root / "eval_mediacloud_2020.clean.json").read_text())
    pages = {u: (gzip.open(root / "html" / (v["file"] + ".gz")).read().decode("utf-8", "replace"), v["date"])
             for u, v in sorted(gold.items())}
    started = time.perf_counter()
    right = 0
    for url, (html, day) in pages.items():
        found = htmldate.find_date(html, url=url, extensive_search=True, original_date=True)
        right += found == day
    secs = time.perf_counter() - started
    return {"tool": f"htmldate {htmldate.__version__}", "suite": "pubdate", "n": len(pages),
            "accuracy": round(right / len(pages), 3), "pages_per_second": round(len(pages) / secs, 1)}


if __name__ == "__main__":
    print(json.dumps(aeb()))
    print(json.dumps(pubdate()))
