#!/usr/bin/env bash
# Runs ours and the peers on the same generated games, in one run. Release build required:
#   (cd Benchmarks/nash/NashBench && swift build -c release)
set -u
cd "$(dirname "$0")"
B=NashBench/.build/release/NashBench
T=$(mktemp -d)
echo "== Savani–von Stengel, longest label (0): ours exact / double, QuantEcon"
for d in 12 14 16 18 20; do
  $B gen-svs $d $T/svs$d.json
  echo "d=$d"; timeout 600 $B svs $d exact; timeout 600 $B svs $d extended; timeout 120 python3 peers.py lh $T/svs$d.json 0
done
echo "== random LH, label 0"
for m in 100 200; do
  $B gen-random $m $m 1 $T/r$m.json
  echo "${m}x${m}"; $B lh $T/r$m.json exact 0 5; python3 peers.py lh $T/r$m.json 0 5
done
echo "== support enumeration (equal sizes)"
for m in 10 12; do
  $B gen-random $m $m 1 $T/s$m.json
  echo "${m}x${m}"; $B se $T/s$m.json 1 equal 3; $B se $T/s$m.json 2 equal 3; python3 peers.py se $T/s$m.json 60
done
