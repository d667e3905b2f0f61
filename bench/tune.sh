#!/usr/bin/env bash
# Each tuning setting against the defaults, in alternating rounds on one PostgreSQL: the figures
# behind bench/README.md's "Tuning" section. Writes bench/results/tuning-latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp package -DskipTests
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.jiandu.bench.TuningRun "$@"
