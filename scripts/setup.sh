#!/usr/bin/env bash
# Installs what GameSolve needs and is missing: the GLPK and LAPACK development packages.
# As root it runs apt-get; otherwise it says exactly what to install. Then it builds.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
{ [ -e /usr/lib/x86_64-linux-gnu/liblapack.so ] || ls /usr/lib/*/liblapack.so >/dev/null 2>&1 || [ -e /usr/lib/liblapack.so ]; } || missing+=(liblapack-dev)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: run as root:  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null; then
  echo "setup: Swift 6.1 or later is required (swift not found on PATH)" >&2
  exit 1
fi
