#!/usr/bin/env bash
# Every figure of the benchmark in one run: builds Jiandu and the bare Camunda app, starts an
# embedded PostgreSQL (or uses JIANDU_BENCH_DB_URL), measures, prints the table and writes
# bench/results/<date>.json and bench/results/latest.json. Options: see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp package -DskipTests
mvn -q -B -ntp -f bench/bare-camunda/pom.xml package
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.jiandu.bench.BenchmarkRun "$@"
