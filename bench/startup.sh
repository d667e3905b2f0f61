#!/usr/bin/env bash
# Start to ready (readiness UP) and resident memory on a fresh H2 database: Jiandu's jar against a
# bare Camunda starter app (bench/bare-camunda), both built here. Usage: bench/startup.sh [runs]
# Prints only; bench/run.sh records the same figures with the rest.
set -euo pipefail
exec "$(dirname "$0")/run.sh" --skip=commit,route,open-cases --startup-runs="${1:-3}" --out=
