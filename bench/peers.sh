#!/usr/bin/env bash
# Herald beside the tools users run today, on the same pages, in the same run, one core:
# trafilatura (main text, article-extraction-benchmark) and htmldate (publication day,
# MediaCloud). Installs the peers from PyPI into a throwaway virtualenv; needs the shared
# evaluation data (../shared/data) and skips cleanly without it.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${HERALD_SHARED_DATA:-../shared/data}"
[ -d "$data/article-extraction-benchmark" ] || { echo "skipped: $data not found"; exit 0; }
venv="${PEERS_VENV:-$(mktemp -d)/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura==2.3.1 htmldate==1.11.0 lxml_html_clean
fi
cargo build --release -q
herald_aeb=$(taskset -c 0 ./target/release/herald eval extraction-aeb --data "$data/article-extraction-benchmark" --json)
herald_date=$(taskset -c 0 ./target/release/herald eval pubdate --data "$data/htmldate-mediacloud" --json)
peers=$(taskset -c 0 "$venv/bin/python" bench/peers.py "$data")
echo "herald      $herald_aeb"
echo "herald      $herald_date"
echo "$peers" | sed 's/^/peer        /'
python3 - "$herald_aeb" "$herald_date" "$peers" <<'PY'
import json, sys
h_aeb, h_date = json.loads(sys.argv[1]), json.loads(sys.argv[2])
peers = [json.loads(l) for l in sys.argv[3].splitlines()]
t = next(p for p in peers if p["suite"] == "extraction-aeb")
d = next(p for p in peers if p["suite"] == "pubdate")
print(f"main text: herald F1 {h_aeb['f1']} at {h_aeb['pages_per_second']} pages/s; "
      f"{t['tool']} F1 {t['f1']} at {t['pages_per_second']} pages/s; "
      f"speed ratio {h_aeb['pages_per_second'] / t['pages_per_second']:.1f}x")
print(f"publication day: herald accuracy {h_date['accuracy']} at {h_date['pages_per_second']} pages/s; "
      f"{d['tool']} accuracy {d['accuracy']} at {d['pages_per_second']} pages/s; "
      f"speed ratio {h_date['pages_per_second'] / d['pages_per_second']:.1f}x")
PY
