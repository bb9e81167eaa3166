#!/usr/bin/env bash
# HTTP load run against a loopback server on a synthetic graph (not part of the tests).
#   bench/load/run-load.sh [entities] [relationships] [seconds-per-query]
# Builds Release, generates the graph once, starts the service on 127.0.0.1, measures time to ready
# and memory at ready, runs the query mix with wrk (1 thread, 16 connections; req/s, p50/p99 and the
# server's CPU time per answer), the ceilings (a bare endpoint answering 1 KB; then one answering as many bytes as the
# neighbourhood's answer, in turn with the neighbourhood), then the overload run (a burst of 200 connections; 20 s of expensive
# queries above capacity mixed with cheap ones), all with the answer cache off; then the mix once more from a second start
# with the cache on, as the service starts by default; and stops the server by its process id. Needs wrk
# (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/load/prepare.sh
seconds=${3:-10}
port=5099
source bench/load/starts.sh
# The bare endpoints below are stopped on exit too, by their process id, if the run ends while one is up.
bare=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$bare" ] && kill "$bare" 2>/dev/null; rm -rf "$work"' EXIT
bash bench/load/queries.sh "$work" "$entities"

# start_graph [SETTING=VALUE...]: starts the service on the graph with the settings given besides these; sets $pid.
start_graph() {
  (cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Limits__RequestsPerSecondPerClient=0 "${load_settings[@]}" "$@" \
    dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
}

started=$(date +%s.%N)
# The answer cache off: every request of the mix is answered anew, as in every run before round 67. The cache's own
# figures come last, from a second start with the service's defaults.
start_graph Graph__Caching__AnswerCacheMiB=0
wait_ready
ready=$(date +%s.%N)
server_pid=$(pgrep -P "$pid" -f Graph.Api.dll || echo "$pid")
rss() { mib VmRSS "$server_pid"; }
echo "graph: $entities entities, $relationships relationships"
echo "ready after $(echo "$ready - $started" | bc) s (process start to /health/ready), RSS at ready $(rss) MiB"
# The store is written after the index is ready; measure throughput only once that is done.
wait_loaded
echo "its own readings at ready (logged): $(ready_after_own) s after the process started, $(resident_at_ready) MiB"
echo "store written after $(echo "$(date +%s.%N) - $started" | bc) s, RSS then $(rss) MiB"
grep -h "Graph loaded" "$work/server.log" || true

# run QUERY CONNECTIONS SECONDS [SCRIPT [PORT]]: the overload runs count answers by kind (post.lua); the mix only times them (lean.lua).
run() { BODY_FILE="$work/$1.json" wrk -t1 -c"$2" -d"$3"s -s "bench/load/${4:-post}.lua" "http://127.0.0.1:${5:-$port}/graphql" 2>&1 | grep LOADRESULT | sed "s/^LOADRESULT/$1/"; }
mix="entity-two-levels search neighborhood-depth2-200 shortest-path entities-page typename"

echo "-- each answer checked once: 200 with data and no errors"
for q in $mix; do
  body=$(curl -s -w '\n%{http_code}' -X POST -H 'content-type: application/json' --data-binary "@$work/$q.json" "http://127.0.0.1:$port/graphql")
  code=${body##*$'\n'}
  [ "$code" = 200 ] && [[ "$body" == '{"data":'* ]] && [[ "$body" != *'"errors"'* ]] || { echo "$q answered $code: ${body:0:300}"; exit 1; }
  # In bytes, not characters: the neighbourhood's count sizes its ceiling's answer below.
  bytes=$(printf '%s' "${body%$'\n'*}" | wc -c)
  echo "$q: $bytes bytes"
  if [ "$q" = neighborhood-depth2-200 ]; then neighborhood_bytes=$bytes; fi
done
echo "-- warm-up (not counted)"
for q in $mix; do run "$q" 16 3 lean >/dev/null; done
echo "-- query mix: ${seconds}s each, 16 connections; the server's CPU time per answer (user_us, system_us)"
for q in $mix; do with_cpu "$server_pid" run "$q" 16 "$seconds" lean; done
echo "RSS after mix $(rss) MiB"
# start_bare BYTES: starts a bare ASP.NET Core endpoint answering BYTES of fixed JSON (Graph.Bench bare) on the next port,
# with no GraphQL work, and warms it; sets $bare to its process id.
start_bare() {
  (exec dotnet bench/Graph.Bench/bin/Release/net10.0/Graph.Bench.dll bare $((port + 1)) "$1" >/dev/null 2>&1) &
  bare=$!
  for _ in $(seq 1 80); do curl -s -o /dev/null -X POST "http://127.0.0.1:$((port + 1))/graphql" && break; sleep 0.25; done
  run typename 16 3 lean $((port + 1)) >/dev/null
}
stop_bare() { kill "$bare"; wait "$bare" 2>/dev/null || true; bare=; }
echo "-- ceiling: a bare ASP.NET Core endpoint returning 1 KB of fixed JSON (Graph.Bench bare), same wrk settings"
start_bare 1024
with_cpu "$bare" run typename 16 "$seconds" lean $((port + 1)) | sed "s/^typename/bare-endpoint/"
stop_bare
# The neighbourhood's answer is 141 KB, and moving that many bytes has a ceiling of its own, far below the 1 KB one. It
# moves with the machine's window as much as the neighbourhood does, so the two are run in turn, three times each.
echo "-- the neighbourhood against its own ceiling (the bare endpoint answering as many bytes, $neighborhood_bytes), in turn, 3 times each"
start_bare "$neighborhood_bytes"
for _ in 1 2 3; do
  result=$(with_cpu "$server_pid" run neighborhood-depth2-200 16 "$seconds" lean)
  echo "$result"; sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$result" >>"$work/neighborhood-rps"
  result=$(with_cpu "$bare" run typename 16 "$seconds" lean $((port + 1)) | sed "s/^typename/bare-endpoint-neighborhood-size/")
  echo "$result"; sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$result" >>"$work/ceiling-rps"
done
stop_bare
awk -v n="$(median "$work/neighborhood-rps")" -v c="$(median "$work/ceiling-rps")" \
  'BEGIN { printf "neighbourhood: median %d req/s against its ceiling'"'"'s %d: %.2f of it\n", n, c, n / c }'

echo "-- burst: 200 connections at once for 5 s"
run entity-two-levels 200 5
echo "-- overload: 20 s of expensive queries on 256 connections (more than the expensive lane and its queue hold), with cheap queries on 4 connections alongside"
peak=0
( for _ in $(seq 1 25); do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" >"$work/peak"; sleep 1; done ) &
sampler=$!
run expensive 256 20 &
expensive=$!
run entity-two-levels 4 20
wait "$expensive"
wait "$sampler" || true
echo "peak RSS during overload $(cat "$work/peak") MiB"
curl -sf -o /dev/null -w "after the run: __typename answered %{http_code}\n" -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql"

echo "-- the mix with the answer cache on (the service's default): a second start; every answer after a request's second is sent from the cache"
stop_server
start_graph
wait_ready
wait_loaded
server_pid=$(pgrep -P "$pid" -f Graph.Api.dll || echo "$pid")
for q in $mix; do run "$q" 16 3 lean >/dev/null; done
for q in $mix; do with_cpu "$server_pid" run "$q" 16 "$seconds" lean; done
