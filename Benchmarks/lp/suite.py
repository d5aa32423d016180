"""Side-by-side LP benchmark (issue 19): minimax of random zero-sum games and max-welfare
correlated equilibria, GameSolve against glpsol (GLPK's own CLI, floating and --exact), SciPy's
HiGHS and QuantEcon's minmax, on the same games in the same run.

Usage: python3 Benchmarks/lp/suite.py GAMESOLVE [--minimax 50,100,200,400] [--correlated 20,40]
                                      [--reps 3] [--glpsol-exact-max 100] [--out DIR]

Games: `gamesolve generate zero-sum --size n --seed 1` (payoffs 0..99) for minimax;
`generate random --size n --seed 1` and `generate covariance --size n --rho -0.9 --seed 1` for
correlated equilibria. glpsol reads the same LP as GameSolve solves, written in CPLEX LP format
(the column player's LP max Σw s.t. (A+s)·w ≤ R for minimax; the incentive-constraint LP for
correlated equilibria). Whole-process rows (GameSolve, glpsol) are wall-clock medians of `reps`
runs including process start and file reading; in-process rows (HiGHS, QuantEcon) time only the
solver call on arrays already in memory, and the table says which is which.

Every peer answer is checked against GameSolve's certified one: the value (minimax) or welfare
(correlated) must agree to 1e-6 relative; a disagreement or a failure is printed as such, never
as a time.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from fractions import Fraction

import numpy as np


def run(cmd, timeout=600):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - t0, p


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def read_lrs(path):
    tok = open(path).read().split()
    m, n = int(tok[0]), int(tok[1])
    vals = [Fraction(t) for t in tok[2:]]
    a = [vals[i * n:(i + 1) * n] for i in range(m)]
    b = [vals[m * n + i * n:m * n + (i + 1) * n] for i in range(m)]
    return a, b


def num(x):
    return str(x.numerator) if x.denominator == 1 else repr(float(x))


def terms(pairs):
    return " + ".join(f"{num(c)} {v}" for c, v in pairs if c != 0).replace("+ -", "- ")


def write_minimax_lp(a, path):
    m, n = len(a), len(a[0])
    s = 1 - min(min(r) for r in a)
    r_ = max(max(r) for r in a) + s
    with open(path, "w") as f:
        f.write("Maximize\n obj: " + " + ".join(f"w{j}" for j in range(n)) + "\nSubject To\n")
        for i in range(m):
            f.write(f" r{i}: " + terms((a[i][j] + s, f"w{j}") for j in range(n)) + f" <= {num(r_)}\n")
        f.write("End\n")
    return s, r_


def write_correlated_lp(a, b, path):
    m, n = len(a), len(a[0])
    p = lambda i, j: f"p{i}_{j}"
    with open(path, "w") as f:
        f.write("Maximize\n obj: " + terms((a[i][j] + b[i][j], p(i, j)) for i in range(m) for j in range(n)) + "\nSubject To\n")
        k = 0
        for x in range(m):
            for y in range(m):
                if x != y:
                    t = terms((a[y][j] - a[x][j], p(x, j)) for j in range(n))
                    if t:
                        f.write(f" c{k}: {t} <= 0\n"); k += 1
        for x in range(n):
            for y in range(n):
                if x != y:
                    t = terms((b[i][y] - b[i][x], p(i, x)) for i in range(m))
                    if t:
                        f.write(f" c{k}: {t} <= 0\n"); k += 1
        f.write(" sum: " + " + ".join(p(i, j) for i in range(m) for j in range(n)) + " = 1\nEnd\n")


def glpsol(lp, extra, reps):
    times, value, status = [], None, "failed"
    for _ in range(reps):
        with tempfile.NamedTemporaryFile(suffix=".txt") as out:
            t, p = run(["glpsol", "--lp", lp, "-o", out.name] + extra)
            times.append(t)
            text = open(out.name).read() if p.returncode == 0 else ""
        for line in text.splitlines():
            if line.startswith("Status:"):
                status = "optimal" if "OPTIMAL" in line else line.split(":", 1)[1].strip()
            if line.startswith("Objective:"):
                value = float(line.split("=")[1].split()[0])
    return median(times), value, status


def highs_minimax(a, reps):
    from scipy.optimize import linprog
    m, n = a.shape
    c = np.zeros(m + 1); c[-1] = -1.0
    a_ub = np.hstack([-a.T, np.ones((n, 1))])
    a_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    times, r = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        r = linprog(c, A_ub=a_ub, b_ub=np.zeros(n), A_eq=a_eq, b_eq=[1.0],
                    bounds=[(0, None)] * m + [(None, None)], method="highs")
        times.append(time.perf_counter() - t0)
    return median(times), (-r.fun if r.status == 0 else None)


def quantecon_minimax(a, reps):
    from quantecon.optimize import minmax
    minmax(a)  # compile (numba) outside the timing
    times, v = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        v, _, _ = minmax(a)
        times.append(time.perf_counter() - t0)
    return median(times), float(v)


def highs_correlated(a, b, reps):
    from scipy.optimize import linprog
    from scipy.sparse import lil_matrix
    m, n = a.shape
    rows = []
    for x in range(m):
        for y in range(m):
            if x != y:
                rows.append({x * n + j: a[y, j] - a[x, j] for j in range(n)})
    for x in range(n):
        for y in range(n):
            if x != y:
                rows.append({i * n + x: b[i, y] - b[i, x] for i in range(m)})
    ub = lil_matrix((len(rows), m * n))
    for r, row in enumerate(rows):
        for k, v in row.items():
            if v != 0:
                ub[r, k] = v
    ub = ub.tocsr()
    c = -(a + b).reshape(-1)
    times, res = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        res = linprog(c, A_ub=ub, b_ub=np.zeros(len(rows)), A_eq=np.ones((1, m * n)), b_eq=[1.0],
                      bounds=[(0, None)] * (m * n), method="highs")
        times.append(time.perf_counter() - t0)
    return median(times), (-res.fun if res.status == 0 else None)


def agree(ours, theirs):
    if theirs is None:
        return False
    return abs(ours - theirs) <= 1e-6 * max(1.0, abs(ours))


def cell(t, ok, label):
    return f"{t * 1000:.1f} ms" if ok else f"**wrong or failed** ({label})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gamesolve")
    ap.add_argument("--minimax", default="50,100,200,400")
    ap.add_argument("--correlated", default="20,40")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--glpsol-exact-max", type=int, default=100)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "lp-suite"))
    o = ap.parse_args()
    os.makedirs(o.out, exist_ok=True)
    gs = o.gamesolve
    sizes = [int(s) for s in o.minimax.split(",") if s]
    print("## Minimax, random zero-sum n x n (payoffs 0..99), medians of", o.reps)
    print()
    print("| n | gamesolve minimax (certified) | gamesolve --lp floating | glpsol | glpsol --exact | SciPy HiGHS (in-process) | QuantEcon minmax (in-process) | certified / glpsol |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        game = f"{o.out}/zs{n}.nfg"; lrs = f"{o.out}/zs{n}.lrs"; lp = f"{o.out}/zs{n}.lp"
        subprocess.run([gs, "generate", "zero-sum", "--size", str(n), "--seed", "1", "-o", game], check=True)
        subprocess.run([gs, "convert", game, "--to", "lrs", "-o", lrs], check=True)
        a, _ = read_lrs(lrs)
        s, r_ = write_minimax_lp(a, lp)
        times, value = [], None
        for _ in range(o.reps):
            t, p = run([gs, "minimax", game, "--format", "json"])
            if p.returncode != 0:
                sys.exit(f"gamesolve minimax failed on {game}: {p.stderr}")
            times.append(t)
            value = Fraction(json.loads(p.stdout)["value"])
        ours = float(value)
        tc = median(times)
        ft = []
        for _ in range(o.reps):
            t, p = run([gs, "minimax", game, "--lp", "floating", "--format", "json"])
            ft.append(t)
            fv = json.loads(p.stdout)["value"] if p.returncode == 0 else None
        tf = median(ft)
        tg, gv, gst = glpsol(lp, [], o.reps)
        gvalue = (float(r_) / gv - float(s)) if gv else None
        if n <= o.glpsol_exact_max:
            te, ev, est = glpsol(lp, ["--exact"], 1)
            evalue = (float(r_) / ev - float(s)) if ev else None
            exact_cell = cell(te, agree(ours, evalue), est)
        else:
            exact_cell = "not run (minutes)"
        am = np.array([[float(x) for x in row] for row in a])
        th, hv = highs_minimax(am, o.reps)
        tq, qv = quantecon_minimax(am, o.reps)
        print(f"| {n} | {tc * 1000:.1f} ms | {cell(tf, agree(ours, fv), 'floating')} | {cell(tg, agree(ours, gvalue), gst)} | "
              f"{exact_cell} | {cell(th, agree(ours, hv), 'highs')} | {cell(tq, agree(ours, qv), 'quantecon')} | {tc / tg:.1f}x |")
        sys.stdout.flush()
    csizes = [int(s) for s in o.correlated.split(",") if s]
    if csizes:
        print()
        print("## Correlated equilibrium, max welfare (certified), medians of", o.reps)
        print()
        print("| game | gamesolve correlated (certified) | glpsol --dual | SciPy HiGHS (in-process) | certified / HiGHS |")
        print("|---|---|---|---|---|")
    for n in csizes:
        for family, extra in (("random", []), ("covariance", ["--rho", "-0.9"])):
            game = f"{o.out}/{family}{n}.nfg"; lrs = f"{o.out}/{family}{n}.lrs"; lp = f"{o.out}/{family}{n}-ce.lp"
            subprocess.run([gs, "generate", family, "--size", str(n), "--seed", "1", "-o", game] + extra, check=True)
            subprocess.run([gs, "convert", game, "--to", "lrs", "-o", lrs], check=True)
            a, b = read_lrs(lrs)
            write_correlated_lp(a, b, lp)
            times, welfare, failed = [], None, None
            for _ in range(o.reps):
                t, p = run([gs, "correlated", game, "--format", "json"], timeout=900)
                if p.returncode != 0:
                    failed = p.stderr.strip()[:120]
                    break
                times.append(t)
                welfare = float(Fraction(json.loads(p.stdout)["objectiveValue"]))
            tg, gv, gst = glpsol(lp, ["--dual"], o.reps)
            af = np.array([[float(x) for x in row] for row in a]); bf = np.array([[float(x) for x in row] for row in b])
            th, hv = highs_correlated(af, bf, o.reps)
            ours_cell = f"{median(times):.2f} s" if not failed else f"**failed** ({failed})"
            ratio = f"{median(times) / th:.1f}x" if not failed else "-"
            ref = welfare if welfare is not None else hv
            print(f"| {family} {n}x{n} | {ours_cell} | {cell(tg, agree(ref, gv), gst)} | {cell(th, agree(ref, hv), 'highs')} | {ratio} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
