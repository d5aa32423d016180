"""Cross-check of the 14 deterministic strategies against Axelrod-Python 4.14 without noise:
every pair's total scores over 200 turns must be equal. Usage: python3 axelrod_crosscheck.py GAMESOLVE
"""
import json
import subprocess
import sys

import axelrod as axl

NAMES = ["cooperator", "defector", "tit-for-tat", "suspicious-tit-for-tat", "tit-for-two-tats",
         "two-tits-for-tat", "grudger", "win-stay-lose-shift", "alternator", "bully", "go-by-majority",
         "cycler-ccd", "hard-tit-for-tat", "prober"]


def players():
    return [axl.Cooperator(), axl.Defector(), axl.TitForTat(), axl.SuspiciousTitForTat(),
            axl.TitFor2Tats(), axl.TwoTitsForTat(), axl.Grudger(), axl.WinStayLoseShift(),
            axl.Alternator(), axl.Bully(), axl.GoByMajority(), axl.Cycler("CCD"),
            axl.HardTitForTat(), axl.Prober()]


def main():
    out = subprocess.run([sys.argv[1], "tournament", "--turns", "200", "--format", "json"],
                         capture_output=True, text=True, check=True)
    ours = {tuple(m["players"]): m["scores"] for m in json.loads(out.stdout)["matches"]}
    bad = 0
    for i in range(14):
        for j in range(i, 14):
            p = players()
            q = players()  # a fresh object for the second seat (self-play must not share one)
            match = axl.Match((p[i], q[j]), turns=200)
            match.play()
            theirs = [sum(s[0] for s in match.scores()), sum(s[1] for s in match.scores())]
            mine = ours[(NAMES[i], NAMES[j])]
            if theirs != mine:
                bad += 1
                print("DIFFER", NAMES[i], NAMES[j], "axelrod", theirs, "gamesolve", mine)
    print(f"{105 - bad} of 105 pairs agree")


if __name__ == "__main__":
    main()
