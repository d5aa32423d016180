#!/bin/bash
# Submits a sharded gamesolve run to Slurm: K array tasks, then the merge, which starts only
# when all of them succeeded. Prints the two job ids.
#
#   deploy/slurm/submit.sh K gamesolve nash game.nfg --method enumerate --format json
#
# Environment: GAMESOLVE_PARTS (part files, default parts/), GAMESOLVE_RESULT (default
# result.json), GAMESOLVE (the binary the merge runs, default gamesolve); extra sbatch options
# in SBATCH_OPTIONS (e.g. "--partition=long --time=01:00:00").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
k="${1:?usage: submit.sh K gamesolve COMMAND ... --format json}"
shift
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array=1-"$k" "$here/shard.sbatch" "$@")
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency=afterok:"${array%%;*}" --kill-on-invalid-dep=yes "$here/merge.sbatch")
echo "shards: job ${array%%;*} (array 1-$k); merge: job ${merge%%;*}"
