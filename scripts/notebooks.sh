#!/usr/bin/env bash
# Executes the notebooks in Notebooks/ in place (outputs and plots saved into them), in a
# virtual environment with their Python dependencies from PyPI, against a release build of
# gamesolve. Also runs the peers (nashpy, quantecon) in that environment when installed there.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=Notebooks/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check matplotlib nbclient nbformat ipykernel
swift build -c release --product gamesolve >&2
GAMESOLVE="$(swift build -c release --show-bin-path)/gamesolve"
export GAMESOLVE
"$venv/bin/python" Notebooks/run_notebooks.py "$@"
