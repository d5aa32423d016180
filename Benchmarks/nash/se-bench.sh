#!/usr/bin/env bash
# Support enumeration (equal-size supports) only: ours with 1 and 2 jobs (wall and CPU time),
# QuantEcon's support_enumeration, and nashpy's (8x8 and 10x10 only), on the same generated games
# in one run. Release build required: (cd NashBench && swift build -c release)
#   ./se-bench.sh [SIZES...]        default: 8 10 12 14
set -u
cd "$(dirname "$0")"
B=NashBench/.build/release/NashBench
T=$(mktemp -d)
SIZES=${*:-8 10 12 14}
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for m in $SIZES; do
  $B gen-random $m $m 1 $T/s$m.json
  echo "== ${m}x${m} (payoffs 0..999, seed 1)"
  for j in 1 2; do /usr/bin/time -f "   wall %es cpu %Us (whole process, incl. repeats)" $B se $T/s$m.json $j equal 3; done
  if [ "$m" -le 10 ]; then timeout 200 python3 peers.py se $T/s$m.json 60
  else timeout 200 python3 -c "
import sys; sys.argv=['peers.py','se','$T/s$m.json']
import peers; A,B=peers.load('$T/s$m.json'); peers.qe_se(A,B)"; fi
  echo "   load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$T"
