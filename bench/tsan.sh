#!/usr/bin/env bash
# Builds authlint with ThreadSanitizer and scans samples/ and a larger tree with --jobs 2
# (the parallel scanner's shared state: result slots, the work counter, lazily compiled
# regexes). Fails on any ThreadSanitizer report.
#   bench/tsan.sh [LARGER-TREE]   (default: bench/.corpus/base/swift if present, else Sources/)
set -euo pipefail
cd "$(dirname "$0")/.."
big="${1:-}"
if [ -z "$big" ]; then
  if [ -d bench/.corpus/base/swift ]; then big=bench/.corpus/base/swift; else big=Sources; fi
fi
scratch=.build-tsan
started=$(date +%s)
# Release + TSan: the scan itself runs 5-15x slower under TSan, so optimise the rest.
flags=(-c release --sanitize=thread --scratch-path "$scratch")
mkdir -p "$scratch"
swift build "${flags[@]}" --product authlint > "$scratch/build.txt" 2>&1 \
  || { grep -E "error" "$scratch/build.txt" | head -n 20; tail -n 5 "$scratch/build.txt"; exit 1; }
bin="$(swift build "${flags[@]}" --show-bin-path)/authlint"
echo "tsan: build took $(( $(date +%s) - started )) s"

status=0
for tree in samples "$big"; do
  log=$(mktemp)
  t0=$(date +%s)
  set +e
  # halt_on_error=0: collect every report; SWIFT_BACKTRACE=enable=no: no backtracer hang.
  TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1" SWIFT_BACKTRACE=enable=no \
    "$bin" scan "$tree" --jobs 2 --format json --fail-on never > "$log.out" 2> "$log"
  rc=$?
  set -e
  reports=$(grep -c "WARNING: ThreadSanitizer" "$log" || true)
  files=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["filesScanned"])' "$log.out" 2>/dev/null || echo "?")
  echo "tsan: $tree: $files files in $(( $(date +%s) - t0 )) s, exit $rc, $reports ThreadSanitizer report(s)"
  if [ "$reports" -gt 0 ] || [ "$rc" -ne 0 ]; then
    status=1
    grep -A 12 "WARNING: ThreadSanitizer" "$log" | head -n 60
  fi
  rm -f "$log" "$log.out"
done
exit "$status"
