#!/usr/bin/env bash
# Sourced by the other scripts: provisions the machine (idempotent) and exports JAVA_HOME.
# On a machine that already has a JDK 21, export CNSMO_SKIP_SETUP=1 and JAVA_HOME yourself.
set -euo pipefail
CNSMO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${CNSMO_SKIP_SETUP:-0}" != 1 ]; then
    JAVA_HOME=$("$CNSMO_ROOT/scripts/setup.sh" | tail -n 1)
fi
export JAVA_HOME CNSMO_ROOT
export PATH="$JAVA_HOME/bin:$PATH"
