#!/bin/sh
# Side-by-side: gamesolve partition vs ODP-IP (Java, built outside the repository; see README.md).
# Usage: run.sh "18 20 22" "uniform normal ndcs" [method]
# Prints one line per run: distribution n tool cpu_user cpu_sys wall value.
set -eu
SIZES=${1:-"18 20"}
DISTS=${2:-"uniform normal ndcs"}
METHOD=${3:-idp}
G=${GAMESOLVE:-.build/release/gamesolve}
PEER=${ODPIP_DIR:-/work/peers/odpip}
DATA=${DATA_DIR:-/tmp/csg}
mkdir -p "$DATA"
for n in $SIZES; do
  for d in $DISTS; do
    f="$DATA/$d-$n.txt"
    [ -f "$f" ] || "$G" generate "csg-$d" --size "$n" --seed 1 --format csv -o "$f"
    ours=$( { /usr/bin/time -f "%U %S %e" "$G" partition "$f" --method "$METHOD" --format json --no-progress > "$DATA/ours-$d-$n.json"; } 2>&1 | tail -1)
    value=$(grep '"value"' "$DATA/ours-$d-$n.json" | head -1 | tr -dc '0-9')
    echo "$d $n gamesolve-$METHOD $ours $value"
    peer=$( { /usr/bin/time -f "%U %S %e" java -cp "$PEER/classes:$PEER/commons-math-2.2.jar" harness.RunFromVector "$f" "$n" ODPIP > "$DATA/odpip-$d-$n.txt"; } 2>&1 | tail -1)
    pvalue=$(grep '^solver=' "$DATA/odpip-$d-$n.txt" | sed 's/.*value=\([0-9]*\).*/\1/')
    echo "$d $n odp-ip $peer $pvalue"
  done
done
