#!/usr/bin/env bash
# The CNSMO SDN benchmark in one command (as root): bench/run.sh [--switches 10,100] [--flows 1000,10000] ...
# Everything runs inside a network namespace of its own (controller, Open vSwitch, RESTCONF calls), which
# is removed at the end, also on failure or Ctrl-C. Results: bench/results/<timestamp>/. See docs/benchmark.md.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
NS=${CNSMO_BENCH_NS:-cnsmo-bench}
ASSEMBLY=${CNSMO_ASSEMBLY:-$ROOT/karaf-distribution/target/assembly}
PYTHON=/usr/bin/python3   # Debian's, which has python3-matplotlib

if [ "$(id -u)" != 0 ]; then echo "run as root (network namespaces, Open vSwitch)" >&2; exit 1; fi
if [ -z "${JAVA_HOME:-}" ]; then source "$ROOT/scripts/env.sh"; fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ ! -x "$ASSEMBLY/bin/karaf" ]; then
    echo "no assembly at $ASSEMBLY: building it" >&2
    (cd "$ROOT" && ./mvnw -B clean install -DskipTests -Dsft.skip=true ${CNSMO_MAVEN_ARGS:-})
fi
if ip netns list | awk '{print $1}' | grep -qx "$NS"; then
    echo "network namespace $NS exists: another benchmark running? (ip netns del $NS if not)" >&2; exit 1
fi

RESULTS=$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)
SCRATCH=$(mktemp -d /tmp/cnsmo-bench.XXXXXX)
mkdir -p "$RESULTS"
cleanup() {
    # Whatever still runs in the namespace was started by this benchmark.
    for pid in $(ip netns pids "$NS" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$NS"
ip -n "$NS" link set lo up
ip netns exec "$NS" "$PYTHON" "$BENCH/cnsmo_bench.py" --assembly "$ASSEMBLY" --scratch "$SCRATCH" \
    --results "$RESULTS" "$@" 2>&1 | tee "$RESULTS/log.txt"
if "$PYTHON" -c 'import matplotlib' 2>/dev/null; then
    "$PYTHON" "$BENCH/plot.py" "$RESULTS/results.json" "$RESULTS/scaling.png"
else
    echo "no python3-matplotlib (apt-get install python3-matplotlib): no scaling.png" >&2
fi
echo "results in $RESULTS"
