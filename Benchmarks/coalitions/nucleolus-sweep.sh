#!/usr/bin/env bash
# Sweep of seeded Benedek–Fliege–Nguyen games through the release binary (issue 19, "never an
# unverified answer"): for each type, size and seed, `gamesolve generate` writes the game and
# `gamesolve nucleolus --format json` solves it. One line per game: exit status, verified,
# basis repairs (level LPs whose floating basis failed the exact certificate), levels, and the
# whole-process wall time of the nucleolus call (reading the JSON table included: at n = 22 and
# 24 the table is 21 MB and 85 MB, and reading it is most of the time).
#
#   swift build -c release
#   bash Benchmarks/coalitions/nucleolus-sweep.sh      # n = 18..24, types 1-4 seeds 1-3, type 5 (seedless) once
#   SIZES="22 24" TYPES=1 SEEDS="1 2 3" bash Benchmarks/coalitions/nucleolus-sweep.sh
#   GAMESOLVE=/path/to/other/gamesolve bash Benchmarks/coalitions/nucleolus-sweep.sh
#
# Exits 1 when any game fails (non-zero exit or verified != true), else 0.
set -u
here=$(cd "$(dirname "$0")" && pwd)
gamesolve=${GAMESOLVE:-$here/../../.build/release/gamesolve}
sizes=${SIZES:-18 19 20 21 22 23 24}
types=${TYPES:-1 2 3 4 5}
seeds=${SEEDS:-1 2 3}
# Type 5 (a weighted voting game) does not depend on the seed: one run per size.
type5_seeds=${TYPE5_SEEDS:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/nucleolus-sweep.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -x "$gamesolve" ] || { echo "no gamesolve binary at $gamesolve (swift build -c release)" >&2; exit 2; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
printf '%-6s %3s %4s  %-6s %-8s %-12s %-6s %9s\n' type n seed status verified basisRepairs levels seconds
failures=0
for n in $sizes; do
  for t in $types; do
    run_seeds=$seeds
    [ "$t" = 5 ] && run_seeds=$type5_seeds
    for s in $run_seeds; do
      game=$work/bnf$t-n$n-s$s.json
      "$gamesolve" generate "bnf-type-$t" --size "$n" --seed "$s" -o "$game" 2>"$work/err" || {
        printf '%-6s %3s %4s  generate failed: %s\n' "$t" "$n" "$s" "$(head -1 "$work/err")"; continue; }
      start=$(date +%s.%N)
      "$gamesolve" nucleolus "$game" --format json >"$work/out" 2>"$work/err"
      status=$?
      end=$(date +%s.%N)
      verified=$(grep -o '"verified": [a-z]*' "$work/out" | cut -d' ' -f2)
      repairs=$(grep -o '"basisRepairs": [0-9]*' "$work/out" | cut -d' ' -f2)
      levels=$(tr -d '\n' <"$work/out" | grep -o '"levels": \[[^]]*\]' | grep -o '"[^"]*"' | tail -n +2 | wc -l)
      [ "$status" = 0 ] && [ "$verified" = true ] || failures=$((failures + 1))
      printf '%-6s %3s %4s  %-6s %-8s %-12s %-6s %9.3f\n' "$t" "$n" "$s" "$status" "${verified:--}" "${repairs:--}" \
        "${levels:--}" "$(echo "$end - $start" | bc)"
      [ "$status" = 0 ] || sed 's/^/    /' "$work/err"
      rm -f "$game"
    done
  done
done
echo "# failures: $failures"
[ "$failures" = 0 ]
