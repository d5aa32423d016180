#!/usr/bin/env bash
# One command: install what is missing, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee .test-output.log | grep -vE '^(◇|↳)' 
