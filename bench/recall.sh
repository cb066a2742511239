#!/usr/bin/env bash
# Recall on published example credentials: scores the release build with the scorer that lives
# beside this project (../shared/recall/score.sh: another scanner's rule tests, MIT; its data is
# not copied into this repository). Prints per-family recall and the negatives flagged.
# Usage: bench/recall.sh [--misses] [BINARY]     (default: builds and scores .build/release/authlint)
# Environment: RECALL_DIR=DIR   where score.sh lives (default ../shared/recall)
set -euo pipefail
cd "$(dirname "$0")/.."
scorer="${RECALL_DIR:-../shared/recall}/score.sh"
if [ ! -x "$scorer" ] && [ ! -f "$scorer" ]; then
  echo "recall.sh: $scorer not found (set RECALL_DIR)" >&2
  exit 2
fi
args=()
bin=""
for a in "$@"; do
  case "$a" in
    --*) args+=("$a") ;;
    *) bin="$a" ;;
  esac
done
if [ -z "$bin" ]; then
  swift build -c release --product authlint 2>&1 | tail -n 1
  bin="$(swift build -c release --show-bin-path)/authlint"
fi
echo "rules: $("$bin" rules --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r), "in total,", sum(1 for x in r if x.get("engine")=="pattern" and x.get("category")=="hardcoded-credential"), "provider formats")')"
bash "$scorer" "$bin" ${args[@]+"${args[@]}"}
