#!/usr/bin/env bash
# TU tables at I/O speed (issue 19): whole-process wall time and maximum resident memory of
# `gamesolve shapley|nucleolus|info` on BNF type-1 tables read from JSON and from NumPy .npy,
# against Python's `json.load` of the same JSON file alone.
#
#   Benchmarks/coalitions/tu-io.sh [--gamesolve PATH] [--before PATH] [--dir DIR] [--repeat R] [--sizes "22 24 25"]
#
# --gamesolve  the binary measured (default: .build/release/gamesolve of this checkout)
# --before     a second binary measured on the same files in the same run (e.g. main's build)
# --dir        where the generated games go (default /tmp/tu-io; about 700 MB for n = 25)
# --repeat     runs of each command (default 3); every run is printed
#
# Every line is `label: wall s, max RSS KB` from /usr/bin/time -f "%e s %M KB". The load average
# is printed before and after, since the machine may be shared.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
gamesolve="$root/.build/release/gamesolve"
before=""
dir=/tmp/tu-io
repeat=3
sizes="22 24 25"
while [ $# -gt 0 ]; do
    case "$1" in
        --gamesolve) gamesolve="$2"; shift 2 ;;
        --before) before="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --sizes) sizes="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done
[ -x "$gamesolve" ] || { echo "no gamesolve at $gamesolve: run swift build -c release" >&2; exit 66; }
mkdir -p "$dir"

timed() {   # timed LABEL COMMAND...: prints "LABEL: <wall> s <rss> KB" for each run
    local label="$1"; shift
    for _ in $(seq "$repeat"); do
        /usr/bin/time -f "$label: %e s %M KB" "$@" > /dev/null 2> "$dir/time.txt" || { cat "$dir/time.txt" >&2; return 1; }
        tail -1 "$dir/time.txt"
    done
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "gamesolve: $gamesolve"
[ -n "$before" ] && echo "before: $before"

for n in $sizes; do
    json="$dir/bnf1-n$n.json" npy="$dir/bnf1-n$n.npy"
    [ -s "$json" ] || "$gamesolve" generate bnf-type-1 --size "$n" --seed 1 -o "$json"
    [ -s "$npy" ] || "$gamesolve" convert "$json" -o "$npy"
    echo
    echo "n = $n: $(stat -c %s "$json") bytes of JSON, $(stat -c %s "$npy") bytes of npy ($(( (1 << n) - 1 )) values)"
    if [ "$n" -le 22 ]; then
        timed "python3 json.load (n=$n JSON)" python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$json"
        timed "shapley (n=$n JSON)" "$gamesolve" shapley "$json"
        timed "info (n=$n JSON)" "$gamesolve" info "$json"
        timed "nucleolus (n=$n JSON)" "$gamesolve" nucleolus "$json"
        if [ -n "$before" ]; then
            timed "before: shapley (n=$n JSON)" "$before" shapley "$json"
            timed "before: info (n=$n JSON)" "$before" info "$json"
            timed "before: nucleolus (n=$n JSON)" "$before" nucleolus "$json"
        fi
    else
        timed "shapley (n=$n npy)" "$gamesolve" shapley "$npy"
        timed "nucleolus (n=$n npy)" "$gamesolve" nucleolus "$npy"
        timed "shapley (n=$n JSON)" "$gamesolve" shapley "$json"
        if [ -n "$before" ] && [ "$n" -le 24 ]; then timed "before: shapley (n=$n JSON)" "$before" shapley "$json"; fi
    fi
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"
