#!/usr/bin/env python3
"""Side-by-side: gamesolve's coalition solvers vs coopgame-py on the same BNF games, same run.

Usage: python3 peers.py [--sizes 10,14,18,22,24] [--seed 1] [--type 1]
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
a = ap.parse_args()

out = subprocess.run([a.bench, "--sizes", a.sizes, "--seed", a.seed, "--type", a.type, "--voting", "200"],
                     capture_output=True, text=True, check=True).stdout
rows = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
print(f"coopgame {getattr(coopgame, '__version__', '0.3.0')}; machine shared and noisy")
print(f"{'n':>3} {'ours nuc s':>10} {'coop nuc s':>10} {'ratio':>6} {'ours shap s':>11} {'coop shap s':>11} {'coop build s':>12} {'verified':>8} {'max|diff| nuc':>13} {'max|diff| shap':>14}")
for r in rows:
    if "n" not in r:
        print(f"voting power n={r['votingPlayers']} weights {r['weights']}: {r['powerSeconds']:.3f} s (ours; coopgame enumerates 2^n, not comparable)")
        continue
    vals = np.fromfile(r["file"], dtype="<i8").astype(float).tolist()
    t = time.perf_counter(); g = coopgame.Game(vals); tb = time.perf_counter() - t
    t = time.perf_counter(); nuc = coopgame.nucleolus(g); tn = time.perf_counter() - t
    t = time.perf_counter(); sh = coopgame.shapley(g); ts = time.perf_counter() - t
    ours_n = [float(Fraction(x)) for x in r["nucleolus"]]
    ours_s = [float(Fraction(x)) for x in r["shapley"]]
    dn = max(abs(x - y) for x, y in zip(ours_n, nuc["allocation"]))
    ds = max(abs(x - y) for x, y in zip(ours_s, sh))
    print(f"{r['n']:>3} {r['nucleolusSeconds']:>10.3f} {tn:>10.3f} {tn / r['nucleolusSeconds']:>6.1f} {r['shapleySeconds']:>11.3f} {ts:>11.3f} {tb:>12.3f} {str(r['verified']):>8} {dn:>13.2e} {ds:>14.2e}")
    sys.stdout.flush()
