#!/usr/bin/env bash
# Load run of the user paths (bench/load/path-queries.sh) against a loopback server, not part of the tests:
#   bench/load/run-paths.sh [entities] [relationships] [seconds-per-query]
# Builds Release, generates the graph once, starts the service on 127.0.0.1, checks that each query
# answers 200 with data (and prints what it answered), then runs each with wrk (1 thread, 16 connections; the answer
# cache off, so that each request is answered anew)
# and prints req/s, p50/p99 and the server's CPU time per answer (user and system, from /proc), and stops
# the server by its process id. The ids are the generator's for 100000 1000000. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/load/prepare.sh
seconds=${3:-5}
port=5099
source bench/load/starts.sh
bash bench/load/path-queries.sh "$work"

(cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Limits__RequestsPerSecondPerClient=0 Graph__Caching__AnswerCacheMiB=0 "${load_settings[@]}" \
  dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
pid=$!
wait_ready
wait_loaded
server_pid=$(pgrep -P "$pid" -f Graph.Api.dll || echo "$pid")
# measure BODY SECONDS: wrk's LOADRESULT line for one query.
measure() { BODY_FILE="$1" wrk -t1 -c16 -d"$2"s -s bench/load/lean.lua "http://127.0.0.1:$port/graphql" | grep LOADRESULT; }

echo "graph: $entities entities, $relationships relationships"
for body in "$work"/*.json; do
  q=$(basename "$body" .json)
  answer=$(curl -s -w '\n%{http_code}' -X POST -H 'content-type: application/json' --data-binary "@$body" "http://127.0.0.1:$port/graphql")
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [ "$code" = 200 ] && [[ "$answer" == '{"data":'* ]] && [[ "$answer" != *'"errors"'* ]] || { echo "$q answered $code: ${answer:0:300}"; exit 1; }
  measure "$body" 2 >/dev/null
  result=$(with_cpu "$server_pid" measure "$body" "$seconds")
  printf '%-18s %s %s  answer: %s\n' "$q" "$(cut -d' ' -f2-4 <<<"$result")" "$(grep -o 'user_us=.*' <<<"$result")" "${answer:0:90}"
done
stop_server
