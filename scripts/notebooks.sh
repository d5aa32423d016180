#!/usr/bin/env bash
# Executes the notebooks in Notebooks/, in a virtual environment (Notebooks/.venv) with their
# Python dependencies from PyPI.
#
#   bash scripts/notebooks.sh [NOTEBOOK ...]   full mode: a release build of gamesolve; outputs and
#                                              plots saved into the notebooks and Notebooks/images/
#                                              (~12 minutes; the peers run through the system python3).
#   bash scripts/notebooks.sh --check [...]    CI mode: the debug build, GAMESOLVE_NOTEBOOKS_QUICK=1
#                                              (smaller sizes, no Python peers), copies executed in a
#                                              temporary directory, nothing written into Notebooks/.
#                                              Fails when a cell raises. When the environment cannot be
#                                              made (no venv module, PyPI unreachable) it says so and
#                                              skips with exit 0: a network outage is not a test failure.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then check=1; fi

venv=Notebooks/.venv
packages=(matplotlib nbclient nbformat ipykernel)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Cannot build the environment: in CI mode, say why and skip; in full mode, fail.
give_up() {
  if [ "$check" = 1 ]; then
    echo "notebooks: skipped — could not install ${packages[*]} from PyPI: $1"
    exit 0
  fi
  echo "notebooks: could not install ${packages[*]} from PyPI: $1" >&2
  exit 1
}
last_line() { grep -v '^\s*$' "$log" | tail -n 1; }
# pip's last line after a network failure ("No matching distribution found") hides the cause.
pip_reason() {
  local net
  net=$(grep -oE "Failed to establish a new connection: [^'\"]*|Temporary failure in name resolution|Name or service not known|Network is unreachable|Read timed out[^'\"]*|SSLError[^'\"]*|ProxyError[^'\"]*" "$log" | tail -n 1 || true)
  if [ -n "$net" ]; then echo "PyPI unreachable ($net)"; else last_line; fi
}

if ! "$venv/bin/python" -c "import matplotlib, nbclient, nbformat, ipykernel" 2>/dev/null; then
  if [ ! -x "$venv/bin/python" ]; then
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >"$log" 2>&1; then
      rm -rf "$venv"
      # Debian's system python3 ships venv/ensurepip separately, in python3-venv: install it as
      # root (as scripts/setup.sh does for the C libraries), else say what to install.
      if [ "$(command -v python3)" = /usr/bin/python3 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "notebooks: installing python3-venv" >&2
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >"$log" 2>&1 \
          || give_up "python3 -m venv failed and apt-get install python3-venv failed ($(last_line))"
        python3 -m venv "$venv" >"$log" 2>&1 || { rm -rf "$venv"; give_up "python3 -m venv failed: $(last_line)"; }
      else
        give_up "python3 -m venv failed (on Debian: apt-get install python3-venv): $(last_line)"
      fi
    fi
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 2 --timeout 20 "${packages[@]}" >"$log" 2>&1 \
    || give_up "pip install failed: $(pip_reason)"
fi

if [ "$check" = 1 ]; then
  shift
  # The debug build: `swift build --build-tests` (scripts/test.sh) has already built it.
  swift build --product gamesolve >&2
  GAMESOLVE="$(swift build --show-bin-path)/gamesolve"
  export GAMESOLVE_NOTEBOOKS_QUICK="${GAMESOLVE_NOTEBOOKS_QUICK:-1}"
  export GAMESOLVE
  start=$SECONDS
  "$venv/bin/python" Notebooks/run_notebooks.py --check "$@"
  echo "notebooks: all executed (quick mode: ${GAMESOLVE_NOTEBOOKS_QUICK}) in $((SECONDS - start)) s"
else
  # The Swift runtime and Foundation linked statically: about 5 ms less start-up per run
  # (Benchmarks/lp/README.md, "Start-up").
  swift build -c release --static-swift-stdlib --product gamesolve >&2
  GAMESOLVE="$(swift build -c release --show-bin-path)/gamesolve"
  export GAMESOLVE
  "$venv/bin/python" Notebooks/run_notebooks.py "$@"
fi
