"""Regret matching on a 1000x1000 zero-sum game: OpenSpiel and Nashpy, timed per iteration.

Usage: python3 rm_peers.py GAME.csv ITERATIONS [TARGET_ITERATIONS_CAP]
GAME.csv is a zero-sum game as written by `gamesolve generate zero-sum ... --format csv`
(cells "a;b", header row and column); A is read, B = -A. Times are CPU seconds (time.process_time) of the
iteration loop only (loading excluded); BLAS is pinned to one thread by the caller
(OPENBLAS_NUM_THREADS=1). Neither peer implements regret matching+: OpenSpiel's
`regret_matching` is RM with exploration gamma=1e-6; Nashpy's `regret_minimization` is its own
learning-rate variant. With a third argument, also runs OpenSpiel's RM step by step, computing
the exploitability (NashConv) of its average every 100 iterations (not timed), until it is at
most 1e-3 of the payoff range or the cap is reached.
"""
import sys, time
from fractions import Fraction
import numpy as np

def load(path):
    lines = [l for l in open(path) if l.strip()]
    return np.array([[float(Fraction(c.strip('"').split(";")[0])) for c in l.strip().split(",")[1:]] for l in lines[1:]])

A = load(sys.argv[1])
B = -A
iters = int(sys.argv[2])
rng = float(A.max() - A.min())
print(f"game {A.shape[0]}x{A.shape[1]}, payoff range {rng}")

from open_spiel.python.algorithms import regret_matching as os_rm
t0 = time.process_time()
os_rm.regret_matching([A, B], iterations=iters)
t_os = (time.process_time() - t0) / iters
print(f"openspiel regret_matching: {t_os*1e3:.3f} ms/iteration ({iters} iterations)")

import nashpy as nash
g = nash.Game(A, B)
t0 = time.process_time()
next(g.regret_minimization(iterations=iters))
t_np = (time.process_time() - t0) / iters
print(f"nashpy regret_minimization: {t_np*1e3:.3f} ms/iteration ({iters} iterations)")

def nashconv(x, y):
    u = A @ y
    v = x @ B
    return (u.max() - x @ u) + (v.max() - v @ y)

if len(sys.argv) > 3:
    cap = int(sys.argv[3])
    n, m = A.shape
    strategies = [np.ones(n) / n, np.ones(m) / m]
    regrets = [np.ones(n) / os_rm.INITIAL_REGRET_DENOM, np.ones(m) / os_rm.INITIAL_REGRET_DENOM]
    sums = [strategies[0].copy(), strategies[1].copy()]
    count = 1
    reached = None
    for t in range(1, cap + 1):
        strategies = os_rm._regret_matching_step([A, B], strategies, regrets, 1e-6)
        sums[0] += strategies[0]; sums[1] += strategies[1]; count += 1
        if t % 100 == 0:
            e = nashconv(sums[0] / count, sums[1] / count)
            if e <= 1e-3 * rng:
                reached = t
                break
    final = nashconv(sums[0] / count, sums[1] / count)
    print(f"openspiel RM iterations to NashConv <= 1e-3 x range: {reached if reached else f'not within {cap}'} (NashConv {final:.6g}, relative {final/rng:.3g})")
