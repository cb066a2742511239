#!/usr/bin/env bash
# Builds authlint with a sanitizer and scans, with --jobs 2: samples/, a generated directory of
# 6,000 files (names of every length, so readdir's buffer fills and refills: entries at its end
# are where an out-of-bounds read of a name once hid) and a larger tree (default
# bench/.corpus/base/swift if present, else Sources/). Fails on any sanitizer report or crash.
#   bench/sanitize.sh thread|address [LARGER-TREE]
# AUTHLINT_ASAN_BINARY=.build-fuzz/authlint-fuzz (address only): scan with bench/fuzz.sh's ASan
# build instead of building one (.ci/run does this after fuzzing).
# thread: the parallel scanner's shared state (the walk-to-workers queue, collected outcomes,
# lazily compiled regexes); address: out-of-bounds and use-after-free in the scan.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:?usage: bench/sanitize.sh thread|address [TREE]}"
case "$kind" in
  thread) short=tsan; pattern="WARNING: ThreadSanitizer"; export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1" ;;
  address) short=asan; pattern="ERROR: AddressSanitizer"; export ASAN_OPTIONS="detect_leaks=0" ;;
  *) echo "bench/sanitize.sh: unknown sanitizer '$kind' (thread or address)" >&2; exit 2 ;;
esac
big="${2:-}"
if [ -z "$big" ]; then
  if [ -d bench/.corpus/base/swift ]; then big=bench/.corpus/base/swift; else big=Sources; fi
fi
scratch=".build-$short"
started=$(date +%s)
run=()
if [ "$kind" = address ] && [ -n "${AUTHLINT_ASAN_BINARY:-}" ]; then
  # bench/fuzz.sh's binary (libFuzzer + AddressSanitizer, -O) runs the command line when
  # AUTHLINT_FUZZ_TARGET=cli: CI fuzzes and scans with one ASan build instead of two.
  [ -x "$AUTHLINT_ASAN_BINARY" ] || { echo "$short: AUTHLINT_ASAN_BINARY=$AUTHLINT_ASAN_BINARY is not an executable" >&2; exit 2; }
  run=(env AUTHLINT_FUZZ_TARGET=cli "$AUTHLINT_ASAN_BINARY")
  echo "$short: using $AUTHLINT_ASAN_BINARY (no build)"
else
  # ThreadSanitizer: a debug build (half the build time of release; races show the same or
  # better unoptimised). AddressSanitizer on its own: release, as the scan runs several times
  # slower instrumented.
  config=release
  [ "$kind" = thread ] && config=debug
  flags=(-c "$config" --sanitize="$kind" --scratch-path "$scratch")
  mkdir -p "$scratch"
  swift build "${flags[@]}" --product authlint > "$scratch/build.txt" 2>&1 \
    || { grep -E "error" "$scratch/build.txt" | head -n 20; tail -n 5 "$scratch/build.txt"; exit 1; }
  run=("$(swift build "${flags[@]}" --show-bin-path)/authlint")
  echo "$short: $config build took $(( $(date +%s) - started )) s"
fi

wide=$(mktemp -d)
trap 'rm -rf "$wide"' EXIT
python3 - "$wide" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(6000):
    name = ("k" * (1 + i % 60)) + f"_{i}.py"
    with open(os.path.join(root, name), "w") as f:
        f.write(f'API_KEY_{i} = "{os.urandom(12).hex()}"\nprint(f"token {{API_KEY_{i}}}")\n')
PY

status=0
for tree in samples "$wide" "$big"; do
  log=$(mktemp)
  t0=$(date +%s)
  set +e
  # Collect every report; SWIFT_BACKTRACE=enable=no: no backtracer hang on a crash.
  SWIFT_BACKTRACE=enable=no "${run[@]}" scan "$tree" --jobs 2 --format json --fail-on never > "$log.out" 2> "$log"
  rc=$?
  set -e
  reports=$(grep -c "$pattern" "$log" || true)
  files=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["filesScanned"])' "$log.out" 2>/dev/null || echo "?")
  echo "$short: $tree: $files files in $(( $(date +%s) - t0 )) s, exit $rc, $reports report(s)"
  if [ "$reports" -gt 0 ] || [ "$rc" -ne 0 ]; then
    status=1
    grep -A 14 "$pattern" "$log" | head -n 60
  fi
  rm -f "$log" "$log.out"
done
echo "$short: finished in $(( $(date +%s) - started )) s"
exit "$status"
