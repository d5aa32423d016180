#!/usr/bin/env python3
"""Times nashpy's and QuantEcon's support_enumeration and lemke_howson on games written by
NashBench (JSON {"A": [[...]], "B": [[...]]} with exact integer strings).

  python3 peers.py lh GAME.json [LABEL] [REPEATS]  QuantEcon lemke_howson (numba, doubles), best of REPEATS
  python3 peers.py se GAME.json [TIMEOUT_S]    QuantEcon and nashpy support_enumeration
"""
import json, sys, time, multiprocessing as mp
import numpy as np

def load(path):
    g = json.load(open(path))
    return (np.array([[float(v) for v in r] for r in g["A"]]), np.array([[float(v) for v in r] for r in g["B"]]))

def is_ne(A, B, x, y, tol=1e-7):
    return (A @ y).max() - x @ A @ y <= tol and (x @ B).max() - x @ B @ y <= tol

def qe_lh(A, B, label, repeats=1):
    import quantecon.game_theory as gt
    g = gt.NormalFormGame((gt.Player(A), gt.Player(B.T)))
    gt.lemke_howson(g, init_pivot=label)  # numba compile
    best = cpu = float("inf")
    for _ in range(repeats):
        c = time.thread_time(); t = time.perf_counter()
        (x, y), res = gt.lemke_howson(g, init_pivot=label, full_output=True)
        best = min(best, time.perf_counter() - t); cpu = min(cpu, time.thread_time() - c)
    print(f"quantecon lh label={label} pivots={res.num_iter} time={best:.6f}s cpu={cpu:.6f}s (best of {repeats}) "
          f"converged={res.converged} ne={is_ne(A, B, x, y)}")

def run_with_timeout(fn, timeout):
    p = mp.Process(target=fn); p.start(); p.join(timeout)
    if p.is_alive():
        p.terminate(); return False
    return True

def qe_se(A, B):
    import quantecon.game_theory as gt
    g = gt.NormalFormGame((gt.Player(A), gt.Player(B.T)))
    gt.support_enumeration(gt.NormalFormGame((gt.Player(A[:2, :2]), gt.Player(B[:2, :2].T))))
    t = time.perf_counter(); eqs = gt.support_enumeration(g); dt = time.perf_counter() - t
    print(f"quantecon se equilibria={len(eqs)} time={dt:.4f}s", flush=True)

def nashpy_se(A, B):
    import nashpy
    t = time.perf_counter(); eqs = list(nashpy.Game(A, B).support_enumeration()); dt = time.perf_counter() - t
    print(f"nashpy se equilibria={len(eqs)} time={dt:.4f}s", flush=True)

if __name__ == "__main__":
    A, B = load(sys.argv[2])
    if sys.argv[1] == "lh":
        qe_lh(A, B, int(sys.argv[3]) if len(sys.argv) > 3 else 0, int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    else:
        timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 60
        for name, fn in (("quantecon se", lambda: qe_se(A, B)), ("nashpy se", lambda: nashpy_se(A, B))):
            if not run_with_timeout(fn, timeout):
                print(f"{name} timeout after {timeout:.0f}s", flush=True)
