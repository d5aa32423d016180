#!/bin/sh
# Writes the benchmark games into games/: seeded random N-player games from gamesolve's own
# generator, and the Gambit sample games with three or more players (from ../shared/data, the
# Gambit repository's contrib/games, catalog and tests/test_games).
set -e
GAMESOLVE=${GAMESOLVE:-../../.build/release/gamesolve}
mkdir -p games
for seed in 1 2 3; do
  $GAMESOLVE generate nplayer-random --players 3 --size 8 --seed $seed -o games/random-3p-8x8x8-s$seed.nfg
  $GAMESOLVE generate nplayer-random --players 4 --size 4 --seed $seed -o games/random-4p-4x4x4x4-s$seed.nfg
  $GAMESOLVE generate nplayer-random --players 6 --size 2 --seed $seed -o games/random-6p-2x2x2x2x2x2-s$seed.nfg
done
$GAMESOLVE generate nplayer-random --players 3 --size 20 --seed 1 -o games/random-3p-20x20x20-s1.nfg
for f in ../../Tests/NPlayerEquilibriaTests/Fixtures/*.nfg; do cp "$f" games/gambit-$(basename "$f"); done
