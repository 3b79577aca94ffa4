#!/usr/bin/env bash
# Runs every test of Mbk Portal. Installs what the tests need and the machine lacks (Debian packages), then runs
# `dotnet test` on the solution and ends with a line "N passed, N failed" counted from the test results.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
/usr/bin/python3 -c "import icalendar, recurring_ical_events" 2>/dev/null || missing+=(python3-icalendar python3-recurring-ical-events)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian packages"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL (the tests that run on both providers, the two-instance test) and Redis (the live bus across instances):
# throw-away servers of our own on loopback ports, in a temporary folder, started here and stopped when the script ends
# (Debian starts no service on install).
pg_bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/mbk-test-pg.XXXXXX)
pg_port=${MBK_TEST_PG_PORT:-55432}
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
redis_port=${MBK_TEST_REDIS_PORT:-56379}
stop_services() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$pg_dir/redis.pid" ] && kill "$(cat "$pg_dir/redis.pid")" 2>/dev/null || true
  rm -rf "$pg_dir"
}
trap stop_services EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U mbk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export MBK_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=mbk;Database=postgres"
/usr/bin/redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --pidfile "$pg_dir/redis.pid" --logfile "$pg_dir/redis.log" --dir "$pg_dir"
export MBK_TEST_REDIS="127.0.0.1:$redis_port"

results="TestResults"
rm -rf "$results"
set +e
dotnet test Mbk.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
# The service-level suites again, on PostgreSQL (one fixture, two providers: see TestSupport/TestDatabase.cs).
MBK_TEST_PROVIDER=PostgreSql dotnet test Mbk.Portal.Tests --no-build --filter "Providers=Both" \
  --logger "trx;LogFileName=results-postgresql.trx" --logger "console;verbosity=minimal" --results-directory "$results"
pg_status=$?
[ "$status" -ne 0 ] || status=$pg_status
set -e

passed=0
failed=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done < <(find "$results" -name '*.trx' -print0 2>/dev/null)

echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
