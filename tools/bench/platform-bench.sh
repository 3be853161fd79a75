#!/usr/bin/env bash
# Platform benchmark: cold start to the first 200 on /health, plugin hot-deploy to the first 200 of its resource,
# heap after start, and /health throughput against a static file served by the same Jetty.
# Usage: tools/bench/platform-bench.sh [RUNS]   (after `mvn install`; uses the private PostgreSQL of ./portico)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-3}"
VERSION=0.1.0-SNAPSHOT
DIST="$ROOT/karaf-dist/target/portico-dist-$VERSION.tar.gz"
PLUGIN="$ROOT/itests/test-plugin/target/portico-itest-test-plugin-$VERSION.jar"
PORT="${BENCH_HTTP_PORT:-8281}"
WORK="$(mktemp -d)"
trap 'pkill -f "karaf.base=$WORK" 2>/dev/null && sleep 2; rm -rf "$WORK"' EXIT
[ -f "$DIST" ] && [ -f "$PLUGIN" ] || { echo "build first: mvn install -DskipTests" >&2; exit 1; }

"$ROOT/portico" db >/dev/null
export PORTICO_DB_URL="jdbc:postgresql://127.0.0.1:54329/portico_bench" PORTICO_DB_USER=portico
export PORTICO_DB_PASSWORD="$(cat "$ROOT/.portico/db-password")" PORTICO_HTTP_PORT="$PORT"
export PORTICO_SECRET_KEY="$(cat "$ROOT/.portico/secret-key")"
PGPASSWORD="$PORTICO_DB_PASSWORD" psql -h 127.0.0.1 -p 54329 -U portico -d postgres -qc \
  "DROP DATABASE IF EXISTS portico_bench WITH (FORCE)" -c "CREATE DATABASE portico_bench" >/dev/null

now_ms() { date +%s%3N; }
wait_for() { # URL STATUS -> waits until the URL answers STATUS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = "$2" ]; do sleep 0.02; done
}

cold=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/karaf"; mkdir -p "$WORK/karaf"
  tar xzf "$DIST" -C "$WORK/karaf" --strip-components=1
  sed -i 's/^sshPort = .*/sshPort = 8201/' "$WORK/karaf/etc/org.apache.karaf.shell.cfg"
  start=$(now_ms)
  "$WORK/karaf/bin/start"
  wait_for "http://localhost:$PORT/health" 200
  cold+=($(( $(now_ms) - start )))
  [ "$run" = "$RUNS" ] || { "$WORK/karaf/bin/stop"; while "$WORK/karaf/bin/status" >/dev/null 2>&1; do sleep 0.2; done; }
done
echo "cold start to first /health 200 (fresh unpack, ms): ${cold[*]}"

deploy=(); undeploy=()
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  cp "$PLUGIN" "$WORK/karaf/deploy/"
  wait_for "http://localhost:$PORT/api/test-plugin" 200
  deploy+=($(( $(now_ms) - start )))
  start=$(now_ms)
  rm "$WORK/karaf/deploy/$(basename "$PLUGIN")"
  wait_for "http://localhost:$PORT/api/test-plugin" 404
  undeploy+=($(( $(now_ms) - start )))
done
echo "hot deploy, jar copied to deploy/ until its resource answers 200 (ms): ${deploy[*]}"
echo "undeploy, jar removed until its resource answers 404 (ms): ${undeploy[*]}"

pid="$(cat "$WORK/karaf/karaf.pid")"
jcmd "$pid" GC.run >/dev/null
echo "heap after start and a full GC: $(jcmd "$pid" GC.heap_info | sed -n 's/.*total \([0-9]*K\), used \([0-9]*K\).*/used \2 of \1 committed/p' | head -1)"
echo "RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"

health="$(java "$ROOT/tools/bench/HttpLoad.java" "http://localhost:$PORT/health" 8 10)"
static="$(java "$ROOT/tools/bench/HttpLoad.java" "http://localhost:$PORT/static/portico.css" 8 10)"
echo "$health"
echo "$static"
h=$(echo "$health" | awk '{print $2}'); s=$(echo "$static" | awk '{print $2}')
echo "throughput ratio /health : static file = $(awk -v h="$h" -v s="$s" 'BEGIN { printf "%.2f", h / s }')"
"$WORK/karaf/bin/stop"
