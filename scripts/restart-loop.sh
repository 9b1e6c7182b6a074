#!/usr/bin/env bash
# Restarts a copy of the built distribution N times (default 30), alternating a clean stop
# (SIGTERM to the JVM) and `kill -9`, and writes intents between rounds: one node and one
# traffic filter per round but the last, each acknowledged with a 2xx just before the stop. Every round
# prints the seconds from start to ready, the intents found against those written, and how
# often CNSMO's watchdog had to restart AAA's encryption-service configurator.
# Exits non-zero on the first boot that is not ready within READY_TIMEOUT seconds (a stall)
# or the first acknowledged intent that is missing after a restart (a loss). No retries.
#   scripts/restart-loop.sh [ROUNDS]        (after a build; ports 8181, 8443, 6653 must be free)
source "$(dirname "$0")/env.sh"
cd "$CNSMO_ROOT"
rounds=${1:-30}
ready_timeout=${READY_TIMEOUT:-120}
work=$(mktemp -d)
karaf=$work/karaf
log=$karaf/data/log/karaf.log
R=http://127.0.0.1:8181/rests/data
cleanup() {
    pkill -KILL -f "$karaf/" >/dev/null 2>&1 || true
    while pgrep -f "$karaf/" >/dev/null; do sleep 0.2; done
    [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
cp -a karaf-distribution/target/assembly "$karaf"

jvm_pid() { pgrep -f "$karaf/.*org.apache.karaf.main.Main" | head -n 1; }
log_lines() { [ -f "$log" ] && wc -l <"$log" || echo 0; }
since() { tail -n +"$(($1 + 1))" "$log" 2>/dev/null; }
api() { # method path [body] -> prints the HTTP status
    curl -s -o "$work/body" -w '%{http_code}' -X "$1" -u "admin:$(cat "$karaf/cnsmo/admin-password")" \
        -H 'Content-Type: application/yang-data+json' -H 'Accept: application/yang-data+json' \
        --max-time 20 "$R/$2" ${3:+-d "$3"}
}
ready() { # log line count before this start
    [ "$(since "$1" | grep -c 'CNSMO validating')" -ge 7 ] && [ -f "$karaf/cnsmo/admin-password" ] &&
        case "$(api GET cnsmo-nodes:nodes)" in 200|409) true ;; *) false ;; esac
}
count() { # container list -> number of entries whose name starts with loop-
    case "$(api GET "$1")" in
        200) { grep -o '"name": *"loop-[0-9]*"' "$work/body" || true; } | sort -u | wc -l ;;
        409|404) echo 0 ;;
        *) echo "cannot read $1: $(cat "$work/body")" >&2; echo -1 ;;
    esac
}

written=0
failed=0
printf '%-6s %-6s %8s %8s %8s %9s\n' round stop ready_s nodes filters watchdog
for round in $(seq 1 "$rounds"); do
    before=$(log_lines)
    start=$(date +%s.%N)
    # In a subshell: not a job of this shell, so its kill at the end is not reported.
    (EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:--Xmx768m} "$karaf/bin/karaf" server >>"$work/console.log" 2>&1 &)
    until ready "$before"; do
        sleep 0.2
        if [ "$(echo "$(date +%s.%N) - $start > $ready_timeout" | bc)" = 1 ]; then
            echo "round $round: not ready after $ready_timeout s (stalled); log kept in $work/stalled-karaf.log" >&2
            cp "$log" "$work/stalled-karaf.log"; KEEP=1
            echo "restarts: $((round - 1)) passed, 1 failed"; exit 1
        fi
    done
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    nodes=$(count cnsmo-nodes:nodes)
    filters=$(count cnsmo-traffic-filters:traffic-filters)
    bounces=$(since "$before" | grep -c 'Restarting the configurator' || true)
    stop=$([ $((round % 2)) = 1 ] && echo kill9 || echo term)
    printf '%-6s %-6s %8.1f %4s/%-3s %4s/%-3s %9s\n' "$round" "$stop" "$seconds" "$nodes" "$written" \
        "$filters" "$written" "$bounces"
    if [ "$nodes" != "$written" ] || [ "$filters" != "$written" ]; then
        echo "round $round: intents lost (nodes $nodes, filters $filters, written $written)" >&2
        failed=1; break
    fi
    [ "$round" = "$rounds" ] && break
    # Write this round's intents; each counts once it was acknowledged.
    name=loop-$round
    code=$(api PUT "cnsmo-nodes:nodes/node=$name" \
        "{\"cnsmo-nodes:node\":[{\"name\":\"$name\",\"datapath-id\":\"$((1000 + round))\"}]}")
    [ "$code" = 201 ] || { echo "round $round: node write answered $code: $(cat "$work/body")" >&2; failed=1; break; }
    code=$(api PUT "cnsmo-traffic-filters:traffic-filters/filter=$name" \
        "{\"cnsmo-traffic-filters:filter\":[{\"name\":\"$name\",\"node\":\"$name\",\"tcp-destination-port\":$((2000 + round)),\"ipv4-destination\":\"10.8.0.9/32\"}]}")
    [ "$code" = 201 ] || { echo "round $round: filter write answered $code: $(cat "$work/body")" >&2; failed=1; break; }
    written=$((written + 1))
    pid=$(jvm_pid)
    if [ "$stop" = kill9 ]; then kill -KILL "$pid"; else kill -TERM "$pid"; fi
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    while pgrep -f "$karaf/bin/karaf" >/dev/null; do sleep 0.2; done
done
if [ "$failed" != 0 ]; then
    KEEP=1
    echo "restarts: $((round - 1)) passed, 1 failed"
    exit 1
fi
echo "restart loop: $rounds of $rounds boots ready, 0 intents lost"
echo "restarts: $rounds passed, 0 failed"
