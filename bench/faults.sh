#!/usr/bin/env bash
# The fault drills that take longer than a test should: SIGKILL while 500 cases are reported and
# worked, and two nodes firing 1,000 timers on one PostgreSQL. Builds the jar, starts an embedded
# PostgreSQL (or uses JIANDU_BENCH_DB_URL), prints every check, writes bench/results/faults-latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp package -DskipTests
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.jiandu.bench.FaultDrills "$@"
