"""Nash averaging of a seeded random antisymmetric n x n meta-game: writes it as a one-number CSV
(for `gamesolve rank --method nash-averaging`) and runs OpenSpiel's cvxpy version on it.

Usage: python3 nash_averaging_peers.py N OUT.csv [OURS.json]
Entries are multiples of 1/10 in [-5, 5] (seed 1, numpy default_rng). With OURS.json (gamesolve's
JSON output) it prints the largest difference between the two equilibria.
"""
import json, sys, time
from fractions import Fraction
import numpy as np

n, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(1)
upper = rng.integers(-50, 51, size=(n, n))
M = np.triu(upper, 1)
M = M - M.T
with open(out, "w") as f:
    for row in M:
        f.write(",".join(f"{v}/10" for v in row) + "\n")
A = M / 10.0
from open_spiel.python.algorithms import nash_averaging as na
t0 = time.process_time()
try:
    p = na._max_entropy_symmetric_nash(A, eps=0.0)   # eps=0.0 as in na.nash_averaging
    print(f"openspiel (cvxpy) cpu {time.process_time() - t0:.3f} s, support {int((p > 1e-6).sum())}")
except Exception as e:
    print(f"openspiel (cvxpy) cpu {time.process_time() - t0:.3f} s ERROR: {e}")
    p = None
if p is not None and len(sys.argv) > 3:
    ours = json.load(open(sys.argv[3]))
    q = np.array([float(Fraction(x)) for x in ours["maxEntropyNash"]])
    print("max |ours - openspiel| =", float(np.abs(q - np.asarray(p).ravel()).max()))
