"""Abreu–Sannikov: `gamesolve repeated` against QuantEcon's RepeatedGame.equilibrium_payoffs.

Usage: python3 quantecon_compare.py PATH/TO/gamesolve [OUTDIR]
Writes the stage games (seeded integer payoffs 0..9; 2x2 is the prisoner's dilemma 3,0,5,1) as
JSON game files, runs both tools at δ = 0.3, 0.6, 0.9, and prints one line per case: vertex
counts, the largest distance from a QuantEcon vertex to the nearest gamesolve vertex and back,
whether gamesolve certified its answer, and CPU seconds. Not run by the tests.
"""
import json
import random
import subprocess
import sys
import time

import numpy as np
import quantecon.game_theory as gt


def games():
    yield "pd-2x2", [[(3, 3), (0, 5)], [(5, 0), (1, 1)]]
    rng = random.Random(14)
    for n, count in ((3, 3), (10, 2)):
        for k in range(count):
            yield f"random-{n}x{n}-{k}", [[(rng.randint(0, 9), rng.randint(0, 9)) for _ in range(n)] for _ in range(n)]


def nearest(a, b):
    if len(a) == 0 or len(b) == 0:
        return float("inf") if len(a) + len(b) else 0.0
    return max(min(max(abs(p[0] - q[0]), abs(p[1] - q[1])) for q in b) for p in a)


def main():
    binary = sys.argv[1]
    outdir = sys.argv[2] if len(sys.argv) > 2 else "/tmp"
    print(f"{'game':14} {'δ':>4} {'qe verts':>8} {'gs verts':>8} {'max dist':>10} {'certified':>9} {'qe s':>7} {'gs s':>7}  note")
    for name, table in games():
        m, n = len(table), len(table[0])
        path = f"{outdir}/{name}.json"
        with open(path, "w") as f:
            json.dump({"title": name, "players": [{"name": "1", "strategies": [f"a{i}" for i in range(m)]},
                                                  {"name": "2", "strategies": [f"b{j}" for j in range(n)]}],
                       "payoffs": [[list(c) for c in row] for row in table]}, f)
        arrays = np.array(table, dtype=float)
        g = gt.NormalFormGame(arrays)
        for delta, text in ((0.3, "3/10"), (0.6, "3/5"), (0.9, "9/10")):
            note = ""
            t0 = time.process_time()
            try:
                hull = gt.RepeatedGame(g, delta).equilibrium_payoffs(options={"max_iter": 100000})
                qe = [tuple(hull.points[v]) for v in hull.vertices]
            except Exception as e:  # QuantEcon raises on points, segments and empty sets
                qe = None
                note = "QuantEcon raised: " + str(e).split("\n")[0][:60]
            qe_s = time.process_time() - t0
            t0 = time.time()
            run = subprocess.run([binary, "repeated", path, "--discount", text, "--format", "json"],
                                 capture_output=True, text=True)
            gs_s = time.time() - t0
            out = json.loads(run.stdout)
            ours = [tuple(float(eval(c)) for c in v) for v in out["vertices"]]   # "p/q" strings
            dist = "-" if qe is None else f"{max(nearest(qe, ours), nearest(ours, qe)):.2e}"
            if qe is None:
                note += f"; gamesolve: {out['shape']} {out['vertices']}"
            print(f"{name:14} {delta:>4} {('-' if qe is None else len(qe)):>8} {len(ours):>8} {dist:>10} {str(out['certified']):>9} {qe_s:7.2f} {gs_s:7.2f}  {note}")


if __name__ == "__main__":
    main()
