#!/usr/bin/env bash
# Start to ready and resident memory of Jiandu on its embedded H2 default (fresh data folder).
# Usage: bench/startup.sh [runs]   (builds the fat jar first; prints one line per run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${JIANDU_BENCH_PORT:-18080}
mvn -q -B -ntp package -DskipTests
jar=$(ls target/jiandu-*.jar | grep -v plain | head -1)
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$data/jiandu" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.1
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  echo "run $run: ready after ${ready} ms, resident memory ${rss} MiB (H2, fresh database)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
