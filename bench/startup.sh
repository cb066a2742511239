#!/usr/bin/env bash
# Start-up latency (issue 21): `authlint scan --stdin-filename app.py --format json` on a
# 200-line Python file (bench/stdin-200.py, two findings), process start to exit, as an editor
# or a pre-commit hook runs it. For each binary: min and median wall and CPU time (user+sys,
# less sensitive to a busy machine) of RUNS runs, the same for `--version` (the floor: loading
# and the Swift runtime), the findings, and the instructions callgrind counts for one run (when
# valgrind is installed). See bench/README.md.
# Usage: bench/startup.sh [BINARY ...]      (default: .build/release/authlint, built if missing)
# Environment: RUNS=N (default 30), INPUT=FILE (default bench/stdin-200.py)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-30}"
input="${INPUT:-bench/stdin-200.py}"
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
  [ -x .build/release/authlint ] || swift build -c release --product authlint
  binaries=(.build/release/authlint)
fi
echo "input: $input ($(wc -l < "$input") lines), $runs runs each"
for bin in "${binaries[@]}"; do
  echo "binary: $bin ($(du -h "$bin" | cut -f1), $(ldd "$bin" 2>/dev/null | grep -c 'libswift' || true) Swift libraries linked)"
  # posix_spawn and wait4 directly: a Python subprocess.run costs about a millisecond itself.
  python3 - "$bin" "$input" "$runs" <<'PY'
import os, statistics, sys, time
binary, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
devnull = os.open(os.devnull, os.O_WRONLY)
def timed(args, stdin_path):
    times, cpu = [], []
    for _ in range(runs + 1):  # the first run warms the page cache and is not counted
        fd = os.open(stdin_path, os.O_RDONLY)
        actions = [(os.POSIX_SPAWN_DUP2, fd, 0), (os.POSIX_SPAWN_DUP2, devnull, 1)]
        start = time.perf_counter()
        pid = os.posix_spawn(binary, [binary] + args, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        times.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        os.close(fd)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"startup.sh: {binary} {' '.join(args)} exited {code}")
    times, cpu = times[1:], cpu[1:]
    ms = lambda values, pick: f"{pick(values) * 1000:.1f}"
    return (f"wall min {ms(times, min)} ms, median {ms(times, statistics.median)} ms; "
            f"cpu (user+sys) min {ms(cpu, min)} ms, median {ms(cpu, statistics.median)} ms")
print("  scan --stdin-filename app.py --format json:", timed(["scan", "--stdin-filename", "app.py", "--format", "json"], path))
print("  --version:                                 ", timed(["--version"], os.devnull))
PY
  # Exit 1 means findings: expected here.
  { "$bin" scan --stdin-filename app.py --format json < "$input" || [ $? -eq 1 ]; } | python3 -c '
import json, sys
findings = json.load(sys.stdin)["findings"]
print("  findings:", ", ".join(f["rule"] + "@" + str(f["line"]) for f in findings))'
  if command -v valgrind > /dev/null; then
    out="$(mktemp)"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" scan --stdin-filename app.py --format json \
      < "$input" > /dev/null 2> "$out.log" || true
    echo "  instructions (callgrind, one run): $(grep -o 'Collected : [0-9]*' "$out.log" | awk '{printf "%.1f M", $3 / 1e6}')"
    rm -f "$out" "$out.log"
  else
    echo "  instructions: valgrind not installed (apt-get install valgrind)"
  fi
done
