#!/usr/bin/env bash
# Documents benchmark: the warm time to render an invoice PDF of 20 lines (p50 and p99 of 300) and a statement PDF of
# 1,000 transactions (p50 of 10), template, layout, fonts and PDF/UA tagging included, in one JVM on this machine
# (io.portico.documents.internal.DocumentsBenchmark). Targets: invoice p99 < 150 ms, statement < 1 s.
#
# Usage: tools/bench/documents-bench.sh   (after `mvn -q install -DskipTests`; MAVEN_ARGS passes options to Maven)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT/bundles/documents"
CP="$(mktemp)"
trap 'rm -f "$CP"' EXIT
mvn -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -Dmdep.outputFile="$CP" >&2
java -cp "target/test-classes:target/classes:$(cat "$CP")" io.portico.documents.internal.DocumentsBenchmark 2>/dev/null
