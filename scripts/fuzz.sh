#!/usr/bin/env bash
# Fuzzes every reader for a bounded time: scripts/fuzz.sh [seconds-per-target] (default 60).
#
# Builds the libFuzzer targets of Fuzzing/ (a separate package: `swift build -c release
# --sanitize=fuzzer`; FUZZ_CONFIG=debug for a debug build), then runs each on its seed corpus Fuzzing/corpus/<target>/ with
# -max_total_time=<seconds> -timeout=5 -rss_limit_mb=2048 -detect_leaks=1, and prints per target
# the executions, the time, and what was found (crashes, timeouts, out-of-memory, leaks).
# The seed corpus is only read; new inputs go to a scratch folder, findings (the inputs that
# crashed) to Fuzzing/.build/findings/<target>/. Exit status 1 when anything was found, 2 when
# the fuzzer build is unavailable (then it prints why).
#
# Environment: FUZZ_TARGETS="FuzzNFG FuzzCSV" runs only those; FUZZ_RUNS=N also stops each
# target after N executions; FUZZ_SANITIZE="fuzzer address" adds AddressSanitizer (whose leak
# checker is what -detect_leaks uses; slower). On this toolchain (Swift 6.3) the address variant
# comes out without coverage instrumentation, which the run reports: for the leak check use
# scripts/fuzz-leaks.sh, which replays a coverage-guided corpus under AddressSanitizer.
set -uo pipefail
# Swift's own crash backtracer would take the signal before libFuzzer can save the input.
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/../Fuzzing"
seconds="${1:-60}"
targets="${FUZZ_TARGETS:-FuzzNFG FuzzCSV FuzzJSON FuzzLrs FuzzTUJSON FuzzTUVector FuzzTURules FuzzNPY}"
sanitizers="${FUZZ_SANITIZE:-fuzzer}"
config="${FUZZ_CONFIG:-release}"
flags=(); scratch=".build"
for s in $sanitizers; do flags+=(--sanitize="$s"); done
[[ "$sanitizers" != "fuzzer" ]] && scratch=".build-$(echo "$sanitizers" | tr ' ' '-')"

if ! build_log=$(swift build -c "$config" --scratch-path "$scratch" "${flags[@]}" 2>&1); then
    echo "fuzz: the fuzzer build is unavailable on this toolchain (swift build ${flags[*]} failed):"
    echo "$build_log" | grep -E 'error|warning: .*fuzz' | head -n 5
    exit 2
fi
bin="$(swift build -c "$config" --scratch-path "$scratch" "${flags[@]}" --show-bin-path)"

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
found=0
printf '%-13s %12s %8s %9s %8s %9s %5s %6s\n' target executions seconds exec/s crashes timeouts ooms leaks
for t in $targets; do
    mkdir -p "$work/$t" ".build/findings/$t"
    extra=(); [[ -n "${FUZZ_RUNS:-}" ]] && extra=(-runs="$FUZZ_RUNS")
    start=$(date +%s%N)
    "$bin/$t" "$work/$t" "corpus/$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
        -detect_leaks=1 -print_final_stats=1 "${extra[@]}" -artifact_prefix=".build/findings/$t/" \
        > "$work/$t.log" 2>&1
    status=$?
    elapsed=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    log="$work/$t.log"
    runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    [[ -z "$runs" ]] && runs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
    # A target without coverage feedback is not fuzzing: say so and count it as a finding.
    if ! grep -qE 'INITED cov: [0-9]+' "$log"; then
        echo "  $t: no coverage instrumentation in this build (libFuzzer reports no 'cov:'); the run does not count"
        found=1
    fi
    timeouts=$(grep -c 'ALARM: working on the last Unit' "$log")
    ooms=$(grep -c 'ERROR: libFuzzer: out-of-memory' "$log")
    leaks=$(grep -c 'ERROR: LeakSanitizer' "$log")
    crashes=$(grep -cE 'ERROR: libFuzzer: deadly signal|ERROR: AddressSanitizer|Fatal error|ERROR: libFuzzer: fuzz target exited' "$log")
    if (( status != 0 )) && (( timeouts + ooms + leaks + crashes == 0 )); then crashes=1; fi
    printf '%-13s %12s %8.1f %9.0f %8d %9d %5d %6d\n' "$t" "${runs:-0}" "$elapsed" \
        "$(awk -v r="${runs:-0}" -v t="$elapsed" 'BEGIN { print (t > 0 ? r / t : 0) }')" "$crashes" "$timeouts" "$ooms" "$leaks"
    if (( status != 0 )); then
        found=1
        echo "  $t: exit status $status; input saved as: $(grep -oE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //')"
        grep -E 'Fatal error|ERROR:|SUMMARY' "$log" | head -n 3 | sed 's/^/  /'
    fi
done
exit $found
