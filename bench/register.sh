#!/usr/bin/env bash
# The register's search (GET /api/cases, as /cases runs it) at a number of cases on the embedded PostgreSQL
# (or JIANDU_BENCH_DB_URL): bench/register.sh [cases], default 100000. Prints p50/p95/p99 per search.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.jiandu.bench.RegisterSearchRun "$@"
