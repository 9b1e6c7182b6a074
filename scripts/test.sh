#!/usr/bin/env bash
# Builds everything from scratch and runs every test: unit tests, odlparent's per-feature
# pax-exam tests, the pax-exam validation test and the RESTCONF tests against the built
# distribution. `clean` matters: an incremental rebuild of the Karaf assembly loses the
# BouncyCastle jars from lib/boot.
source "$(dirname "$0")/env.sh"
cd "$CNSMO_ROOT"
exec ./mvnw -B clean install "$@"
