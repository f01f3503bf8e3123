#!/usr/bin/env bash
# A levers sweep with GNU parallel, on this machine or across hosts: the job for index i runs
# shard i of N (`levers sweep --shard i/N`, i from 0), then `levers merge` joins the shards.
#
#   deploy/sweep/parallel.sh design.json 16                        # 16 shards on this machine
#   SWEEP_HOSTS=hosts.txt deploy/sweep/parallel.sh design.json 64  # 64 shards over the hosts
#
# Run it from the folder holding the design (shards and results are written there).
# hosts.txt is GNU parallel's --sshloginfile: one ssh login a line ("alice@node1"; ":" is this
# machine; "2/alice@node1" runs two shards at a time there). By default each host runs one
# shard at a time, and the shard uses the host's cores through worker threads. Each host needs
# Node.js and a checkout of this repository (npm ci done) at $LEVERS_HOME, the same path
# everywhere. The design, and any scenario file it names (list them in SWEEP_FILES), is copied
# to each host; each shard's file is copied back and removed there. Results: results.csv (or
# $SWEEP_OUT). SWEEP_FORMAT=arrow writes Arrow shards and results.arrow instead (json: JSON).
set -euo pipefail

DESIGN=${1:?usage: parallel.sh design.json N}
N=${2:?usage: parallel.sh design.json N (the number of shards)}
LEVERS_HOME=${LEVERS_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}
# csv, json or arrow: levers sweep takes the format from the file name's extension.
FORMAT=${SWEEP_FORMAT:-csv}
OUT=${SWEEP_OUT:-results.$FORMAT}
# Worker threads per shard; unset: one fewer than the host's cores.
THREADS=${SWEEP_THREADS:+--threads $SWEEP_THREADS}

remote=()
if [ -n "${SWEEP_HOSTS:-}" ]; then
	remote=(--sshloginfile "$SWEEP_HOSTS" --workdir ... --transferfile "$DESIGN" --return "shard-{}.$FORMAT" --cleanup)
	for f in ${SWEEP_FILES:-}; do remote+=(--transferfile "$f"); done
fi

# One job per shard index 0 … N−1; {} is the index. --halt: stop at the first failed shard.
seq 0 $((N - 1)) | parallel --jobs 1 --halt now,fail=1 "${remote[@]}" \
	"node $LEVERS_HOME/bin/levers.mjs sweep $DESIGN --shard {}/$N $THREADS --quiet --force --out shard-{}.$FORMAT"

# Merge checks that every shard is there once and that all come from one design and model.
node "$LEVERS_HOME/bin/levers.mjs" merge $(seq -f "shard-%.0f.$FORMAT" 0 $((N - 1))) --force --out "$OUT"
echo "levers: merged $N shards into $OUT" >&2
