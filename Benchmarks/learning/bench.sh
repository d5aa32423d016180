#!/bin/sh
# Learning and α-Rank benchmarks, ours and the peers back to back (see README.md).
# Needs a release build (swift build -c release --product gamesolve) and
# `pip install open_spiel nashpy`. Times are CPU seconds.
set -e
G=${G:-.build/release/gamesolve}
HERE=Benchmarks/learning
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

echo "== regret matching+ on a 1000x1000 zero-sum game (integers 0..99, B = -A)"
$G generate zero-sum --size 1000 --seed 1 --format csv -o /tmp/zs1000.csv
for n in 100 1100; do
  /usr/bin/time -f "ours RM+ $n iterations: cpu %U+%S s" $G learn /tmp/zs1000.csv --dynamics regret-matching-plus --iterations $n --format json > /tmp/rmp$n.json
done
python3 $HERE/rm_peers.py /tmp/zs1000.csv 300 20000
for d in regret-matching-plus regret-matching; do
  $G learn /tmp/zs1000.csv --dynamics $d --iterations 20000 --trace-every 50 --format csv --decimals 6 |
    python3 -c "import csv,sys; r=list(csv.reader(sys.stdin))[1:]; h=[x for x in r if float(x[2])<=0.099]; print('ours $d iterations to NashConv <= 1e-3 x 99:', h[0][0] if h else 'not reached')"
done

echo "== α-Rank, two populations, m = 50, α = 1"
for n in 20 40; do
  $G generate random --size $n --seed 3 --decimals 3 --format csv -o /tmp/r$n.csv
  /usr/bin/time -f "ours ${n}x$n: cpu %U+%S s" $G rank /tmp/r$n.csv --population-size 50 --alpha 1 --format csv > /tmp/ours_ar$n.csv
  python3 $HERE/alpharank_peers.py /tmp/r$n.csv 50 1 > /tmp/os_ar$n.txt
  head -1 /tmp/os_ar$n.txt
  python3 $HERE/compare_alpharank.py $n /tmp/ours_ar$n.csv /tmp/os_ar$n.txt
done
$G generate random --size 200 --seed 4 --decimals 3 --format csv -o /tmp/r200.csv
/usr/bin/time -f "ours 200x200 (40000 profiles): cpu %U+%S s, wall %e s, max RSS %M KB" $G rank /tmp/r200.csv --population-size 50 --alpha 1 --format json > /tmp/ar200.json
python3 $HERE/three_populations.py /tmp/three50.nfg
/usr/bin/time -f "ours 3 populations of 50 (125000 profiles): cpu %U+%S s, wall %e s, max RSS %M KB" $G rank /tmp/three50.nfg --population-size 50 --alpha 0.01 --format json > /tmp/ar3.json
