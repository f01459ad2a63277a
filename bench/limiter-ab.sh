#!/usr/bin/env bash
# The rate limiter's cost, by hand (not part of CI): GET /v1/deployments/{id} with the limiter on
# and off, alternated, on H2 and on PostgreSQL (a fresh database per run). Prints requests/s and
# the server process's CPU time per request (from /proc), which a machine whose speed swings
# disturbs less than requests/s. Server pinned to core 0, wrk to core 1, as in bench/run.sh.
#
# Usage: bench/limiter-ab.sh [pairs per engine (default 2)] [seconds measured (default 10)]
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS="${1:-2}"
DURATION="${2:-10}"
PORT=18081
PG_DB=dotgit_limiter_ab
JAR=bootstrap/target/dotgit.jar

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing (bench/run.sh installs it)"; exit 1; }
echo "building the server jar"
mvn -q -DskipTests package
KEY=$(java -cp "$JAR" dev.dotgit.bootstrap.tools.NewSecretKey)

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
trap stop_server EXIT

measure() { # label, extra environment assignments...: prints "requests/s cpu-µs-per-request"
  local label=$1; shift
  local data_dir; data_dir=$(mktemp -d)
  env "$@" DOTGIT_DATA_DIR="$data_dir" DOTGIT_BOOTSTRAP_API_KEY="$KEY" MICRONAUT_SERVER_PORT=$PORT \
      DOTGIT_JOBS_ENABLED=false DOTGIT_BOOTSTRAP_RATE_LIMIT_PER_MINUTE=1000000 DOTGIT_BOOTSTRAP_RATE_LIMIT_BURST=1000000 \
      taskset -c 0 java -Xms256m -Xmx1g -jar "$JAR" >"bench/results/server-ab-$label.log" 2>&1 &
  SERVER_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/liveness"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see bench/results/server-ab-$label.log"; exit 1; }
    sleep 0.1
  done
  local auth=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
  local project deployment
  project=$(curl -fs -X POST "http://127.0.0.1:$PORT/v1/projects" "${auth[@]}" -d '{"name":"ab-bench"}' \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  deployment=$(curl -fs -X POST "http://127.0.0.1:$PORT/v1/deployments" "${auth[@]}" \
    -d "{\"project_id\":\"$project\",\"branch\":\"main\"}" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  local url="http://127.0.0.1:$PORT/v1/deployments/$deployment"
  for _ in 1 2 3; do taskset -c 1 wrk -t1 -c50 -d6s -H "Authorization: Bearer $KEY" "$url" >/dev/null; done
  local before after out
  before=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
  out=$(taskset -c 1 wrk -t1 -c50 -d"${DURATION}s" -H "Authorization: Bearer $KEY" "$url")
  after=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
  stop_server
  rm -rf "$data_dir"
  local requests rps
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  # /proc counts clock ticks of 10 ms
  python3 -c "print(f'{$rps:.0f} {($after - $before) * 10000 / $requests:.1f}')"
}

mkdir -p bench/results
for engine in h2 postgresql; do
  pg=()
  [ "$engine" = postgresql ] && pg=(DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
    DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=)
  on_rps=(); on_cpu=(); off_rps=(); off_cpu=()
  for pair in $(seq "$PAIRS"); do
    for mode in on off; do
      [ "$engine" = postgresql ] && psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB" \
        -c "CREATE DATABASE $PG_DB" >/dev/null
      limiter=(); [ "$mode" = off ] && limiter=(DOTGIT_RATE_LIMITS_ENABLED=false)
      read -r rps cpu < <(measure "$engine-$mode" "${limiter[@]}" "${pg[@]}")
      printf '%-11s limiter %-3s %8s requests/s %8s CPU µs/request\n' "$engine" "$mode" "$rps" "$cpu"
      if [ "$mode" = on ]; then on_rps+=("$rps"); on_cpu+=("$cpu"); else off_rps+=("$rps"); off_cpu+=("$cpu"); fi
    done
  done
  python3 - "${on_rps[*]}" "${off_rps[*]}" "${on_cpu[*]}" "${off_cpu[*]}" "$engine" <<'PY'
import sys
mean = lambda text: sum(map(float, text.split())) / len(text.split())
on_rps, off_rps, on_cpu, off_cpu, engine = mean(sys.argv[1]), mean(sys.argv[2]), mean(sys.argv[3]), mean(sys.argv[4]), sys.argv[5]
print(f"{engine}: limiter costs {(off_rps - on_rps) / off_rps * 100:.1f} % of requests/s and "
      f"{(on_cpu - off_cpu) / off_cpu * 100:.1f} % more CPU per request (target on PostgreSQL: at most 15 %)\n")
PY
done
