#!/usr/bin/env bash
# Runs the CNSMO controller in the foreground (Karaf shell), building it first if needed.
# RESTCONF: http://127.0.0.1:8181/rests   Logs: karaf-distribution/target/assembly/data/log/karaf.log
source "$(dirname "$0")/env.sh"
cd "$CNSMO_ROOT"
KARAF=karaf-distribution/target/assembly
if [ ! -x "$KARAF/bin/karaf" ]; then
    ./mvnw -B clean install -DskipTests -Dsft.skip=true
fi
export EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:--Xmx768m}
exec "$KARAF/bin/karaf" "$@"
