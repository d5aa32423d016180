"""SciPy linprog (HiGHS) minimax on the games lp-bench wrote: the same LP as GameSolve's
(max v s.t. A^T x >= v, sum x = 1, x >= 0, v free). Prints one JSON object per line."""
import json, sys, time
import numpy as np
from scipy.optimize import linprog

def solve(a, method):
    m, n = a.shape
    c = np.zeros(m + 1); c[-1] = -1.0                     # maximise v
    a_ub = np.hstack([-a.T, np.ones((n, 1))])             # v - sum_i x_i a_ij <= 0
    b_ub = np.zeros(n)
    a_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    bounds = [(0, None)] * m + [(None, None)]
    r = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[1.0], bounds=bounds, method=method)
    return r

def main():
    directory, reps, sizes = sys.argv[1], int(sys.argv[2]), [int(s) for s in sys.argv[3:]]
    for n in sizes:
        a = np.loadtxt(f"{directory}/game-{n}.txt", dtype=float, ndmin=2)
        for method in ("highs", "highs-ds", "highs-ipm"):
            times = []
            for _ in range(reps):
                t0 = time.perf_counter()
                r = solve(a, method)
                times.append(time.perf_counter() - t0)
            times.sort()
            print(json.dumps({"size": n, "mode": f"scipy-{method}", "seconds": times[len(times) // 2],
                              "value": float(-r.fun), "iterations": int(r.nit)}))

if __name__ == "__main__":
    main()
