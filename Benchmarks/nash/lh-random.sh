#!/usr/bin/env bash
# Lemke–Howson, label 0, on the six random games of the README (payoffs 0..999, seeds 1–3):
# ours (certified exact route) and QuantEcon back to back per game, best of N, wall and thread
# CPU time. Release build required: (cd Benchmarks/nash/NashBench && swift build -c release)
set -u
cd "$(dirname "$0")"
B=NashBench/.build/release/NashBench
T=$(mktemp -d)
uptime
for spec in "100 1 20" "100 2 20" "100 3 20" "200 2 20" "200 3 5" "200 1 3"; do
  set -- $spec
  $B gen-random $1 $1 $2 $T/r$1-$2.json
  echo "== ${1}x${1} seed $2 (best of $3)"
  $B lh $T/r$1-$2.json exact 0 $3
  python3 peers.py lh $T/r$1-$2.json 0 $3
done
uptime
