#!/bin/sh
# Runs the GameSolve and SciPy minimax benchmarks on the same games in one run.
# Usage: Benchmarks/lp/run.sh [SIZES...]   (default 50 200 500)
set -e
cd "$(dirname "$0")"
SIZES="${*:-50 200 500}"
GAMES="${TMPDIR:-/tmp}/lp-bench-games"
(cd LPBenchmarks && swift build -c release --product lp-bench >&2)
LPBenchmarks/.build/release/lp-bench $SIZES --games "$GAMES" --reps 3
python3 scipy_minimax.py "$GAMES" 3 $SIZES
