#!/usr/bin/env python3
"""Speed-up and overhead of sharded runs (issue 16) on this machine.

For each workload: the unsharded run on one thread (--jobs 1, the work of one shard's core),
then for k = 1, 2, 3, 4 the k shards started at once as k processes of one thread each (what a
job array does on a node with k free cores; here only 2 cores exist, so k > 2 oversubscribes),
then `gamesolve merge`. Every merged result is checked against the unsharded output (without
the wall time; for extreme equilibria without the pivots, which a reverse search counts
differently). Reported: CPU time (user + system, from /usr/bin/time) of the unsharded run, of
the slowest shard and of the merge; the speed-up with k dedicated cores, CPU(unsharded) /
(CPU(slowest shard) + CPU(merge)), which other load on this shared machine does not distort;
the overhead of splitting, CPU of all shards summed over CPU(unsharded); and, for the record,
the wall times (unsharded, and the k shards started at once on the 2 cores here).

usage: python3 run.py [--bin .build/release/gamesolve] [--ks 1 2 3 4] [--repeat 3] [--out results.md]
Build first: swift build -c release
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_timed(cmds):
    """Starts all commands at once, waits. Returns (wall seconds, [CPU seconds (user + system) per
    command], outputs); the CPU times come from /usr/bin/time, so other load on the machine
    does not inflate them (it does inflate the wall time)."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(["/usr/bin/time", "-f", "@cpu %U %S"] + c, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for c in cmds]
    outs, cpus = [], []
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {' '.join(p.args)}\n{err}")
        line = [l for l in err.splitlines() if l.startswith("@cpu ")][-1].split()
        cpus.append(float(line[1]) + float(line[2]))
        outs.append(out)
    return time.perf_counter() - t0, cpus, outs


WALK = ('"pivots"', '"verticesVisited"', '"faceSolves"', '"otherPolytopeBases"')


def strip(text, walk):
    """Without the wall time and, for extreme equilibria, the walk counters (the reverse search
    pivots differently; a degenerate vertex counts once per shard reaching it)."""
    keep = [l for l in text.splitlines() if '"elapsedSeconds"' not in l and not (walk and any(w in l for w in WALK))]
    return "\n".join(keep)


def workloads(bin, tmp):
    def gen(args, name):
        path = os.path.join(tmp, name)
        subprocess.run([bin, "generate"] + args + ["-o", path], check=True, capture_output=True)
        return path
    g14 = gen(["random", "--size", "14", "--seed", "1"], "r14.nfg")
    g16 = gen(["random", "--size", "16", "--seed", "1"], "r16.nfg")
    w13 = gen(["random", "--size", "13", "--seed", "1", "--min", "0", "--max", "1000000"], "w13.nfg")
    g3 = gen(["nplayer-random", "--players", "3", "--size", "4", "--seed", "1"], "n3.nfg")
    tuj = gen(["bnf-type-1", "--size", "24", "--seed", "1"], "tu24.json")
    tu = os.path.join(tmp, "tu24.npy")
    subprocess.run([bin, "convert", tuj, "--to", "npy", "-o", tu], check=True, capture_output=True)
    return [
        ("support enumeration, random 14x14, equal sizes (4.0e7 pairs)", False,
         [bin, "nash", g14, "--method", "support-enumeration", "--equal-size-supports", "--jobs", "1", "--format", "json"]),
        ("extreme equilibria, random 16x16, payoffs 0..99 (degenerate vertices: Q enumerated in every shard)", True,
         [bin, "nash", g16, "--method", "enumerate", "--jobs", "1", "--format", "json"]),
        ("extreme equilibria, random 13x13, payoffs 0..10^6 (nondegenerate, big-integer pivots)", True,
         [bin, "nash", w13, "--method", "enumerate", "--jobs", "1", "--format", "json"]),
        ("N-player support enumeration, 3 players x 4 strategies", False,
         [bin, "nash", g3, "--method", "support-enumeration", "--format", "json"]),
        ("exact Shapley, 24 players (1.7e7 coalitions, 128 MB table)", False,
         [bin, "shapley", tu, "--jobs", "1", "--format", "json"]),
        ("tournament, 14 strategies (105 pairs) x 4000 repetitions x 200 turns, noise 1/100", False,
         [bin, "tournament", "--payoffs", "3,0,5,1", "--turns", "200", "--repetitions", "4000", "--noise", "1/100",
          "--jobs", "1", "--format", "json"]),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "gamesolve"))
    ap.add_argument("--ks", type=int, nargs="+", default=[1, 2, 3, 4])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--only", default="", help="run only the workloads whose name contains this")
    args = ap.parse_args()
    lines = ["| workload | k | unsharded CPU | CPU per shard (max) | merge | speed-up, k cores | CPU of all shards / unsharded | wall: unsharded / k shards at once |",
             "|---|---|---|---|---|---|---|---|"]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for name, pivots, cmd in workloads(args.bin, tmp):
            if args.only not in name:
                continue
            t1s, cpu1s = [], []
            for _ in range(args.repeat):
                t1, (cpu1,), (whole,) = run_timed([cmd])
                t1s.append(t1); cpu1s.append(cpu1)
            t1, cpu1 = statistics.median(t1s), statistics.median(cpu1s)
            for k in args.ks:
                tks, maxs, sums, tms = [], [], [], []
                for _ in range(args.repeat):
                    tk, cpus, outs = run_timed([cmd + ["--shard", f"{i}/{k}"] for i in range(1, k + 1)])
                    paths = []
                    for i, out in enumerate(outs, 1):
                        p = os.path.join(tmp, f"part_{i}.json")
                        with open(p, "w") as f:
                            f.write(out)
                        paths.append(p)
                    _, (tm,), (merged,) = run_timed([[args.bin, "merge"] + paths])
                    if strip(merged, pivots) != strip(whole, pivots):
                        sys.exit(f"{name}, k = {k}: the merged result differs from the unsharded one")
                    tks.append(tk); maxs.append(max(cpus)); sums.append(sum(cpus)); tms.append(tm)
                tk, mx, sm, tm = (statistics.median(v) for v in (tks, maxs, sums, tms))
                row = (f"| {name} | {k} | {cpu1:.2f} s | {mx:.2f} s | {tm:.2f} s | {cpu1 / (mx + tm):.2f} | {sm / cpu1:.2f} |"
                       f" {t1:.2f} s / {tk:.2f} s |")
                print(row, flush=True)
                lines.append(row)
    text = "\n".join(lines) + "\n"
    with open(args.out, "w") as f:
        f.write(f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores (load average {load:.1f} at the start: the machine is shared), "
                f"median of {args.repeat}; every merged result equal to the unsharded one.\n\n" + text)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
