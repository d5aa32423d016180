"""Writes a seeded random three-player game with 50 strategies each as Gambit .nfg (payoffs 0..999)."""
import random, sys
random.seed(5)
n = 50
with open(sys.argv[1], "w") as f:
    f.write('NFG 1 R "three populations of 50" { "P1" "P2" "P3" } { %d %d %d }\n' % (n, n, n))
    f.write(" ".join("%d" % random.randint(0, 999) for _ in range(3 * n ** 3)) + "\n")
