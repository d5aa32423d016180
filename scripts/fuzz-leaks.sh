#!/usr/bin/env bash
# The leak (and memory-error) check of the readers: scripts/fuzz-leaks.sh [executions-per-target]
# (default 1000000).
#
# On this toolchain (Swift 6.3) `swift build --sanitize=fuzzer --sanitize=address` produces
# binaries without libFuzzer's coverage instrumentation, so fuzzing under AddressSanitizer would
# mutate blindly. Instead, per target:
#   1. a coverage-guided run (the plain fuzzer build, debug) of N executions grows a corpus from
#      the seeds in Fuzzing/corpus/<target>/ into a scratch folder;
#   2. the AddressSanitizer build then runs every input of that corpus once, with LeakSanitizer
#      (-detect_leaks=1): a leak, a heap error or a crash in any input is reported.
# Prints per target: executions of step 1, corpus inputs replayed, crashes, timeouts and leaks;
# an input that crashed or timed out in step 1 is kept in Fuzzing/.build/findings/<target>/.
# Exit status 1 when anything was found, 2 when a build is unavailable.
set -uo pipefail
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/../Fuzzing"
runs="${1:-1000000}"
targets="${FUZZ_TARGETS:-FuzzNFG FuzzCSV FuzzJSON FuzzLrs FuzzTUJSON FuzzTUVector FuzzTURules FuzzNPY}"
for variant in "fuzzer" "fuzzer address"; do
    flags=(); for s in $variant; do flags+=(--sanitize="$s"); done
    scratch=".build"; [[ "$variant" != "fuzzer" ]] && scratch=".build-fuzzer-address"
    if ! log=$(swift build -c debug --scratch-path "$scratch" "${flags[@]}" 2>&1); then
        echo "fuzz-leaks: the build with ${flags[*]} is unavailable:"; echo "$log" | grep -E 'error' | head -n 5; exit 2
    fi
done
plain="$(swift build -c debug --scratch-path .build --sanitize=fuzzer --show-bin-path)"
asan="$(swift build -c debug --scratch-path .build-fuzzer-address --sanitize=fuzzer --sanitize=address --show-bin-path)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
found=0
printf '%-13s %12s %8s %8s %8s %9s %6s\n' target executions seconds corpus crashes timeouts leaks
for t in $targets; do
    mkdir -p "$work/$t" ".build/findings/$t"
    start=$(date +%s)
    "$plain/$t" "$work/$t" "corpus/$t" -runs="$runs" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=".build/findings/$t/" > "$work/$t.fuzz.log" 2>&1
    fuzz_status=$?
    executed=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$work/$t.fuzz.log" | grep -oE '[0-9]+$' || echo 0)
    if ! grep -qE 'INITED cov: [0-9]+' "$work/$t.fuzz.log"; then
        echo "  $t: the plain fuzzer build has no coverage instrumentation"; found=1
    fi
    inputs=("$work/$t"/* corpus/"$t"/*)
    # Step 2: every corpus input once under AddressSanitizer and LeakSanitizer.
    "$asan/$t" -detect_leaks=1 -timeout=5 -rss_limit_mb=2048 "${inputs[@]}" > "$work/$t.asan.log" 2>&1
    asan_status=$?
    elapsed=$(( $(date +%s) - start ))
    leaks=$(grep -c 'ERROR: LeakSanitizer' "$work/$t.asan.log")
    timeouts=$(( $(grep -c 'ALARM: working on the last Unit' "$work/$t.fuzz.log") + $(grep -c 'ALARM: working on the last Unit' "$work/$t.asan.log") ))
    crashes=$(( $(grep -cE 'ERROR: libFuzzer: deadly signal|ERROR: AddressSanitizer|Fatal error' "$work/$t.fuzz.log") + $(grep -cE 'ERROR: AddressSanitizer|ERROR: libFuzzer: deadly signal|Fatal error' "$work/$t.asan.log") ))
    if (( fuzz_status != 0 || asan_status != 0 )) && (( crashes + timeouts + leaks == 0 )); then crashes=1; fi
    printf '%-13s %12s %8d %8d %8d %9d %6d\n' "$t" "$executed" "$elapsed" "${#inputs[@]}" "$crashes" "$timeouts" "$leaks"
    if (( fuzz_status != 0 || asan_status != 0 )); then
        found=1
        grep -hE 'ERROR:|SUMMARY|Fatal error' "$work/$t.fuzz.log" "$work/$t.asan.log" | head -n 4 | sed 's/^/  /'
    fi
done
exit $found
