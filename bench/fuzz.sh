#!/usr/bin/env bash
# Builds the libFuzzer harnesses (bench/fuzz/Fuzz.swift) with AddressSanitizer and runs each
# target for SECONDS (default 60), starting from bench/fuzz-corpus/<target>/ (read only; new
# inputs go to .build-fuzz/corpus/<target>/). Prints executions and crashes per target; exits 1
# if any target crashed (crash inputs: .build-fuzz/crash-<target>-*; earlier runs' move to
# .build-fuzz/old-crashes/ — commit the ones worth keeping to bench/fuzz-corpus/<target>/).
#   bench/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(lexers json gitignore base64 lsp)
out=.build-fuzz
mkdir -p "$out"

# The sources the build plugin generates (catalog texts, compiled catalog, rule registry), from the
# normal build's RuleEmbedder.
build_started=$(date +%s)
swift build --product RuleEmbedder > "$out/embedder-build.txt" 2>&1 || { tail -n 20 "$out/embedder-build.txt"; exit 1; }
mapfile -t rule_sources < <(find Sources/Rules -name '*.swift' | sort)
"$(swift build --show-bin-path)/RuleEmbedder" "$out/EmbeddedRules.swift" "$out/CompiledRules.swift" "$out/RuleRegistry.swift" \
  --rules $(ls rules/*.json | grep -v '^rules/schema\.json$') --sources "${rule_sources[@]}"
# One module: every stage target's sources plus the harness file, with the imports between our
# own modules dropped (file names prefixed by their target, which may repeat a name).
# -parse-as-library: no top-level code, so libFuzzer's main() is the entry point (a Swift main
# would silently never fuzz). -package-name: the stages share `package` declarations.
stages=(Support Model Discovery Lexing Facts Suppression Prefilter Engine Rules Reporting Config Session LSP CLI)
own_imports="^import ($(IFS='|'; echo "${stages[*]}"))$"
rm -rf "$out/src" && mkdir -p "$out/src"
for stage in "${stages[@]}"; do
  while IFS= read -r file; do
    grep -Ev "$own_imports" "$file" > "$out/src/${stage}_$(basename "$file")"
  done < <(find "Sources/$stage" -name '*.swift' | sort)
done
for generated in RuleRegistry CompiledRules; do
  grep -Ev "$own_imports" "$out/$generated.swift" > "$out/src/Generated_$generated.swift"
done
mapfile -t sources < <(find "$out/src" -name '*.swift' | sort)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name AuthLintFuzz -package-name authlint \
  "${sources[@]}" "$out/EmbeddedRules.swift" bench/fuzz/Fuzz.swift -o "$out/authlint-fuzz" > "$out/build.txt" 2>&1 \
  || { grep -E "error" "$out/build.txt" | head -n 20; exit 1; }
echo "fuzz: build took $(( $(date +%s) - build_started )) s"

status=0
for target in "${targets[@]}"; do
  mkdir -p "$out/corpus/$target" "$out/old-crashes"
  # Crash files of earlier runs move aside, so the count below is this run's.
  find "$out" -maxdepth 1 -name "crash-$target-*" -exec mv -t "$out/old-crashes" {} +
  log="$out/$target.log"
  set +e
  # SWIFT_BACKTRACE=enable=no: a crash must exit at once, not wait in the backtracer.
  AUTHLINT_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no "$out/authlint-fuzz" \
    -max_total_time="$seconds" -seed="${AUTHLINT_FUZZ_SEED:-0}" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$out/crash-$target-" "$out/corpus/$target" "bench/fuzz-corpus/$target" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -E "stat::number_of_executed_units" "$log" | awk '{print $2}' | tail -n 1)
  crashes=$(find "$out" -maxdepth 1 -name "crash-$target-*" | wc -l)
  echo "fuzz: $target: ${execs:-?} executions in ${seconds} s, exit $rc, $crashes crash file(s)"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E "ERROR|SUMMARY|Fatal error|Precondition failed|deadly signal|timeout" "$log" | head -n 10
  fi
done
exit "$status"
