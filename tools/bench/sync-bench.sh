#!/usr/bin/env bash
# Sync benchmark: a full sync of INVOICES invoices with their lines from the in-process NetSuite sandbox, against a
# plain PostgreSQL COPY of the same rows (zero latency), then a run at LATENCY ms per request against the governance
# bound (concurrency x 1000 rows / latency), with the peak heap of each.
# Usage: tools/bench/sync-bench.sh [INVOICES=1000000] [LATENCY_INVOICES=200000] [LATENCY_MS=300] [CONCURRENCY=5]
# Needs a build (mvn install -DskipTests); uses the private PostgreSQL of ./portico. HEAP (default 1g) caps the
# engine's heap; the sandbox (NetSuite) runs in a JVM of its own, so its heap and CPU are not counted as the engine's.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
"$ROOT/portico" db >/dev/null
export PORTICO_DB_URL="jdbc:postgresql://127.0.0.1:54329/portico_test" PORTICO_DB_USER=portico
export PORTICO_DB_PASSWORD="$(cat "$ROOT/.portico/db-password")"
cd "$ROOT/bundles/sync"
CP="$(mktemp)"
trap 'rm -f "$CP"' EXIT
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP" >/dev/null
SANDBOX_JAR="$(ls "$ROOT"/tools/netsuite-sandbox/target/portico-netsuite-sandbox-*-all.jar 2>/dev/null | head -1)"
[ -n "$SANDBOX_JAR" ] || SANDBOX_JAR="$(ls ~/.m2/repository/io/portico/portico-netsuite-sandbox/*/portico-netsuite-sandbox-*-all.jar | head -1)"
java -Xmx"${HEAP:-1g}" -Dsandbox.jar="$SANDBOX_JAR" -cp "target/test-classes:target/classes:$(cat "$CP")" io.portico.sync.internal.engine.SyncBench "$@"
