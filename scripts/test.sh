#!/usr/bin/env bash
# Builds everything from scratch and runs every test: unit tests, odlparent's per-feature
# pax-exam tests, the pax-exam validation test and the RESTCONF tests against the built
# distribution, then a short restart loop over a copy of the distribution (clean stops and
# kill -9 alternating; any stall or lost intent fails). `clean` matters: an incremental
# rebuild of the Karaf assembly loses the BouncyCastle jars from lib/boot.
source "$(dirname "$0")/env.sh"
cd "$CNSMO_ROOT"
./mvnw -B clean install "$@"
exec scripts/restart-loop.sh "${CNSMO_RESTART_ROUNDS:-6}"
