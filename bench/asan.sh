#!/usr/bin/env bash
# Builds authlint with AddressSanitizer and scans samples/, a generated wide directory (thousands
# of entries, so readdir fills and refills its buffer: entries at the buffer's end are where an
# out-of-bounds read of a name once hid) and, if present, the benchmark corpus' Swift tree.
# Fails on any AddressSanitizer report or a crash.
#   bench/asan.sh [LARGER-TREE]   (default: bench/.corpus/base/swift if present)
set -euo pipefail
cd "$(dirname "$0")/.."
big="${1:-}"
if [ -z "$big" ] && [ -d bench/.corpus/base/swift ]; then big=bench/.corpus/base/swift; fi
scratch=.build-asan
started=$(date +%s)
flags=(-c release --sanitize=address --scratch-path "$scratch")
mkdir -p "$scratch"
swift build "${flags[@]}" --product authlint > "$scratch/build.txt" 2>&1 \
  || { grep -E "error" "$scratch/build.txt" | head -n 20; tail -n 5 "$scratch/build.txt"; exit 1; }
bin="$(swift build "${flags[@]}" --show-bin-path)/authlint"
echo "asan: build took $(( $(date +%s) - started )) s"

wide=$(mktemp -d)
trap 'rm -rf "$wide"' EXIT
python3 - "$wide" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(6000):
    name = ("k" * (1 + i % 60)) + f"_{i}.py"   # names of every length, short ones too
    with open(os.path.join(root, name), "w") as f:
        f.write(f'API_KEY_{i} = "{os.urandom(12).hex()}"\nprint(f"token {{API_KEY_{i}}}")\n')
PY

status=0
for tree in samples "$wide" ${big:+"$big"}; do
  log=$(mktemp)
  t0=$(date +%s)
  set +e
  ASAN_OPTIONS="detect_leaks=0" SWIFT_BACKTRACE=enable=no \
    "$bin" scan "$tree" --jobs 2 --format json --fail-on never > "$log.out" 2> "$log"
  rc=$?
  set -e
  reports=$(grep -c "ERROR: AddressSanitizer" "$log" || true)
  files=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["filesScanned"])' "$log.out" 2>/dev/null || echo "?")
  echo "asan: $tree: $files files in $(( $(date +%s) - t0 )) s, exit $rc, $reports AddressSanitizer report(s)"
  if [ "$reports" -gt 0 ] || [ "$rc" -ne 0 ]; then
    status=1
    grep -A 14 "ERROR: AddressSanitizer" "$log" | head -n 40
  fi
  rm -f "$log" "$log.out"
done
echo "asan: finished in $(( $(date +%s) - started )) s"
exit "$status"
