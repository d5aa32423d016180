"""OpenSpiel's alpha-Rank on a two-population game read from a paired-cell CSV, CPU-timed.

Usage: python3 alpharank_peers.py GAME.csv M ALPHA
Prints OpenSpiel's CPU seconds and pi in OUR profile order (population 1 fastest), one per line,
for comparison with `gamesolve rank GAME.csv --format csv` (which lists profiles by mass).
"""
import sys, time
from fractions import Fraction
import numpy as np
from open_spiel.python.egt import alpharank

lines = [l for l in open(sys.argv[1]) if l.strip()]
cells = [[c.strip('"').split(";") for c in l.strip().split(",")[1:]] for l in lines[1:]]
A = np.array([[float(Fraction(c[0])) for c in row] for row in cells])
B = np.array([[float(Fraction(c[1])) for c in row] for row in cells])
m, alpha = int(sys.argv[2]), float(sys.argv[3])
t0 = time.process_time()
try:
    _, _, pi, _, _ = alpharank.compute([A, B], m=m, alpha=alpha)
    dt = time.process_time() - t0
    rows, cols = A.shape
    ours = [pi[i * cols + j] for j in range(cols) for i in range(rows)]
    print(f"openspiel cpu {dt:.3f} s")
    for x in ours:
        print(repr(float(x)))
except Exception as e:
    print(f"openspiel cpu {time.process_time() - t0:.3f} s ERROR: {e}")
