#!/usr/bin/env python3
"""Side-by-side: gamesolve's coalition solvers vs coopgame-py on the same BNF games, same run.

Usage: python3 peers.py [--sizes 10,14,18,22,24] [--seed 1] [--type 1] [--repeat R] [--quick]
--repeat R times every call R times on both sides and keeps the fastest (wall and CPU);
--quick is --sizes 10,14,18 --repeat 5.
Builds nothing: run `swift build -c release` in this directory first. The Swift bench writes each
game's table (Int64, bitmask order) and its own timings; this script loads the same tables into
coopgame (pip package coopgame-py, Rust, one thread) and times its nucleolus and Shapley value,
then compares the allocations (ours exact and verified by Kohlberg's criterion, theirs floats).
The machine is shared and noisy: treat the numbers as indicative, not as a controlled measurement.
"""
import argparse, json, subprocess, sys, time
from fractions import Fraction
import numpy as np
import coopgame

ap = argparse.ArgumentParser()
ap.add_argument("--sizes", default="10,14,18,22,24")
ap.add_argument("--seed", default="1")
ap.add_argument("--type", default="1")
ap.add_argument("--bench", default=".build/release/coalition-bench")
ap.add_argument("--repeat", type=int, default=1)
ap.add_argument("--quick", action="store_true")
a = ap.parse_args()
if a.quick:
    a.sizes, a.repeat = "10,14,18", max(a.repeat, 5)

def best(f):
    """Fastest of a.repeat runs: (result, wall seconds, CPU seconds of this thread)."""
    res, wall, cpu = None, float("inf"), float("inf")
    for _ in range(a.repeat):
        c = time.thread_time(); t = time.perf_counter()
        res = f()
        wall = min(wall, time.perf_counter() - t); cpu = min(cpu, time.thread_time() - c)
    return res, wall, cpu

out = subprocess.run([a.bench, "--sizes", a.sizes, "--seed", a.seed, "--type", a.type, "--voting", "200", "--repeat", str(a.repeat)],
                     capture_output=True, text=True, check=True).stdout
rows = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
print(f"coopgame {getattr(coopgame, '__version__', '0.3.0')}; machine shared and noisy")
print(f"best of {a.repeat} run(s) per call; wall seconds, CPU seconds of the calling thread in parentheses")
print(f"{'n':>3} {'ours nuc s':>16} {'coop nuc s':>16} {'ratio':>6} {'cpu ratio':>9} {'ours shap s':>11} {'coop shap s':>11} {'coop build s':>12} {'verified':>8} {'max|diff| nuc':>13} {'max|diff| shap':>14}")
for r in rows:
    if "n" not in r:
        print(f"voting power n={r['votingPlayers']} weights {r['weights']}: {r['powerSeconds']:.3f} s wall, {r['powerCPUSeconds']:.3f} s CPU (ours; coopgame enumerates 2^n, not comparable)")
        continue
    vals = np.fromfile(r["file"], dtype="<i8").astype(float).tolist()
    t = time.perf_counter(); g = coopgame.Game(vals); tb = time.perf_counter() - t
    nuc, tn, cn = best(lambda: coopgame.nucleolus(g))
    sh, ts, cs = best(lambda: coopgame.shapley(g))
    ours_n = [float(Fraction(x)) for x in r["nucleolus"]]
    ours_s = [float(Fraction(x)) for x in r["shapley"]]
    dn = max(abs(x - y) for x, y in zip(ours_n, nuc["allocation"]))
    ds = max(abs(x - y) for x, y in zip(ours_s, sh))
    on, oc = r['nucleolusSeconds'], r['nucleolusCPUSeconds']
    print(f"{r['n']:>3} {on:>7.4f} ({oc:>6.4f}) {tn:>7.4f} ({cn:>6.4f}) {tn / on:>6.1f} {cn / max(oc, 1e-9):>9.1f} {r['shapleySeconds']:>11.3f} {ts:>11.3f} {tb:>12.3f} {str(r['verified']):>8} {dn:>13.2e} {ds:>14.2e}")
    sys.stdout.flush()
