#!/usr/bin/env bash
# Prints how long the built distribution takes from start to a working CNSMO RESTCONF
# (every commit guard active and the nodes container answering), and its resident memory
# then. Runs a fresh copy so that earlier data does not count. Targets: <= 25 s, <= 1 GiB.
source "$(dirname "$0")/env.sh"
cd "$CNSMO_ROOT"
work=$(mktemp -d)
stop() {
    pkill -f "$work/" >/dev/null 2>&1 || true
    while pgrep -f "$work/" >/dev/null; do sleep 0.2; done
    rm -rf "$work"
}
trap stop EXIT
cp -a karaf-distribution/target/assembly "$work/karaf"
start=$(date +%s.%N)
EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:--Xmx768m} "$work/karaf/bin/karaf" server >"$work/console.log" 2>&1 &
guards_active() { [ "$(cat "$work/karaf/data/log/karaf.log" 2>/dev/null | grep -c 'CNSMO validating')" -ge 7 ]; }
until guards_active &&
      [ -f "$work/karaf/cnsmo/admin-password" ] &&
      code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$(cat "$work/karaf/cnsmo/admin-password")" \
             http://127.0.0.1:8181/rests/data/cnsmo-nodes:nodes) && [ "$code" = 409 -o "$code" = 200 ]; do
    sleep 0.2
    if [ "$(echo "$(date +%s.%N) - $start > 300" | bc)" = 1 ]; then echo "not ready after 300 s" >&2; exit 1; fi
done
ready=$(date +%s.%N)
pid=$(pgrep -f "$work/karaf.*org.apache.karaf.main.Main" | head -n 1)
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
printf 'boot to RESTCONF ready: %.1f s (target <= 25 s)\n' "$(echo "$ready - $start" | bc)"
printf 'resident memory at ready: %d MiB (target <= 1024 MiB)\n' "$((rss_kib / 1024))"
