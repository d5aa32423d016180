#!/usr/bin/env bash
# One command: install what is missing, build, and solve a bundled example game.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The Swift runtime and Foundation linked statically: about 5 ms less start-up per run
# (Benchmarks/lp/README.md, "Start-up").
swift build -c release --static-swift-stdlib --product gamesolve >&2
bin="$(swift build -c release --show-bin-path)/gamesolve"
echo "\$ gamesolve info Examples/battle-of-the-sexes.nfg"
"$bin" info Examples/battle-of-the-sexes.nfg
echo
echo "\$ gamesolve nash Examples/battle-of-the-sexes.nfg"
"$bin" nash Examples/battle-of-the-sexes.nfg
