#!/usr/bin/env python3
"""Benchmark: ExtremeEquilibria (extreme-bench, release) next to lrsnash and QuantEcon's
vertex_enumeration on the same games.

Random n x n bimatrix games with integer payoffs 0..999 (Python's random with seed
1000*n + k), written in lrsnash's input format. Ours and lrsnash are timed as wall-clock time of
the whole process (start-up, parsing and printing included); QuantEcon in-process (the call to
vertex_enumeration only, after a warm-up call that triggers numba's compilation). Equilibrium
counts are compared. A second table counts the equilibria each tool finds on small degenerate
games (payoffs in 0..2, so ties are everywhere).

usage: python3 run.py [--sizes 8 10 12 14 16] [--games 3] [--degenerate 10] [--out results.md]
Build first:  (cd swift && swift build -c release --static-swift-stdlib)
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


def read_game(path):
    tokens = open(path).read().split()
    m, n = int(tokens[0]), int(tokens[1])
    v = [int(t) for t in tokens[2:2 + 2 * m * n]]
    a = [v[i * n:(i + 1) * n] for i in range(m)]
    b = [v[m * n + i * n:m * n + (i + 1) * n] for i in range(m)]
    return a, b


def quantecon_solve(path):
    """(seconds, number of distinct equilibria, CPU seconds of the calling thread) of QuantEcon's
    vertex_enumeration, in-process."""
    import numpy as np
    from quantecon import game_theory as gt
    a, b = read_game(path)
    g = gt.NormalFormGame((gt.Player(np.array(a, dtype=float)), gt.Player(np.array(b, dtype=float).T)))
    c0 = time.thread_time()
    t0 = time.perf_counter()
    eqs = gt.vertex_enumeration(g)
    dt = time.perf_counter() - t0
    dc = time.thread_time() - c0
    distinct = {(tuple(np.round(x, 9)), tuple(np.round(y, 9))) for x, y in eqs}
    return dt, len(distinct), dc


def have_quantecon():
    try:
        import numpy as np
        from quantecon import game_theory as gt
        gt.vertex_enumeration(gt.NormalFormGame(np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]])))  # numba warm-up
        return True
    except Exception:
        return False


def timed(cmd, repeat=1):
    """Median wall-clock seconds of `repeat` runs of the whole process, and its output."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[8, 10, 12, 14, 16])
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--degenerate", type=int, default=10, help="number of small degenerate games to count on")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool and game (the median is kept)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if not os.path.exists(OURS):
        sys.exit(f"build first: (cd {HERE}/swift && swift build -c release)")
    have_lrs = os.path.exists(LRSNASH)
    have_qe = have_quantecon()
    rows = []
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            ours_t = {j: [] for j in args.jobs}
            tin, tl, tq, cin, cq = [], [], [], [], []
            counts = []
            for k in range(args.games):
                path = os.path.join(tmp, f"g{n}_{k}.txt")
                write_game(path, n, 1000 * n + k)
                found = set()
                for j in args.jobs:
                    d, o = timed([OURS, "--jobs", str(j), path], args.repeat)
                    ours_t[j].append(d)
                    found.add(int(o.split("\t")[1]))
                _, o = timed([OURS, "--jobs", "1", "--repeat", str(args.repeat), path])
                tin.append(float(o.split("\t")[2]))
                cin.append(float(o.strip().split("\t")[-1].split("=")[1]))
                assert len(found) == 1, f"job counts disagree: {found}"
                ours = found.pop()
                label = f"{ours}"
                if have_lrs:
                    dl, ol = timed([LRSNASH, path], args.repeat)
                    tl.append(dl)
                    m = re.search(r"Number of equilibria found: (\d+)", ol)
                    theirs = int(m.group(1)) if m else None
                    if theirs != ours:
                        label += f" lrs {theirs}"
                if have_qe:
                    runs = [quantecon_solve(path) for _ in range(args.repeat)]
                    dq, nq = statistics.median(r[0] for r in runs), runs[0][1]
                    tq.append(dq)
                    cq.append(statistics.median(r[2] for r in runs))
                    if nq != ours:
                        label += f" qe {nq}"
                counts.append(label)
            med = lambda xs: statistics.median(xs) if xs else None
            row = (n, [med(ours_t[j]) for j in args.jobs], med(tl), med(tq), counts, med(tin), med(cin), med(cq))
            rows.append(row)
            fmt = lambda x: "n/a" if x is None else f"{x:.3f}"
            print(f"n={n:2d}  " + "  ".join(f"ours({j} job{'s' if j > 1 else ''}) {fmt(t)} s" for j, t in zip(args.jobs, row[1]))
                  + f"  lrsnash {fmt(row[2])} s  | in-process: ours {fmt(row[5])} s (cpu {fmt(row[6])})  quantecon {fmt(row[3])} s (cpu {fmt(row[7])})  equilibria {counts}", flush=True)

        degenerate = []
        for k in range(args.degenerate):
            rng = random.Random(777 + k)
            n = 4 + k % 3
            a = [[rng.randint(0, 2) for _ in range(n)] for _ in range(n)]
            b = [[rng.randint(0, 2) for _ in range(n)] for _ in range(n)]
            path = os.path.join(tmp, f"d{k}.txt")
            with open(path, "w") as f:
                f.write(f"{n} {n}\n\n" + "\n".join(" ".join(map(str, r)) for r in a) + "\n\n"
                        + "\n".join(" ".join(map(str, r)) for r in b) + "\n")
            _, o = timed([OURS, path])
            ours = int(o.split("\t")[1])
            theirs = None
            if have_lrs:
                _, ol = timed([LRSNASH, path])
                m = re.search(r"Number of equilibria found: (\d+)", ol)
                theirs = int(m.group(1)) if m else None
            qe = quantecon_solve(path)[1] if have_qe else None
            degenerate.append((k, n, ours, theirs, qe))
            print(f"degenerate game {k} ({n}x{n}, payoffs 0..2, seed {777 + k}): ours {ours}  lrsnash {theirs}  quantecon {qe}", flush=True)

    if args.out:
        with open(args.out, "w") as f:
            head = " | ".join(f"ours, {j} job{'s' if j > 1 else ''} (s)" for j in args.jobs)
            f.write(f"| n | {head} | lrsnash (s) | ours in-process, 1 job (s) | ours in-process CPU (s) | QuantEcon in-process (s) | QuantEcon in-process CPU (s) | equilibria per game |\n|---|" + "---|" * (len(args.jobs) + 6) + "\n")
            fmt = lambda x: "n/a" if x is None else f"{x:.5f}"
            for n, ts, l, q, counts, tin, ci, cqe in rows:
                f.write(f"| {n} | " + " | ".join(fmt(t) for t in ts) + f" | {fmt(l)} | {fmt(tin)} | {fmt(ci)} | {fmt(q)} | {fmt(cqe)} | {', '.join(counts)} |\n")
            f.write("\n| degenerate game (seed) | size | ours | lrsnash | QuantEcon |\n|---|---|---|---|---|\n")
            for k, n, o, l, q in degenerate:
                f.write(f"| {777 + k} | {n}x{n} | {o} | {l} | {q} |\n")


if __name__ == "__main__":
    main()
