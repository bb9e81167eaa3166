#!/usr/bin/env bash
# Graph and the Node reference server (bench/node-reference) side by side on one synthetic graph:
#   bench/load/run-side-by-side.sh [entities] [relationships] [seconds] [rounds] [node-workers]
# Starts Graph on 127.0.0.1:5099 (its answer cache off, as the reference has none), then (once Graph has loaded, so the two loads do not share the
# cores) the Node server on 127.0.0.1:5097, and records each one's time to ready and RSS at ready.
# It stops unless both give the same answer to every query of the mix (compare.mjs) and to 500 random
# queries of the same fields (random-compare.mjs). Then, per query,
# it alternates wrk runs between the two (1 thread, 16 connections, as run-load.sh), so both meet the
# same spells of this shared machine, and prints each one's median req/s and the ratio. Both servers
# are stopped by process id. Needs wrk, Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are missing"; exit 1; }
source bench/load/prepare.sh
seconds=${3:-6}
rounds=${4:-3}
workers=${5:-2}
work=$(mktemp -d)
(cd bench/node-reference && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
bash bench/load/queries.sh "$work" "$entities"
mix="entity-two-levels search neighborhood-depth2-200 shortest-path entities-page typename"

graph_pid="" node_pid=""
stop() {
  [ -n "$node_pid" ] && { pkill -P "$node_pid" 2>/dev/null || true; kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
  [ -n "$graph_pid" ] && { kill "$graph_pid" 2>/dev/null || true; wait "$graph_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap stop EXIT
# Resident memory of a process and its children (the Node workers), in MiB.
rss() { local total=0; for p in "$1" $(pgrep -P "$1" || true); do total=$((total + $(awk '/VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $((total / 1024)); }
answers() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$1/graphql" || true; }
since() { echo "$(date +%s.%N) - $1" | bc; }

started=$(date +%s.%N)
(cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Limits__RequestsPerSecondPerClient=0 Graph__Caching__AnswerCacheMiB=0 "${load_settings[@]}" dotnet Graph.Api.dll --urls http://127.0.0.1:5099 >"$work/graph.log" 2>&1) &
graph_pid=$!
for _ in $(seq 1 1200); do [ "$(answers 5099)" = 200 ] && break; kill -0 "$graph_pid" || { cat "$work/graph.log"; exit 1; }; sleep 0.25; done
echo "Graph: ready after $(since "$started") s, RSS at ready $(rss "$graph_pid") MiB"
for _ in $(seq 1 600); do grep -q "Graph loaded" "$work/graph.log" && break; sleep 0.25; done
echo "Graph: store written after $(since "$started") s, RSS then $(rss "$graph_pid") MiB"

started=$(date +%s.%N)
(cd bench/node-reference && exec node --max-old-space-size=8192 --max-semi-space-size=64 --expose-gc server.mjs "$graph" 5097 "$workers" >"$work/node.log" 2>&1) &
node_pid=$!
# With several workers the port answers as soon as the first is up: wait for every worker's line.
for _ in $(seq 1 1200); do [ "$(grep -c '^ready' "$work/node.log")" -ge "$workers" ] && break; kill -0 "$node_pid" || { cat "$work/node.log"; exit 1; }; sleep 0.25; done
echo "Node ($workers worker(s)): ready after $(since "$started") s, RSS at ready $(rss "$node_pid") MiB"

echo "-- the same answer from both"
(cd bench/node-reference && node compare.mjs 5099 5097 $(for q in $mix; do echo "$work/$q.json"; done))
# Beyond the mix: the same fields with random arguments (round 32); any difference stops the run.
(cd bench/node-reference && node --max-old-space-size=4096 random-compare.mjs 5099 5097 "$graph" 500 1)

run() { BODY_FILE="$work/$1.json" wrk -t1 -c16 -d"$3"s -s bench/load/lean.lua "http://127.0.0.1:$2/graphql" 2>&1 | sed -n 's/^LOADRESULT rps=\([0-9]*\).*/\1/p'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "-- req/s, median of $rounds alternating ${seconds} s runs each (wrk: 1 thread, 16 connections)"
printf '%-26s %10s %10s %7s\n' query Graph Node ratio
for q in $mix; do
  run "$q" 5099 2 >/dev/null; run "$q" 5097 2 >/dev/null
  for _ in $(seq 1 "$rounds"); do run "$q" 5099 "$seconds" >>"$work/$q.graph"; run "$q" 5097 "$seconds" >>"$work/$q.node"; done
  g=$(median <"$work/$q.graph"); n=$(median <"$work/$q.node")
  printf '%-26s %10s %10s %7s   (Graph %s; Node %s)\n' "$q" "$g" "$n" "$(echo "scale=1; $g / $n" | bc)" "$(paste -sd' ' "$work/$q.graph")" "$(paste -sd' ' "$work/$q.node")"
done
echo "Graph RSS after the runs $(rss "$graph_pid") MiB; Node $(rss "$node_pid") MiB"
