#!/usr/bin/env bash
# Customer portal benchmark: a million invoices across 10,000 customers (tools/bench/portal-data.sql), then, with wrk
# at CONNECTIONS connections for SECONDS each, a customer admin's invoice list, search, invoice detail and dashboard
# beside a static file served by the same Jetty (the baseline, measured in the same run); CSV exports of 10,000 rows
# (a customer) and about 100,000 rows (operator staff) with Portico's heap sampled meanwhile; EXPLAIN (ANALYZE,
# BUFFERS) of the list, sums and statuses, search and dashboard balances queries; every figure beside its target.
#
# Usage: tools/bench/portal-bench.sh
#   after `mvn -o -q package -DskipTests` (uses karaf-dist/target/portico-dist-*.tar.gz);
#   Portico runs from BENCH_STATE_DIR (default .portico-bench) on BENCH_HTTP_PORT (8281), its console on
#   BENCH_SSH_PORT (8201), with a 512 MB heap cap (BENCH_HEAP), on the database portico_bench of the private
#   PostgreSQL of ./portico (BENCH_PG_STATE: the state directory that holds it, default .portico), so that a demo on
#   8181 and its data are untouched. BENCH_DB names another database (e.g. a copy made with CREATE DATABASE ... TEMPLATE
#   portico_bench, so that several people can measure at once). BENCH_KEEP_DATA=1 reuses the database when it already
#   holds the data.
#   BENCH_SECONDS (15) and BENCH_CONNECTIONS (64) set the wrk runs; each page is first loaded for BENCH_WARMUP
#   seconds (15), unmeasured, so that the figures are those of a JVM that compiled the pages' code. BENCH_JFR=1 records the wrk runs with Java Flight
#   Recorder into results/load.jfr (read it with `jfr print --events jdk.ExecutionSample`). Portico is stopped at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION=0.1.0-SNAPSHOT
DIST="$ROOT/karaf-dist/target/portico-dist-$VERSION.tar.gz"
STATE="${BENCH_STATE_DIR:-$ROOT/.portico-bench}"
RUNTIME="$STATE/runtime"
PG_STATE="${BENCH_PG_STATE:-$ROOT/.portico}"
PG_PORT="${PORTICO_PG_PORT:-54329}"
HTTP_PORT="${BENCH_HTTP_PORT:-8281}"
SSH_PORT="${BENCH_SSH_PORT:-8201}"
SECONDS_EACH="${BENCH_SECONDS:-15}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
DB="${BENCH_DB:-portico_bench}"
BASE="http://localhost:$HTTP_PORT"
OUT="$STATE/results"
PASSWORD="Bench-password-0123456789"

say() { printf '\033[1mportal-bench:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mportal-bench:\033[0m %s\n' "$*" >&2; exit 1; }

[ -f "$DIST" ] || die "build first: mvn -o -q package -DskipTests"
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is not installed; install Debian's wrk package"
  say "installing wrk (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi
for tool in jstat jcmd psql curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done

# --- the database: portico_bench (BENCH_DB) on the private PostgreSQL ----------------------------------------------
(unset PORTICO_DB_URL; PORTICO_STATE_DIR="$PG_STATE" "$ROOT/portico" db >/dev/null)
export PGPASSWORD; PGPASSWORD="$(cat "$PG_STATE/db-password")"
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U portico -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
keep=false
if [ "${BENCH_KEEP_DATA:-}" = 1 ] && [ "$(sql -c "SELECT count(*) >= 1000000 FROM ns_transaction
    WHERE record_type = 'invoice'" 2>/dev/null || true)" = t ]; then
  keep=true
  say "reusing the data in $DB"
else
  psql -h 127.0.0.1 -p "$PG_PORT" -U portico -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$DB\"" >/dev/null
fi

# --- Portico on it, as ./portico demo starts it, in a state directory and on ports of its own -----------------------
secret() { # name -> a random secret kept in the bench's state directory
  [ -s "$STATE/$1" ] || (mkdir -p "$STATE"; umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' > "$STATE/$1")
  cat "$STATE/$1"
}
if [ ! -f "$RUNTIME/.dist" ] || [ "$DIST" -nt "$RUNTIME/.dist" ]; then
  say "unpacking the distribution into $RUNTIME"
  rm -rf "$RUNTIME"; mkdir -p "$RUNTIME"
  tar xzf "$DIST" -C "$RUNTIME" --strip-components=1
  touch "$RUNTIME/.dist"
fi
sed -i "s|^admin = .*|admin = $(secret console-password),_g_:admingroup|" "$RUNTIME/etc/users.properties"
sed -i "s|^sshPort = .*|sshPort = $SSH_PORT|" "$RUNTIME/etc/org.apache.karaf.shell.cfg"
sed -i "s|^rmiRegistryPort = .*|rmiRegistryPort = $((SSH_PORT + 1000))|; s|^rmiServerPort = .*|rmiServerPort = $((SSH_PORT + 1001))|" \
  "$RUNTIME/etc/org.apache.karaf.management.cfg"
rm -rf "$RUNTIME/data/log"
export PORTICO_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" PORTICO_DB_USER=portico
export PORTICO_DB_PASSWORD="$PGPASSWORD" PORTICO_HTTP_PORT="$HTTP_PORT"
export PORTICO_SECRET_KEY; PORTICO_SECRET_KEY="$(secret secret-key)"
export PORTICO_MONITORING_TOKEN; PORTICO_MONITORING_TOKEN="$(secret monitoring-token)"
export JAVA_MAX_MEM="${BENCH_HEAP:-512m}"
export PORTICO_STATE_DIR="$STATE" PORTICO_SSH_PORT="$SSH_PORT"
"$RUNTIME/bin/status" >/dev/null 2>&1 && die "a Portico already runs from $RUNTIME (stop it: $RUNTIME/bin/stop)"
curl -s -m 2 -o /dev/null "$BASE/" && die "port $HTTP_PORT is taken (BENCH_HTTP_PORT)"
mkdir -p "$OUT"; rm -f "$OUT"/cookies-*
KARAF_PID=""
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$KARAF_PID" ]; then
    "$RUNTIME/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 0.5; done
    say "Portico stopped"
  fi
}
trap cleanup EXIT
say "starting Portico on $BASE (heap cap $JAVA_MAX_MEM, database $DB)"
"$RUNTIME/bin/start"
for _ in $(seq 1 360); do
  [ -s "$RUNTIME/karaf.pid" ] && KARAF_PID="$(cat "$RUNTIME/karaf.pid")"
  printf 'Authorization: Bearer %s\n' "$PORTICO_MONITORING_TOKEN" | curl -s -m 2 -H @- "$BASE/health" 2>/dev/null \
    | grep -q '"status":"UP"' && break
  sleep 0.5
done
printf 'Authorization: Bearer %s\n' "$PORTICO_MONITORING_TOKEN" | curl -s -m 2 -H @- "$BASE/health" \
  | grep -q '"status":"UP"' || die "Portico did not come up; see $RUNTIME/data/log/karaf.log"
[ -n "$KARAF_PID" ] || die "no karaf.pid in $RUNTIME"
# Portico's heap (young + old used, KB) sampled every 100 ms for the whole run: the run's peak.
jstat -gc "$KARAF_PID" 100 > "$OUT/heap-run.txt" 2>/dev/null &
SAMPLER=$!

# --- the data (after Portico's migrations made the schema) --------------------------------------------------------
until [ "$(sql -c "SELECT count(*) FROM pg_tables WHERE tablename = 'ns_transaction_line'")" = 1 ]; do sleep 1; done
if ! $keep; then
  say "generating 1,011,000 invoices with their lines (tools/bench/portal-data.sql; a few minutes)"
  start=$(date +%s)
  sql -1 -f "$ROOT/tools/bench/portal-data.sql" >/dev/null
  say "data loaded and analyzed in $(( $(date +%s) - start )) s"
fi
TENANT="$(sql -c "SELECT id FROM organization WHERE kind = 'operator' ORDER BY id LIMIT 1")"
ORG1K="$(sql -c "SELECT id FROM organization WHERE kind = 'customer' AND netsuite_id = '900001'")"
ORG10K="$(sql -c "SELECT id FROM organization WHERE kind = 'customer' AND netsuite_id = '900002'")"
sql -c "SELECT format('data: %s invoices, %s invoice lines, %s customer organizations, %s applications lines',
          (SELECT count(*) FROM ns_transaction WHERE record_type = 'invoice'),
          (SELECT count(*) FROM ns_transaction_line WHERE line_list = 'items'),
          (SELECT count(*) FROM organization WHERE kind = 'customer'),
          (SELECT count(*) FROM ns_transaction_line WHERE line_list = 'applications'))" | tee "$OUT/data.txt"

# --- people: invited from the console, the invitation accepted over HTTP as a browser does --------------------------
join() { # EMAIL [ORG] -> prints the session cookie's value
  local email="$1" org="${2:-}" output token jar page csrf status
  output="$("$ROOT/portico" console "portico:user-invite --link-only -r admin $email $org")"
  token="$(grep -o -m 1 'invitations/accept?token=[A-Za-z0-9_-]\{43\}' <<< "$output" | cut -d= -f2 | sed -n 1p)"
  [ -n "$token" ] || die "no invitation link for $email: $output"
  jar="$OUT/cookies-$email"; rm -f "$jar"
  page="$(curl -s -c "$jar" -b "$jar" "$BASE/invitations/accept?token=$token")"
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<< "$page" | sed -n 1p)"
  [ -n "$csrf" ] || die "no csrf field on the invitation page for $email"
  status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "token=$token" \
    --data-urlencode "name=$email" --data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$csrf" \
    "$BASE/invitations/accept")"
  [ "$status" = 303 ] || die "accepting the invitation of $email answered $status"
  awk '$6 == "portico_session" { print $7 }' "$jar" | tail -n 1
}
run_id="$(date +%s)"
CUSTOMER="$(join "customer-$run_id@bench.example" "$ORG1K")"
BIG="$(join "big-$run_id@bench.example" "$ORG10K")"
OPERATOR="$(join "operator-$run_id@bench.example")"
[ -n "$CUSTOMER" ] && [ -n "$BIG" ] && [ -n "$OPERATOR" ] || die "a session cookie is missing"

# --- load: wrk, once per page, the static file first ---------------------------------------------------------------
DETAIL="$(sql -c "SELECT i.netsuite_id FROM ns_transaction i
  JOIN ns_transaction_line l ON l.line_list = 'applications' AND l.line_id = i.netsuite_id
  WHERE i.organization_id = $ORG1K AND i.record_type = 'invoice' ORDER BY i.netsuite_id LIMIT 1")"
SEARCH="INV-00042"
check() { # PATH COOKIE TEXT: the page answers 200 with TEXT in it (so wrk measures the page, not a redirect)
  local body; body="$(curl -s -w '\n%{http_code}' -H "Cookie: portico_session=$2" "$BASE$1")"
  # Here-strings, not pipes: grep -q stops reading at the first match, and a writer cut short fails the pipeline.
  [ "${body##*$'\n'}" = 200 ] && grep -q -- "$3" <<< "$body" \
    || die "$1 did not answer 200 with '$3'"
}
check "/records/invoice" "$CUSTOMER" "INV-001000"
check "/records/invoice?q=$SEARCH" "$CUSTOMER" "INV-000420"
check "/records/invoice/$DETAIL" "$CUSTOMER" "PYMT-"
check "/dashboard" "$CUSTOMER" "Bench Customer 1000"
check "/static/portico.css" "$CUSTOMER" "{"
ms() { # wrk's 1.23ms / 456.00us / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000;
                         else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
bench() { # NAME PATH -> results/wrk-NAME.txt
  say "wrk -c $CONNECTIONS -d ${SECONDS_EACH}s $2 (load average $(cut -d' ' -f1 /proc/loadavg))"
  wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_EACH}s" --timeout 30s --latency -H "Cookie: portico_session=$CUSTOMER" "$BASE$2" \
    > "$OUT/wrk-$1.txt"
}
figures() { # NAME -> "rps p50 p99 errors" (errors: non-2xx answers and requests over wrk's 30 s timeout)
  local f="$OUT/wrk-$1.txt"
  printf '%s %s %s %s\n' "$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f")" \
    "$(ms "$(awk '$1 == "50%" { print $2 }' "$f")")" "$(ms "$(awk '$1 == "99%" { print $2 }' "$f")")" \
    "$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { n += $NF } END { print n + 0 }' "$f")"
}
serial() { # NAME PATH -> the median of 20 requests one after another (ms): the cost of one request without queueing
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: portico_session=$CUSTOMER" "$BASE$2"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", 1000 * (t[10] + t[11]) / 2 }' > "$OUT/serial-$1.txt"
}
# A fresh JVM interprets the pages' code for its first thousands of requests (C2 compiles it meanwhile, several times
# slower on a busy machine): warm every page up, unmeasured, before measuring any.
for page in /static/portico.css /records/invoice "/records/invoice?q=$SEARCH" "/records/invoice/$DETAIL" /dashboard; do
  say "warming up $page for ${BENCH_WARMUP:-15} s"
  wrk -t 2 -c "$CONNECTIONS" -d "${BENCH_WARMUP:-15}s" --timeout 30s -H "Cookie: portico_session=$CUSTOMER" \
    "$BASE$page" > /dev/null
done
for page in "static /static/portico.css" "list /records/invoice" "search /records/invoice?q=$SEARCH" \
    "detail /records/invoice/$DETAIL" "dashboard /dashboard"; do
  serial $page
done
[ "${BENCH_JFR:-}" = 1 ] && jcmd "$KARAF_PID" JFR.start name=load settings=profile >/dev/null
bench static /static/portico.css
bench list /records/invoice
bench search "/records/invoice?q=$SEARCH"
bench detail "/records/invoice/$DETAIL"
bench dashboard /dashboard
[ "${BENCH_JFR:-}" = 1 ] && jcmd "$KARAF_PID" JFR.stop name=load filename="$OUT/load.jfr" >/dev/null

# --- CSV exports, with the heap sampled during each ----------------------------------------------------------------
heap_used_mb() { # a jstat -gc file -> the peak of S0U + S1U + EU + OU, in MB
  awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
       $1 ~ /^[0-9]/ { u = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (u > max) max = u }
       END { printf "%.0f", max / 1024 }' "$1"
}
after_gc_mb() { # heap used after a full GC, in MB
  jcmd "$KARAF_PID" GC.run >/dev/null
  jcmd "$KARAF_PID" GC.heap_info | sed -n 's/.*total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' | head -n 1 \
    | awk '{ printf "%.0f", $1 / 1024 }'
}
export_csv() { # NAME COOKIE PATH -> "seconds rows peakMB"
  local sampler
  jstat -gc "$KARAF_PID" 100 > "$OUT/heap-$1.txt" 2>/dev/null &
  sampler=$!
  # jstat takes a while to start on a busy machine: export only once it samples.
  for _ in $(seq 1 100); do [ "$(wc -l < "$OUT/heap-$1.txt")" -ge 3 ] && break; sleep 0.1; done
  curl -s -o "$OUT/$1.csv" -w '%{time_total}' -H "Cookie: portico_session=$2" "$BASE$3" > "$OUT/$1.time"
  sleep 0.3
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  printf '%s %s %s\n' "$(cat "$OUT/$1.time")" "$(( $(wc -l < "$OUT/$1.csv") - 1 ))" "$(heap_used_mb "$OUT/heap-$1.txt")"
}
FROM_DAY="$(sql -c "SELECT current_date - 1000")"
TO_DAY="$(sql -c "SELECT current_date - 901")"
say "CSV exports"
gc_before="$(after_gc_mb)"
csv10k="$(export_csv csv-10k "$BIG" /records/invoice/csv)"
csv100k="$(export_csv csv-100k "$OPERATOR" "/records/invoice/csv?from=$FROM_DAY&to=$TO_DAY")"
gc_after="$(after_gc_mb)"

# --- query plans ----------------------------------------------------------------------------------------------------
COLUMNS="t.record_type, t.netsuite_id, t.organization_id, o.name AS organization_name, t.number, t.name, t.record_date,
  t.due_date, t.status, t.total, t.amount_remaining, t.currency, t.last_modified, t.attributes::text AS attributes"
SCOPE="t.tenant_id = $TENANT AND t.organization_id = $ORG1K AND t.archived_at IS NULL"
WHERE="$SCOPE AND t.record_type = 'invoice'"
SEARCHED="AND (t.number ILIKE '%$SEARCH%' ESCAPE '\\' OR t.name ILIKE '%$SEARCH%' ESCAPE '\\')"
ORDER="ORDER BY t.record_date DESC NULLS LAST, t.netsuite_id DESC"
declare -A QUERY
QUERY[list]="SELECT $COLUMNS FROM ns_transaction t LEFT JOIN organization o ON o.id = t.organization_id
  WHERE $WHERE $ORDER LIMIT 25 OFFSET 0"
QUERY[sums]="SELECT currency, status, count(*) FILTER (WHERE kept) AS count, sum(total) FILTER (WHERE kept) AS total,
  sum(amount_remaining) FILTER (WHERE kept) AS amount_remaining
  FROM (SELECT t.currency, t.status, t.total, t.amount_remaining, TRUE AS kept
    FROM ns_transaction t LEFT JOIN organization o ON o.id = t.organization_id WHERE $WHERE) scoped
  GROUP BY currency, status ORDER BY currency NULLS LAST, status"
QUERY[search]="SELECT $COLUMNS FROM ns_transaction t LEFT JOIN organization o ON o.id = t.organization_id
  WHERE $WHERE $SEARCHED $ORDER LIMIT 25 OFFSET 0"
QUERY[balances]="SELECT t.currency,
  coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice'), 0) AS open,
  coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND t.due_date < current_date), 0) AS overdue,
  coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND t.due_date >= current_date
      AND t.due_date <= current_date + 30), 0) AS due_soon,
  coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type IN ('creditmemo', 'customerpayment')), 0) AS unapplied,
  ARRAY[
    coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice'
        AND (t.due_date IS NULL OR t.due_date >= current_date)), 0),
    coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND current_date - t.due_date BETWEEN 1 AND 30), 0),
    coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND current_date - t.due_date BETWEEN 31 AND 60), 0),
    coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND current_date - t.due_date BETWEEN 61 AND 90), 0),
    coalesce(sum(t.amount_remaining) FILTER (WHERE t.record_type = 'invoice' AND current_date - t.due_date > 90), 0)
  ]::text AS aging
  FROM ns_transaction t WHERE $SCOPE AND t.amount_remaining > 0
    AND t.record_type IN ('invoice', 'creditmemo', 'customerpayment')
  GROUP BY t.currency ORDER BY t.currency NULLS LAST"
QUERY[recent]="SELECT $COLUMNS FROM ns_transaction t LEFT JOIN organization o ON o.id = t.organization_id
  WHERE $SCOPE AND t.record_type IN ('invoice', 'customerpayment', 'creditmemo', 'salesorder')
  ORDER BY t.last_modified DESC NULLS LAST, t.netsuite_id DESC LIMIT 10"
: > "$OUT/plans.txt"
for name in list sums search balances recent; do
  # Twice: the second run's figures, with the pages in PostgreSQL's cache as under load.
  sql -c "EXPLAIN (ANALYZE, BUFFERS) ${QUERY[$name]}" >/dev/null
  sql -c "EXPLAIN (ANALYZE, BUFFERS) ${QUERY[$name]}" > "$OUT/plan-$name.txt"
  { echo "== $name"; cat "$OUT/plan-$name.txt"; } >> "$OUT/plans.txt"
done

# --- the report -----------------------------------------------------------------------------------------------------
kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
read -r s_rps s_p50 s_p99 s_err <<< "$(figures static)"
echo
echo "Customer portal, $(nproc) cores (shared with other work: expect noise), wrk -c $CONNECTIONS -t 2 -d ${SECONDS_EACH}s,"
echo "customer admin of an organization with 1,000 invoices; $(cat "$OUT/data.txt")"
printf '%-30s %7s %8s %8s %8s %6s %9s  %s\n' endpoint "req/s" "p50 ms" "p99 ms" "% static" errors "1 conn ms" target
row() { # NAME PATH TARGET
  local rps p50 p99 err
  read -r rps p50 p99 err <<< "$(figures "$1")"
  printf '%-30s %7s %8s %8s %7s%% %6s %9s  %s\n' "$2" "$rps" "$p50" "$p99" \
    "$(awk -v r="$rps" -v s="$s_rps" 'BEGIN { printf "%.1f", 100 * r / s }')" "$err" "$(cat "$OUT/serial-$1.txt")" "$3"
}
row static /static/portico.css "(baseline)"
row list /records/invoice ">= 25 % of static, p99 < 30 ms"
row search "/records/invoice?q=$SEARCH" ""
row detail "/records/invoice/$DETAIL" ""
row dashboard /dashboard "p99 < 50 ms"
read -r t10 r10 h10 <<< "$csv10k"
read -r t100 r100 h100 <<< "$csv100k"
echo
printf 'CSV %7s rows (customer):        %6.2f s, heap peak during it %4s MB   target: < 1 s\n' "$r10" "$t10" "$h10"
printf 'CSV %7s rows (operator staff):  %6.2f s, heap peak during it %4s MB   target: streamed, no heap growth\n' \
  "$r100" "$t100" "$h100"
echo "heap used after a full GC: $gc_before MB before the exports, $gc_after MB after"
echo "Portico's peak heap during the run (young + old used, jstat every 100 ms): $(heap_used_mb "$OUT/heap-run.txt") MB" \
  "of a $JAVA_MAX_MEM cap   target: < 512 MB"
echo
echo "Query plans for the 1,000-invoice organization (EXPLAIN ANALYZE, second run; full plans in $OUT/plans.txt):"
for name in list sums search balances recent; do
  printf '  %-9s %s; %s\n' "$name" "$(grep -o 'Execution Time: .*' "$OUT/plan-$name.txt")" \
    "$(grep -o -E '(Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using [a-z_]+ )?on [a-z_]+' \
       "$OUT/plan-$name.txt" | sort -u | paste -sd, - | sed 's/,/, /g')"
done
