#!/usr/bin/env bash
# Sharded runs on a real Slurm (issue 16): installs slurm (slurmctld, slurmd, client) and munge
# from Debian's packages when missing, starts a one-node cluster on this machine (munged,
# slurmctld, slurmd, configuration and state in a temporary directory), submits the job arrays
# of deploy/slurm/ (3 shards and a merge depending on them with afterok) for a support
# enumeration and an exact Shapley sweep, waits, compares each merged result with the unsharded
# run, and stops the daemons it started (also on failure).
#
# Exit status: 0 passed, 1 failed, 77 skipped (not root, or the packages cannot be installed),
# with one line "skipped: <reason>".
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

skip() { echo "skipped: $*"; exit 77; }
[[ "$(id -u)" == 0 ]] || skip "not root (installing slurm and starting its daemons needs root)"

need=()
for tool in slurmctld slurmd sbatch munged; do command -v "$tool" > /dev/null || need+=("$tool"); done
if (( ${#need[@]} > 0 )); then
    echo "== installing slurmctld slurmd slurm-client munge (missing: ${need[*]})"
    command -v apt-get > /dev/null || skip "no apt-get to install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge > /tmp/gamesolve-slurm-apt.log 2>&1 \
           || { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >> /tmp/gamesolve-slurm-apt.log 2>&1; }; }; then
        skip "the Debian packages slurmctld, slurmd, slurm-client and munge could not be installed (see /tmp/gamesolve-slurm-apt.log)"
    fi
fi

bin="${GAMESOLVE_BIN:-}"
if [[ -z "$bin" ]]; then
    swift build > /dev/null
    bin="$(swift build --show-bin-path)/gamesolve"
fi
[[ -x "$bin" ]] || { echo "FAIL: no gamesolve binary at $bin"; exit 1; }

work="$(mktemp -d /tmp/gamesolve-slurm.XXXXXX)"
chmod 755 "$work"
host="$(hostname -s)"
started_munged=""
status=1

cleanup() {
    set +e
    for name in slurmd slurmctld; do
        if [[ -f "$work/$name.pid" ]]; then
            pid="$(cat "$work/$name.pid")"
            kill "$pid" 2> /dev/null
            for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2> /dev/null
        fi
    done
    if [[ -n "$started_munged" ]]; then
        kill "$started_munged" 2> /dev/null
    fi
    if (( status != 0 )); then
        echo "-- slurmctld log (last lines):"; tail -n 20 "$work/slurmctld.log" 2> /dev/null
        echo "-- slurmd log (last lines):"; tail -n 20 "$work/slurmd.log" 2> /dev/null
        echo "(kept $work)"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# munge: a key (generated when missing) and a daemon (ours, unless one already answers).
if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    if command -v mungekey > /dev/null; then mungekey --create --keyfile=/etc/munge/munge.key --force
    else dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; fi
    chown munge:munge /etc/munge/munge.key 2> /dev/null || true
    chmod 400 /etc/munge/munge.key
fi
if ! munge -n > /dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge 2> /dev/null || true
    if id munge > /dev/null 2>&1; then runuser -u munge -- /usr/sbin/munged; else /usr/sbin/munged --force; fi
    for _ in $(seq 50); do munge -n > /dev/null 2>&1 && break; sleep 0.1; done
    started_munged="$(pgrep -n -x munged || true)"
fi
munge -n | unmunge > /dev/null || { echo "FAIL: munge does not work"; exit 1; }

# A one-node cluster; ports away from the defaults in case a real Slurm runs here.
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=gamesolvetest
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
echo "== starting slurmctld and slurmd on $host ($work)"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
    state="$(sinfo -h -n "$host" -o %t 2> /dev/null || true)"
    [[ "$state" == idle* ]] && break
    sleep 0.2
done
[[ "$state" == idle* ]] || { echo "FAIL: the node did not become idle (state '$state')"; exit 1; }

# One sharded run: the unsharded output, then 3 array tasks and the merge through deploy/slurm/.
run() {
    local name="$1"; shift
    local dir="$work/$name"
    mkdir -p "$dir"
    "$bin" "$@" > "$dir/unsharded.json"
    local out
    out="$(cd "$dir" && GAMESOLVE="$bin" GAMESOLVE_PARTS="$dir/parts" GAMESOLVE_RESULT="$dir/merged.json" \
           bash "$repo/deploy/slurm/submit.sh" 3 "$bin" "$@")"
    echo "   $name: $out"
    local merge_job="${out##* }"
    for _ in $(seq 600); do
        squeue -h -j "$merge_job" 2> /dev/null | grep -q . || break
        sleep 0.2
    done
    local state
    state="$(scontrol show job "$merge_job" 2> /dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1)"
    [[ "$state" == "JobState=COMPLETED" ]] || { echo "FAIL: $name: merge job $merge_job ended in $state"; cat "$dir"/*.log 2> /dev/null | tail -n 20; return 1; }
    ls "$dir/parts"/part-*.json | wc -l | grep -qx 3 || { echo "FAIL: $name: expected 3 part files"; return 1; }
    # Equal to the unsharded run, but for the wall time.
    if diff <(grep -v '"elapsedSeconds"' "$dir/unsharded.json") <(grep -v '"elapsedSeconds"' "$dir/merged.json") > "$dir/diff.txt"; then
        echo "   $name: merged result of 3 Slurm array tasks equals the unsharded run"
    else
        echo "FAIL: $name: merged result differs from the unsharded run:"; head -n 20 "$dir/diff.txt"; return 1
    fi
}

"$bin" generate random --size 7 --seed 5 -o "$work/game.nfg" > /dev/null
"$bin" generate bnf-type-1 --size 12 --seed 2 -o "$work/tu.json" > /dev/null
echo "== submitting job arrays (3 shards + merge with --dependency=afterok each)"
run support-enumeration nash "$work/game.nfg" --method support-enumeration --format json
run shapley shapley "$work/tu.json" --format json
status=0
echo "slurm test passed"
