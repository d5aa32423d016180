"""max |π_ours − π_OpenSpiel| for an n x n game: compare_alpharank.py N OURS.csv OPENSPIEL.txt"""
import sys
n = int(sys.argv[1])
ours = {}
for line in open(sys.argv[2]).readlines()[1:]:
    i, j, m = line.strip().split(",")
    ours[int(i) + n * int(j)] = float(m)
theirs = [float(x) for x in open(sys.argv[3]).read().split("\n")[1:] if x]
if theirs:
    print("max |ours - openspiel| =", max(abs(ours[k] - theirs[k]) for k in range(n * n)))
