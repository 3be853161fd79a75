#!/usr/bin/env bash
# The write-back fault run (issue 12's proof): 1,000 payments through the portal on two Portico nodes sharing one
# database, while the NetSuite sandbox is made unavailable, slow and rate-limiting, the sandbox processor's webhooks are
# delivered again twice and out of order, and node 2 is killed with kill -9 at 40 % of the payments (and started again
# at 70 %). Then it waits for the outbox to drain and checks NetSuite's customer payments against the ledger: exactly
# one per payment, applied to the right invoices for the right amounts, the outbox empty. Exits non-zero on any
# discrepancy. Not part of ./portico test (12-21 minutes on a shared 2-core machine, most of it setting up).
#
#   tools/fault/writeback-fault.sh [PAYMENTS]        (default 1000; after mvn install -DskipTests, or it builds)
#
# Environment: FAULT_HTTP_PORTS (default "18281 18282"), FAULT_SSH_PORTS ("18201 18202"), FAULT_SANDBOX_PORT (18290),
# FAULT_CUSTOMERS (12, each a signed-in customer admin), FAULT_RESTART=0 to leave the killed node down,
# FAULT_PG_STATE (the .portico of the private PostgreSQL, default the checkout's), MVN_ARGS (e.g.
# -Dmaven.repo.local=...). Uses the database portico_fault (dropped and created again) and .portico-fault/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAYMENTS="${1:-1000}"
VERSION="0.1.0-SNAPSHOT"
DIST="$ROOT/karaf-dist/target/portico-dist-$VERSION.tar.gz"
SANDBOX_JAR="$ROOT/tools/netsuite-sandbox/target/portico-netsuite-sandbox-$VERSION-all.jar"
STATE="$ROOT/.portico-fault"
PG_STATE="${FAULT_PG_STATE:-$ROOT/.portico}"
PG_PORT="${PORTICO_PG_PORT:-54329}"
DB=portico_fault
read -r -a HTTP_PORTS <<< "${FAULT_HTTP_PORTS:-18281 18282}"
read -r -a SSH_PORTS <<< "${FAULT_SSH_PORTS:-18201 18202}"
SANDBOX_PORT="${FAULT_SANDBOX_PORT:-18290}"
CUSTOMERS="${FAULT_CUSTOMERS:-12}"
PASSWORD="Fault-password-0123456789"
WEBHOOK_SECRET="fault-run-webhook-secret"

say() { printf '\033[1mwriteback-fault:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mwriteback-fault:\033[0m %s\n' "$*" >&2; exit 1; }
for tool in java psql curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
START=$SECONDS

# --- build (or reuse) the distribution and the sandbox ---------------------------------------------------------------
if [ ! -f "$DIST" ] || [ ! -f "$SANDBOX_JAR" ]; then
  say "building (mvn install -DskipTests)"
  (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} install -DskipTests) || die "the build failed"
fi
JDBC_JAR="$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null \
  | grep -v sources | sort -V | tail -n 1)"
[ -n "$JDBC_JAR" ] || die "no PostgreSQL JDBC driver in the Maven repository (MAVEN_REPO)"

# --- a fresh database on the private PostgreSQL ----------------------------------------------------------------------
export PGPASSWORD; PGPASSWORD="$(cat "$PG_STATE/db-password" 2>/dev/null || true)"
if ! psql -h 127.0.0.1 -p "$PG_PORT" -U portico -d postgres -qtAc 'SELECT 1' >/dev/null 2>&1; then
  (unset PORTICO_DB_URL; PORTICO_STATE_DIR="$PG_STATE" "$ROOT/portico" db >/dev/null)
  PGPASSWORD="$(cat "$PG_STATE/db-password")"
fi
psql -h 127.0.0.1 -p "$PG_PORT" -U portico -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB" >/dev/null
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U portico -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
export PORTICO_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" PORTICO_DB_USER=portico
export PORTICO_DB_PASSWORD="$PGPASSWORD"

secret() { # name -> a random secret kept in the run's state directory
  [ -s "$STATE/$1" ] || (mkdir -p "$STATE"; umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' > "$STATE/$1")
  cat "$STATE/$1"
}
export PORTICO_SECRET_KEY; PORTICO_SECRET_KEY="$(secret secret-key)"
export PORTICO_MONITORING_TOKEN; PORTICO_MONITORING_TOKEN="$(secret monitoring-token)"
export JAVA_MAX_MEM="${FAULT_HEAP:-512m}"

# --- the NetSuite sandbox, with its own credentials ------------------------------------------------------------------
curl -s -m 2 -o /dev/null "http://127.0.0.1:$SANDBOX_PORT/" && die "port $SANDBOX_PORT is taken (FAULT_SANDBOX_PORT)"
for port in "${HTTP_PORTS[@]}"; do
  curl -s -m 2 -o /dev/null "http://127.0.0.1:$port/" && die "port $port is taken (FAULT_HTTP_PORTS)"
done
CREDENTIALS="$STATE/netsuite-sandbox.properties"
(umask 077; for key in consumerKey consumerSecret tokenId tokenSecret; do
   echo "$key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"; done > "$CREDENTIALS")
set -a; . "$CREDENTIALS"; set +a
export PORTICO_NETSUITE_CONSUMER_KEY="$consumerKey" PORTICO_NETSUITE_CONSUMER_SECRET="$consumerSecret" \
  PORTICO_NETSUITE_TOKEN_ID="$tokenId" PORTICO_NETSUITE_TOKEN_SECRET="$tokenSecret"
SANDBOX_PID=""
NODE_DIRS=()
cleanup() {
  set +e
  local dir
  [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null
  for dir in "${NODE_DIRS[@]}"; do
    if [ -s "$dir/karaf.pid" ] && kill -0 "$(cat "$dir/karaf.pid")" 2>/dev/null; then
      "$dir/bin/stop" >/dev/null 2>&1 || true
      for _ in $(seq 1 60); do kill -0 "$(cat "$dir/karaf.pid")" 2>/dev/null || break; sleep 0.5; done
    fi
  done
  say "stopped the nodes and the sandbox (logs: $STATE/node-*/data/log, $STATE/netsuite-sandbox.log)"
}
trap cleanup EXIT
say "starting the NetSuite sandbox on http://127.0.0.1:$SANDBOX_PORT ($CUSTOMERS customers)"
java -jar "$SANDBOX_JAR" --port "$SANDBOX_PORT" --today now --customers "$CUSTOMERS" --invoices-per-customer 40 \
  --tba-credentials "$CREDENTIALS" > "$STATE/netsuite-sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 100); do curl -s -m 2 -o /dev/null "http://127.0.0.1:$SANDBOX_PORT/sandbox" && break; sleep 0.2; done

# --- two nodes: two copies of the distribution, on ports of their own, on the same database --------------------------
node_dir() { echo "$STATE/node-$1"; }
for n in 1 2; do
  dir="$(node_dir $n)"; http="${HTTP_PORTS[$((n - 1))]}"; ssh="${SSH_PORTS[$((n - 1))]}"
  rm -rf "$dir"; mkdir -p "$dir"
  tar xzf "$DIST" -C "$dir" --strip-components=1
  sed -i "s|^admin = .*|admin = $(secret console-password),_g_:admingroup|" "$dir/etc/users.properties"
  sed -i "s|^sshPort = .*|sshPort = $ssh|" "$dir/etc/org.apache.karaf.shell.cfg"
  sed -i "s|^rmiRegistryPort = .*|rmiRegistryPort = $((ssh + 1000))|; s|^rmiServerPort = .*|rmiServerPort = $((ssh + 1100))|" \
    "$dir/etc/org.apache.karaf.management.cfg"
  # Each node's port and webhook address in its own etc/, so that the node restarts the same from any environment.
  # A small pool each: the PostgreSQL server is shared, and the run needs few connections.
  sed -i "s|^maxPoolSize = .*|maxPoolSize = 8|" "$dir/etc/io.portico.db.cfg"
  sed -i "s|^org.osgi.service.http.port = .*|org.osgi.service.http.port = $http|" "$dir/etc/org.ops4j.pax.web.cfg"
  sed -i "s|^portalUrl = .*|portalUrl = http://127.0.0.1:$http|; s|^webhookSecret =.*|webhookSecret = $WEBHOOK_SECRET|" \
    "$dir/etc/io.portico.pay.sandbox.cfg"
  cat > "$dir/etc/io.portico.netsuite.cfg" <<CFG
accountId = 1234567_SB1
baseUrl = http://127.0.0.1:$SANDBOX_PORT
authMethod = tba
consumerKey = \$[env:PORTICO_NETSUITE_CONSUMER_KEY]
consumerSecret = \$[env:PORTICO_NETSUITE_CONSUMER_SECRET]
tokenId = \$[env:PORTICO_NETSUITE_TOKEN_ID]
tokenSecret = \$[env:PORTICO_NETSUITE_TOKEN_SECRET]
CFG
  NODE_DIRS+=("$dir")
done
wait_up() { # N
  local url="http://127.0.0.1:${HTTP_PORTS[$(($1 - 1))]}"
  for _ in $(seq 1 480); do
    printf 'Authorization: Bearer %s\n' "$PORTICO_MONITORING_TOKEN" | curl -s -m 2 -H @- "$url/health" 2>/dev/null \
      | grep -q '"status":"UP"' && return 0
    sleep 0.5
  done
  die "node $1 did not come up; see $(node_dir "$1")/data/log/karaf.log"
}
say "starting node 1 (http ${HTTP_PORTS[0]}) and node 2 (http ${HTTP_PORTS[1]})"
"$(node_dir 1)/bin/start"
"$(node_dir 2)/bin/start" # at once: Flyway lets one node migrate while the other waits
wait_up 1
wait_up 2
say "both nodes UP after $((SECONDS - START)) s"
console() { # COMMAND... (one per argument, in one session) on node 1
  printf '%s\n' "$@" | "$(node_dir 1)/bin/client" -a "${SSH_PORTS[0]}" -h 127.0.0.1 -u admin \
    -p "$(secret console-password)" -r 3 -b 2> >(grep -v 'Invalid value for sshPort' >&2)
}

# --- sync the sandbox's customers and invoices -----------------------------------------------------------------------
for type in customer invoice; do
  console "portico:sync-config --enable --schedule 15m $type" "portico:sync-run $type" >/dev/null \
    || die "could not start the $type sync"
  for _ in $(seq 1 240); do
    [ "$(sql -c "SELECT count(*) FROM sync_run r WHERE r.record_type = '$type' AND r.status = 'succeeded'" 2>/dev/null)" \
      -ge 1 ] 2>/dev/null && break
    sleep 1
  done
done
sql -c "SELECT format('synced: %s customer organizations, %s open invoices of %s',
          (SELECT count(*) FROM organization WHERE kind = 'customer'),
          (SELECT count(*) FROM ns_transaction WHERE record_type = 'invoice' AND amount_remaining > 0),
          (SELECT count(*) FROM ns_transaction WHERE record_type = 'invoice'))" >&2

# --- Pay on, with the sandbox processor, as an admin turns it on (./portico demo does the same) ---------------------
out="$(console 'portico:pay-connect sandbox')"
path="$(sed -n 's|^Continue onboarding at \(/[^[:space:]]*\).*|\1|p' <<< "$out")"
[ -n "$path" ] || die "portico:pay-connect sandbox: $out"
curl -s -o /dev/null --data-urlencode businessState=NV "http://127.0.0.1:${HTTP_PORTS[0]}$path"
console 'portico:pay-enable' >/dev/null || die "portico:pay-enable refused"
# Where payments post in NetSuite: the sandbox's undeposited funds account (no page or command sets it yet).
sql -c "INSERT INTO pay_writeback_settings (tenant_id, account_id) SELECT tenant_id, '1' FROM pay_settings"

# --- one signed-in customer admin per organization, invited and accepted over HTTP ----------------------------------
PEOPLE="$STATE/people.txt"; : > "$PEOPLE"
mapfile -t ORGS < <(sql -c "SELECT id || ' ' || netsuite_id FROM organization WHERE kind = 'customer' ORDER BY id")
invites=()
for org in "${ORGS[@]}"; do invites+=("portico:user-invite --link-only -r admin payer-${org%% *}@fault.example ${org%% *}"); done
links="$(console "${invites[@]}")"
BASE="http://127.0.0.1:${HTTP_PORTS[0]}"
for org in "${ORGS[@]}"; do
  id="${org%% *}"; email="payer-$id@fault.example"
  token="$(grep -F "Hand this link to $email only:" <<< "$links" \
    | grep -o -m 1 'invitations/accept?token=[A-Za-z0-9_-]\{43\}' | cut -d= -f2)"
  jar="$STATE/cookies"; rm -f "$jar"
  page="$(curl -s -c "$jar" -b "$jar" "$BASE/invitations/accept?token=$token")"
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<< "$page" | sed -n 1p)"
  [ -n "$csrf" ] || die "no invitation page for $email"
  status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "token=$token" \
    --data-urlencode "name=$email" --data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$csrf" \
    "$BASE/invitations/accept")"
  [ "$status" = 303 ] || die "accepting the invitation of $email answered $status"
  cookie="$(awk '$6 == "portico_session" { print $7 }' "$jar" | tail -n 1)"
  session_csrf="$(curl -s -b "$jar" "$BASE/api/me" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')"
  echo "$cookie $session_csrf $org" >> "$PEOPLE"
done
say "$(wc -l < "$PEOPLE") customer admins signed in; set up in $((SECONDS - START)) s"

# --- the run -----------------------------------------------------------------------------------------------------------
restart=""
[ "${FAULT_RESTART:-1}" = 1 ] && restart="$(node_dir 2)/bin/start"
set +e
FAULT_NODES="http://127.0.0.1:${HTTP_PORTS[0]} http://127.0.0.1:${HTTP_PORTS[1]}" \
FAULT_SANDBOX="http://127.0.0.1:$SANDBOX_PORT" FAULT_PAYMENTS="$PAYMENTS" FAULT_WEBHOOK_SECRET="$WEBHOOK_SECRET" \
FAULT_KILL_PID_FILE="$(node_dir 2)/karaf.pid" FAULT_RESTART="$restart" FAULT_STATE="$STATE" \
  java -cp "$JDBC_JAR" "$ROOT/tools/fault/WritebackFault.java" "$PEOPLE"
result=$?
set -e
say "whole run, set-up included: $((SECONDS - START)) s"
exit $result
