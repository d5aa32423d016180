#!/usr/bin/env bash
# One command: install what is missing, build, run every test, then execute every notebook in
# quick mode (scripts/notebooks.sh --check: skipped with a message when PyPI is unreachable),
# build and run the library example, build the documentation and check the README's examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee .test-output.log | grep -vE '^(◇|↳)' 
bash scripts/notebooks.sh --check
# The library example (Examples/LibraryDemo, a package that depends on this one by path):
# built (debug) and run; check-readme.py below compares its output with the README's.
echo "== library example: swift build --package-path Examples/LibraryDemo =="
swift build --package-path Examples/LibraryDemo
"$(swift build --package-path Examples/LibraryDemo --show-bin-path)/LibraryDemo"
# The DocC catalog of the GameSolve target (swift-docc-plugin): any warning fails the build.
echo "== documentation: swift package generate-documentation --target GameSolve --warnings-as-errors =="
swift package generate-documentation --target GameSolve --warnings-as-errors
# Every README example is run and its output compared with the README (bench timings excepted).
if command -v python3 > /dev/null; then
    python3 scripts/check-readme.py "$(swift build --show-bin-path)/gamesolve" README.md
else
    echo "README examples not checked: python3 is not installed"
fi
# Sharded runs on a real Slurm (job arrays of deploy/slurm/, merged and compared with unsharded
# runs): as root, installing Debian's slurm and munge packages when missing; otherwise the script
# prints one line "skipped: <reason>" (exit status 77).
echo "== slurm test: scripts/test-slurm.sh =="
slurm_status=0
GAMESOLVE_BIN="$(swift build --show-bin-path)/gamesolve" bash scripts/test-slurm.sh || slurm_status=$?
if (( slurm_status != 0 && slurm_status != 77 )); then
    echo "slurm test failed"; exit 1
fi
# Fuzz smoke run: every reader's libFuzzer target (Fuzzing/) for a few seconds on its seed corpus;
# skipped with a message when this toolchain cannot build with --sanitize=fuzzer.
echo "== fuzz smoke run: scripts/fuzz.sh 4 (debug build) =="
fuzz_status=0
FUZZ_CONFIG=debug bash scripts/fuzz.sh 4 || fuzz_status=$?
if (( fuzz_status == 2 )); then
    echo "fuzz smoke run skipped: the fuzzer build (swift build --sanitize=fuzzer) is unavailable here"
elif (( fuzz_status != 0 )); then
    echo "fuzz smoke run found a crash, timeout or leak (see above)"; exit 1
fi
# The test runner's own summary line, repeated last so that it closes the output.
grep -E 'Test run with [0-9]+ tests?' .test-output.log | tail -n 1
