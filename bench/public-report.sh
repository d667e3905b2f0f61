#!/usr/bin/env bash
# The public reporting page on the embedded PostgreSQL: bench/public-report.sh [seconds] [threads], default 60 4.
# Prints public submissions per second sustained (challenge verified, identity sealed, case started) and the
# status page's p50/p95/p99.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.jiandu.bench.PublicReportRun "$@"
