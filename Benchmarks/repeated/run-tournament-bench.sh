#!/bin/sh
# Round robin of the 14 deterministic strategies, 200 turns, noise 0.05: gamesolve at 10 and 1000
# repetitions, then Axelrod-Python 4.14 (Tournament(..., processes=2)) at 10 repetitions, back to
# back. Prints wall/user/sys seconds and max RSS (GNU time). Usage: run-tournament-bench.sh GAMESOLVE [AXELREPS]
set -e
GS=${1:-.build/release/gamesolve}
AXREPS=${2:-10}
HERE=$(dirname "$0")
for reps in "$AXREPS" 1000; do
  /usr/bin/time -f "gamesolve reps=$reps: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$GS" tournament --turns 200 --repetitions "$reps" --noise 0.05 --seed 1 --format csv > /dev/null
done
/usr/bin/time -f "gamesolve reps=1000 turns=20000: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  "$GS" tournament --turns 20000 --repetitions 1000 --noise 0.05 --seed 1 --format csv > /dev/null
/usr/bin/time -f "axelrod reps=$AXREPS: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  python3 "$HERE/axelrod_tournament.py" "$AXREPS" 200 0.05 2
