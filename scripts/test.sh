#!/usr/bin/env bash
# One command: install what is missing, build, run every test, then execute every notebook in
# quick mode (scripts/notebooks.sh --check: skipped with a message when PyPI is unreachable).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee .test-output.log | grep -vE '^(◇|↳)' 
bash scripts/notebooks.sh --check
# The test runner's own summary line, repeated last so that it closes the output.
grep -E 'Test run with [0-9]+ tests?' .test-output.log | tail -n 1
