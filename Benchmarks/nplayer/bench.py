"""Time to the first certified equilibrium: gamesolve (logit, support-enumeration) vs Gambit
(pygambit 16.7: gnm, simpdiv, logit) on the same .nfg files, run back to back.

Every profile, ours and Gambit's, is re-checked here in exact rational arithmetic
(fractions.Fraction): the regret printed below is max over players and pure deviations of the
deviation payoff minus the profile's payoff, divided by the game's payoff range. Gambit's
floating-point probabilities are converted exactly (Fraction(float)) and renormalised per player.

CPU time: ours is the child process's user+system time (os.wait4); Gambit's is
time.process_time() around the solver call inside a fresh child interpreter (imports excluded).

usage: python bench.py [games/*.nfg]    (needs pygambit; gamesolve at ../../.build/release)
"""
import json, os, subprocess, sys, time
from fractions import Fraction
from itertools import product

GAMESOLVE = os.environ.get("GAMESOLVE", "../../.build/release/gamesolve")
TIMEOUT = float(os.environ.get("TIMEOUT", "120"))


def read_game(path):
    import pygambit as gbt
    g = gbt.read_nfg(path)
    players = list(g.players)
    strategy_lists = [list(p.strategies) for p in players]
    counts = [len(s) for s in strategy_lists]
    payoffs = {}
    for prof in product(*[range(c) for c in counts]):
        strategies = [strategy_lists[i][s] for i, s in enumerate(prof)]
        out = g[strategies]
        payoffs[prof] = [Fraction(str(out[p])) for p in players]
    return counts, payoffs


def regret(counts, payoffs, profile):
    """Exact max regret of a profile given as lists of Fractions."""
    n = len(counts)
    worst = Fraction(0)
    for i in range(n):
        values = [Fraction(0)] * counts[i]
        for prof, u in payoffs.items():
            w = Fraction(1)
            for j in range(n):
                if j != i:
                    w *= profile[j][prof[j]]
                    if w == 0:
                        break
            if w:
                values[prof[i]] += w * u[i]
        mean = sum(profile[i][k] * values[k] for k in range(counts[i]))
        worst = max(worst, max(values) - mean)
    return worst


def payoff_range(payoffs):
    all_values = [v for u in payoffs.values() for v in u]
    return max(all_values) - min(all_values)


def exact_profile(rows):
    out = []
    for row in rows:
        r = [Fraction(x) if not isinstance(x, str) else Fraction(x) for x in row]
        r = [max(Fraction(0), x) for x in r]
        s = sum(r)
        out.append([x / s for x in r])
    return out


GAMBIT_CHILD = r'''
import sys, time, json
import pygambit as gbt
path, method = sys.argv[1], sys.argv[2]
g = gbt.read_nfg(path)
t = time.process_time()
if method == "gnm":
    r = gbt.nash.gnm_solve(g)
elif method == "simpdiv":
    r = gbt.nash.simpdiv_solve(g.mixed_strategy_profile(rational=True))
elif method == "logit":
    r = gbt.nash.logit_solve(g)
cpu = time.process_time() - t
eqs = [[[str(eq[s]) for s in p.strategies] for p in g.players] for eq in r.equilibria[:1]]
print(json.dumps({"cpu": cpu, "equilibria": eqs}))
'''


def run_gambit(path, method):
    try:
        p = subprocess.run([sys.executable, "-c", GAMBIT_CHILD, path, method], capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, None
    if p.returncode != 0:
        return "error", None
    out = json.loads(p.stdout)
    return out["cpu"], out["equilibria"]


def ours(path, args):
    start = os.times()
    p = subprocess.run([GAMESOLVE, "nash", path, "--format", "json", "--no-progress"] + args,
                       capture_output=True, text=True, timeout=TIMEOUT)
    end = os.times()
    cpu = (end.children_user - start.children_user) + (end.children_system - start.children_system)
    if p.returncode not in (0, 75):
        return "error", None, None
    data = json.loads(p.stdout)
    eqs = data["equilibria"][:1]
    claimed = [Fraction(e["maxRegret"]) for e in eqs]
    return cpu, [e["strategies"] for e in eqs], claimed


def main(paths):
    print("| game | method | CPU s | equilibria | exact regret / range | printed maxRegret / range |")
    print("|---|---|---:|---:|---:|---:|")
    for path in paths:
        counts, payoffs = read_game(path)
        rng = payoff_range(payoffs) or Fraction(1)
        name = os.path.basename(path)
        rows = []
        for label, args in [("gamesolve logit", ["--method", "logit"]),
                            ("gamesolve support-enumeration (first)", ["--method", "support-enumeration", "--max-equilibria", "1", "--timeout", str(int(TIMEOUT))])]:
            try:
                cpu, eqs, claimed = ours(path, args)
            except subprocess.TimeoutExpired:
                rows.append((label, "timeout", "", "", ""))
                continue
            if cpu == "error" or not eqs:
                rows.append((label, "error" if cpu == "error" else f"{cpu:.3f}", 0, "", ""))
                continue
            prof = [[Fraction(x) for x in row] for row in eqs[0]]
            r = regret(counts, payoffs, prof)
            assert r == claimed[0], f"{name}: printed maxRegret {claimed[0]} differs from recomputed {r}"
            rows.append((label, f"{cpu:.3f}", len(eqs), f"{float(r / rng):.1e}", f"{float(claimed[0] / rng):.1e}"))
        for method in ["gnm", "simpdiv", "logit"]:
            cpu, eqs = run_gambit(path, method)
            if cpu is None:
                rows.append((f"gambit {method}", f"> {TIMEOUT:.0f} (timeout)", "", "", ""))
                continue
            if cpu == "error" or not eqs:
                rows.append((f"gambit {method}", "error" if cpu == "error" else f"{cpu:.3f}", 0, "", ""))
                continue
            r = regret(counts, payoffs, exact_profile(eqs[0]))
            rows.append((f"gambit {method}", f"{cpu:.3f}", len(eqs), f"{float(r / rng):.1e}", ""))
        for row in rows:
            print(f"| {name} | " + " | ".join(str(c) for c in row) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
