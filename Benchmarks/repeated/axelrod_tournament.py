"""Axelrod-Python round robin of the 14 deterministic strategies of issue 14 (peer benchmark).

Usage: python3 axelrod_tournament.py REPETITIONS [TURNS] [NOISE] [PROCESSES]
Prints the ranked names and the elapsed wall time. Not run by the tests.
"""
import sys
import time

import axelrod as axl


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    turns = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    noise = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    processes = int(sys.argv[4]) if len(sys.argv) > 4 else 2

    # The names, mapped to Axelrod's classes (same definitions; see docs/repeated.md).
    players = [
        axl.Cooperator(), axl.Defector(), axl.TitForTat(), axl.SuspiciousTitForTat(),
        axl.TitFor2Tats(), axl.TwoTitsForTat(), axl.Grudger(), axl.WinStayLoseShift(),
        axl.Alternator(), axl.Bully(), axl.GoByMajority(), axl.Cycler("CCD"),
        axl.HardTitForTat(), axl.Prober(),
    ]
    start = time.time()
    tournament = axl.Tournament(players, turns=turns, repetitions=repetitions, noise=noise, seed=1)
    results = tournament.play(processes=processes, progress_bar=False)
    elapsed = time.time() - start
    print("ranked:", ", ".join(results.ranked_names))
    print(f"elapsed {elapsed:.2f} s for {len(players)} players, {turns} turns, {repetitions} repetitions, noise {noise}, processes {processes}")


if __name__ == "__main__":
    main()
