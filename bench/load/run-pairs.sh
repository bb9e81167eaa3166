#!/usr/bin/env bash
# Two runtime settings, or two builds, compared on fresh pairs of servers (not part of the tests):
#   A='SETTING=VALUE ...' B='SETTING=VALUE ...' [A_BIN=folder] [B_BIN=folder] \
#     bench/load/run-pairs.sh [entities] [relationships] [rounds] [query ...]
# Why pairs, and fresh ones: two servers of one build with the same settings differ by 3-12 % side by side, and the one
# ahead stays ahead for as long as both run (round 74). So each round starts A and B anew, side by side, from one seed
# snapshot, with the load scripts' runtime settings and the answer cache off, and swaps their ports every round. Each query
# gets a warm-up on both, then two pairs of 4 s wrk runs in alternating order. Prints each run's req/s and the server's CPU
# an answer, then for each query the medians of A and B, the median of B's ratios to the A run beside it, and how many
# runs B was ahead in. Queries are the mix's names (bench/load/queries.sh) or, on the 100k / 1M graph, those of
# bench/load/path-queries.sh; by default the entity and the neighbourhood.
# A and B are added to the environment as written (empty for none); where one names a setting the load settings also
# set, such as DOTNET_GCgen0size, its value wins. A_BIN and B_BIN name a build's output folder each (the Release build
# by default); both must read the same snapshot format, since the snapshot is written once, by A's build.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/load/prepare.sh
rounds=${3:-4}
shift $(( $# < 3 ? $# : 3 ))
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(entity-two-levels neighborhood-depth2-200)
read -r -a settings_a <<<"${A:-}"
read -r -a settings_b <<<"${B:-}"
bin_a=$(realpath "${A_BIN:-$bin}")
bin_b=$(realpath "${B_BIN:-$bin}")
port=5099
source bench/load/starts.sh
# Two servers at once: both are stopped on exit, by their process ids.
pid_a=
pid_b=
trap '[ -n "$pid_a" ] && kill "$pid_a" 2>/dev/null; [ -n "$pid_b" ] && kill "$pid_b" 2>/dev/null; rm -rf "$work"' EXIT
bash bench/load/queries.sh "$work" "$entities"
bash bench/load/path-queries.sh "$work"
# A query named wrong stops the run here, before any server starts.
for q in "${queries[@]}"; do
  [ -f "$work/$q.json" ] || { echo "no query named $q: see bench/load/queries.sh and bench/load/path-queries.sh" >&2; exit 2; }
done

# serve FOLDER PORT LOG SETTING...: starts the service from FOLDER on PORT on the snapshot, in the background ($! is its
# process id: the subshell becomes the service).
serve() {
  local folder=$1 port=$2 log=$3
  shift 3
  (cd "$folder" && exec env Graph__Seed__Path="$graph" Graph__Seed__SnapshotPath="$work/seed.snapshot" Graph__Limits__RequestsPerSecondPerClient=0 \
    Graph__Caching__AnswerCacheMiB=0 "${load_settings[@]}" "$@" dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
}

# wrk_run PORT QUERY SECONDS: one wrk run of the query; prints its LOADRESULT line.
wrk_run() { BODY_FILE="$work/$2.json" wrk -t1 -c16 -d"$3"s -s bench/load/lean.lua "http://127.0.0.1:$1/graphql" | grep LOADRESULT; }

# measure PORT PID QUERY SECONDS: one wrk run; prints req/s and the server's CPU time an answer (user and system) in µs.
measure() {
  local result
  result=$(with_cpu "$2" wrk_run "$1" "$3" "$4")
  [[ $result == *user_us=* ]] || { echo "no answers from port $1: $result" >&2; exit 1; }
  sed -n 's/.*rps=\([0-9]*\).*user_us=\([0-9]*\) system_us=\([0-9]*\).*/\1 \2 \3/p' <<<"$result" | awk '{ print $1, $2 + $3 }'
}

echo "graph: $entities entities, $relationships relationships; A: ${A:-(nothing added)} from $bin_a; B: ${B:-(nothing added)} from $bin_b"
# The snapshot is written once, by a start from the seed file; both builds must read it (the same snapshot format).
serve "$bin_a" "$port" "$work/first.log"; pid_a=$!
wait_loaded "$work/first.log"
kill "$pid_a"; wait "$pid_a" 2>/dev/null || true; pid_a=

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then port_a=5099; port_b=5100; else port_a=5100; port_b=5099; fi
  serve "$bin_a" "$port_a" "$work/a.log" "${settings_a[@]}"; pid_a=$!
  serve "$bin_b" "$port_b" "$work/b.log" "${settings_b[@]}"; pid_b=$!
  wait_loaded "$work/a.log"
  wait_loaded "$work/b.log"
  for query in "${queries[@]}"; do
    measure "$port_a" "$pid_a" "$query" 3 >/dev/null
    measure "$port_b" "$pid_b" "$query" 3 >/dev/null
    for turn in 1 2; do
      if (( turn == 1 )); then a=$(measure "$port_a" "$pid_a" "$query" 4); b=$(measure "$port_b" "$pid_b" "$query" 4)
      else b=$(measure "$port_b" "$pid_b" "$query" 4); a=$(measure "$port_a" "$pid_a" "$query" 4); fi
      echo "round $round, A on $port_a, B on $port_b, $query: A ${a% *} req/s (${a#* } µs an answer), B ${b% *} req/s (${b#* } µs)"
      echo "${a% *}" >>"$work/$query.a"
      echo "${b% *}" >>"$work/$query.b"
      echo "${a% *} ${b% *}" | awk '{ print $2 / $1 }' >>"$work/$query.ratios"
    done
  done
  kill "$pid_a" "$pid_b"
  wait "$pid_a" "$pid_b" 2>/dev/null || true
  pid_a=
  pid_b=
done

for query in "${queries[@]}"; do
  ahead=$(paste "$work/$query.a" "$work/$query.b" | awk '$2 > $1' | wc -l)
  echo "$query: A median $(median "$work/$query.a") req/s, B median $(median "$work/$query.b") req/s," \
    "median of B/A $(median "$work/$query.ratios"), B ahead in $ahead of $(wc -l <"$work/$query.a") runs"
done
