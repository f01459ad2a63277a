#!/usr/bin/env bash
# Benchmark by hand (not part of CI): builds the jar, starts the server on H2 and then on
# PostgreSQL, and loads four routes with wrk pinned to the other core:
#   trivial  GET /                             (the API index: constant, no auth, no database: the yardstick)
#   get      GET /v1/deployments/{id}          (authenticated, one row by id)
#   list     GET /v1/projects                  (authenticated, a page and a count)
#   post     POST /v1/deployments              (authenticated, insert + git ref lookup + job row)
# It prints requests/s, p99 latency and each route's ratio to the trivial one, plus the time
# to the first 200 after start and the resident memory after warm-up.
#
# The authenticated routes run under the per-account rate limiter, as production requests do: the
# bootstrap account gets custom numbers high enough (1,000,000 a minute, burst 1,000,000) that the
# run is never limited (the non-2xx column would show it), so what is measured is the limiter's
# cost. On PostgreSQL the GET is then measured again on a fresh server with the limiter off
# (DOTGIT_RATE_LIMITS_ENABLED=false) and the loss is printed.
#
# Usage: bench/run.sh [seconds-per-route (default 10)] [connections (default 50)]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-10}"
CONNECTIONS="${2:-50}"
PORT=18080

SERVER_CPU=0
LOAD_CPU=1
RESULTS=bench/results
mkdir -p "$RESULTS"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

echo "building the server jar"
mvn -q -DskipTests package
JAR=bootstrap/target/dotgit.jar

# A bootstrap key with a correct checksum, computed by the server's own key format.
KEY=$(java -cp "$JAR" dev.dotgit.bootstrap.tools.NewSecretKey)

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

start_server() { # $1 = label, remaining = extra environment assignments
  local label=$1; shift
  local data_dir; data_dir=$(mktemp -d)
  local started; started=$(date +%s%N)
  env DOTGIT_BOOTSTRAP_RATE_LIMIT_PER_MINUTE=1000000 DOTGIT_BOOTSTRAP_RATE_LIMIT_BURST=1000000 \
      "$@" DOTGIT_DATA_DIR="$data_dir" DOTGIT_BOOTSTRAP_API_KEY="$KEY" MICRONAUT_SERVER_PORT=$PORT \
      DOTGIT_JOBS_ENABLED=false \
      taskset -c $SERVER_CPU java -Xms256m -Xmx1g -jar "$JAR" >"$RESULTS/server-$label.log" 2>&1 &
  SERVER_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/liveness"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $RESULTS/server-$label.log"; exit 1; }
    sleep 0.05
  done
  FIRST_200_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

api() { # method path [body]
  curl -fs -X "$1" "http://127.0.0.1:$PORT$2" -H "Authorization: Bearer $KEY" \
       -H 'Content-Type: application/json' ${3:+-d "$3"}
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

load() { # label url [wrk args...]
  local label=$1 url=$2; shift 2
  taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$RESULTS/wrk-$label.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$RESULTS/wrk-$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$RESULTS/wrk-$label.txt")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $5}' "$RESULTS/wrk-$label.txt")
  echo "$rps $p99 ${non2xx:-0}"
}

run_engine() { # label, extra env...
  local engine=$1; shift
  start_server "$engine" "$@"
  local project deployment
  project=$(api POST /v1/projects '{"name":"bench-site"}' | json_field id)
  deployment=$(api POST /v1/deployments "{\"project_id\":\"$project\",\"branch\":\"main\"}" | json_field id)

  cat >"$RESULTS/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"project_id":"$project","branch":"main"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
LUA
  local auth=(-H "Authorization: Bearer $KEY")
  # Warm-up: JIT (the first seconds of each route run well below steady state), pools, caches.
  for _ in 1 2; do
    taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d6s "http://127.0.0.1:$PORT/" >/dev/null
    taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d6s "${auth[@]}" "http://127.0.0.1:$PORT/v1/deployments/$deployment" >/dev/null
    taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d4s "${auth[@]}" "http://127.0.0.1:$PORT/v1/projects" >/dev/null
  done
  local rss_kib; rss_kib=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')

  read -r t_rps t_p99 t_bad < <(load "$engine-trivial" "http://127.0.0.1:$PORT/")
  read -r g_rps g_p99 g_bad < <(load "$engine-get" "http://127.0.0.1:$PORT/v1/deployments/$deployment" "${auth[@]}")
  read -r l_rps l_p99 l_bad < <(load "$engine-list" "http://127.0.0.1:$PORT/v1/projects" "${auth[@]}")
  read -r p_rps p_p99 p_bad < <(load "$engine-post" "http://127.0.0.1:$PORT/v1/deployments" -s "$RESULTS/post.lua")
  stop_server

  ratio() { python3 -c "print(f'{$1/$2*100:.0f}%')"; }
  printf '\n%s (first 200 after %s ms, RSS after warm-up %s MiB, %s connections, %ss per route)\n' \
    "$engine" "$FIRST_200_MS" "$((rss_kib / 1024))" "$CONNECTIONS" "$DURATION"
  printf '%-34s %12s %10s %9s %8s\n' route "requests/s" p99 "vs trivial" non-2xx
  printf '%-34s %12s %10s %9s %8s\n' "GET / (trivial)" "$t_rps" "$t_p99" 100% "$t_bad"
  printf '%-34s %12s %10s %9s %8s\n' "GET /v1/deployments/{id}" "$g_rps" "$g_p99" "$(ratio "$g_rps" "$t_rps")" "$g_bad"
  printf '%-34s %12s %10s %9s %8s\n' "GET /v1/projects" "$l_rps" "$l_p99" "$(ratio "$l_rps" "$t_rps")" "$l_bad"
  printf '%-34s %12s %10s %9s %8s\n' "POST /v1/deployments" "$p_rps" "$p_p99" "$(ratio "$p_rps" "$t_rps")" "$p_bad"
  LAST_GET_RPS=$g_rps
}

get_only() { # label, extra env...: the authenticated GET alone, after the same warm-up
  local label=$1; shift
  start_server "$label" "$@"
  local project deployment
  project=$(api POST /v1/projects '{"name":"bench-site"}' | json_field id)
  deployment=$(api POST /v1/deployments "{\"project_id\":\"$project\",\"branch\":\"main\"}" | json_field id)
  local auth=(-H "Authorization: Bearer $KEY")
  for _ in 1 2; do
    taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d6s "${auth[@]}" "http://127.0.0.1:$PORT/v1/deployments/$deployment" >/dev/null
  done
  read -r LAST_GET_RPS o_p99 o_bad < <(load "$label-get" "http://127.0.0.1:$PORT/v1/deployments/$deployment" "${auth[@]}")
  stop_server
  printf '%-34s %12s %10s %9s %8s\n' "GET /v1/deployments/{id} ($label)" "$LAST_GET_RPS" "$o_p99" "" "$o_bad"
}

run_engine h2

PG_DB=dotgit_bench
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
run_engine postgresql DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" \
  DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
PG_GET_LIMITED=$LAST_GET_RPS

# The same GET on a fresh database with the rate limiter off: the limiter's cost on PostgreSQL.
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
echo
get_only postgresql-unlimited DOTGIT_RATE_LIMITS_ENABLED=false \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" \
  DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
python3 -c "print(f'rate limiter on PostgreSQL: GET {$PG_GET_LIMITED:.0f} requests/s limited, {$LAST_GET_RPS:.0f} unlimited: {($LAST_GET_RPS-$PG_GET_LIMITED)/$LAST_GET_RPS*100:.1f} % lost (target: at most 15 %)')"
