#!/usr/bin/env python3
"""Benchmark: ExtremeEquilibria (extreme-bench, release) next to lrsnash on the same games.

Random n x n bimatrix games with integer payoffs 0..999 (Python's random with seed
1000*n + k), written in lrsnash's input format; every run is timed as wall-clock time of the
whole process (parsing and printing included) for both tools. Equilibrium counts are compared.

usage: python3 run.py [--sizes 8 10 12 14 16] [--games 3] [--out results.md]
Build first:  (cd swift && swift build -c release)
"""
import argparse, os, random, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(HERE, "swift", ".build", "release", "extreme-bench")
LRSNASH = "/usr/bin/lrsnash"


def write_game(path, n, seed):
    rng = random.Random(seed)
    a = [[rng.randint(0, 999) for _ in range(n)] for _ in range(n)]
    b = [[rng.randint(0, 999) for _ in range(n)] for _ in range(n)]
    with open(path, "w") as f:
        f.write(f"{n} {n}\n\n")
        f.write("\n".join(" ".join(map(str, r)) for r in a) + "\n\n")
        f.write("\n".join(" ".join(map(str, r)) for r in b) + "\n")


def timed(cmd):
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - t0, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[8, 10, 12, 14, 16])
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if not os.path.exists(OURS):
        sys.exit(f"build first: (cd {HERE}/swift && swift build -c release)")
    have_lrs = os.path.exists(LRSNASH)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t1, t2, tl = [], [], []
            counts = []
            for k in range(args.games):
                path = os.path.join(tmp, f"g{n}_{k}.txt")
                write_game(path, n, 1000 * n + k)
                d1, o1 = timed([OURS, "--jobs", "1", path])
                d2, o2 = timed([OURS, "--jobs", "2", path])
                ours = int(o1.split("\t")[1])
                assert ours == int(o2.split("\t")[1]), "jobs 1 and 2 disagree"
                t1.append(d1); t2.append(d2)
                theirs = None
                if have_lrs:
                    dl, ol = timed([LRSNASH, path])
                    tl.append(dl)
                    m = re.search(r"Number of equilibria found: (\d+)", ol)
                    theirs = int(m.group(1)) if m else None
                counts.append(f"{ours}" + ("" if theirs is None or theirs == ours else f"≠{theirs}"))
            row = (n, statistics.median(t1), statistics.median(t2), statistics.median(tl) if tl else None, counts)
            rows.append(row)
            lrs = f"{row[3]:.3f}" if row[3] is not None else "n/a"
            print(f"n={n:2d}  ours(1 job) {row[1]:.3f} s  ours(2 jobs) {row[2]:.3f} s  lrsnash {lrs} s  equilibria {counts}", flush=True)
    if args.out:
        with open(args.out, "w") as f:
            f.write("| n | ours, 1 job (s) | ours, 2 jobs (s) | lrsnash (s) | equilibria per game |\n|---|---|---|---|---|\n")
            for n, a, b, c, counts in rows:
                f.write(f"| {n} | {a:.3f} | {b:.3f} | {'n/a' if c is None else f'{c:.3f}'} | {', '.join(counts)} |\n")


if __name__ == "__main__":
    main()
