#!/bin/sh
# Runs the GameSolve and SciPy (HiGHS) minimax benchmarks on the same games in one run.
# Usage: Benchmarks/lp/run.sh [SIZES...]        (default 50 200 500)
#        EXACT_SIZES="50 200" Benchmarks/lp/run.sh   (exact mode only for these; default 50)
set -e
cd "$(dirname "$0")"
SIZES="${*:-50 200 500}"
EXACT_SIZES="${EXACT_SIZES-50}"
GAMES="${TMPDIR:-/tmp}/lp-bench-games"
(cd LPBenchmarks && swift build -c release --product lp-bench >&2)
LPBenchmarks/.build/release/lp-bench $SIZES --games "$GAMES" --reps 3 --no-exact
python3 scipy_minimax.py "$GAMES" 3 $SIZES
if [ -n "$EXACT_SIZES" ]; then
    LPBenchmarks/.build/release/lp-bench $EXACT_SIZES --games "$GAMES" --reps 1
fi
