#!/usr/bin/env bash
# Benchmark: authlint's full catalog vs one ripgrep pass over every rule keyword, and raw read
# throughput (cat), on the same real-code corpus in the same run. Prints medians and ratios.
# Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
if ! command -v rg >/dev/null; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep; fi
# Static Swift runtime: how the CLI ships (one file, ~2 ms less start-up than dynamic linking).
swift build -c release --static-swift-stdlib --scratch-path .build-static 2>&1 | grep -v "mktemp" | tail -n 1
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/authlint"
bench/corpus.sh 1
corpus="bench/.corpus/base"
keywords="$(mktemp)"
"$bin" rules --format keywords > "$keywords"
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus" -type f | wc -l)
echo "files: $files, keywords: $(wc -l < "$keywords")"
python3 bench/measure.py --runs "$runs" --bytes "$bytes" --reference rg \
  "cat=find $corpus -type f -print0 | xargs -0 cat > /dev/null" \
  "rg=rg -i -F -f $keywords -c --hidden --no-require-git $corpus" \
  "authlint=$bin scan $corpus --format json --output /dev/null --fail-on never"
