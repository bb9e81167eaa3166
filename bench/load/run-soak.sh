#!/usr/bin/env bash
# Soak run against a loopback server on a synthetic graph (not part of the tests): does the service hold
# its speed and memory over a long run of varied requests?
#   bench/load/run-soak.sh [entities] [relationships] [minutes] [window-seconds]
# Starts the service on 127.0.0.1 as run-load.sh does, waits until the store is written, then sends
# soak.lua's random mix (16 connections) for the given minutes in windows, each with its own draw. After
# each window it prints the window's req/s, p50/p99 and answers by kind, and the server's RSS (and how much of it is
# files' pages: the code's, and a restart's mapped snapshot), threads and open files. dotnet-counters (installed into
# the run's temporary folder if it is not on PATH) records the runtime's counters all along; the managed heap after each
# collection and the collections by generation are summed up at the end. Before the first window, halfway and after
# the last, dotnet-gcdump (installed the same way) takes a dump of the heap, which makes the runtime collect all of it
# first: the heap it finds is what the service holds live, and the types that grew most in number between the first and
# the last dump say what it holds more of. Stops the server by its process id. Needs wrk (apt-get install wrk).
# SOAK_WEIGHTS (ten numbers, comma-separated) changes how often each of soak.lua's request makers is drawn,
# e.g. "4,3,2,2,2,2,1,1,2,0" for no documents with their arguments written into the text.
# SOAK_RESTART=1 soaks a restart instead: the service first starts with a seed snapshot path, writes the snapshot and is
# stopped, then starts again from the snapshot (its index's columns mapped from the file) and is soaked.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/load/prepare.sh
minutes=${3:-10}
window=${4:-30}
port=5097
source bench/load/starts.sh

# Entity ids as the generator writes them (a kind's prefix and seven digits), for soak.lua to draw from.
ids="$work/ids.txt"
grep -o '{"id":"[a-z]*-[0-9]\{7\}","kind"' "$graph" | cut -d'"' -f4 >"$ids"
echo "graph: $entities entities, $relationships relationships; $(wc -l <"$ids") ids to draw from"

# tool NAME: the path of a diagnostics tool, installed into the run's temporary folder if it is not on PATH.
tool() {
  command -v "$1" && return
  dotnet tool install "$1" --version 10.0.750501 --tool-path "$work/tools" >/dev/null
  echo "$work/tools/$1"
}
counters=$(tool dotnet-counters)
gcdump=$(tool dotnet-gcdump)

# live_heap NAME: dumps the heap (the dump collects all of it first), keeps the dump's report in $work/NAME.types (a
# line a type: the size of one of its objects, how many there are, the type) and prints the live heap it found, in MiB.
live_heap() {
  "$gcdump" collect -p "$server_pid" -o "$work/$1.gcdump" >/dev/null 2>&1 && "$gcdump" report "$work/$1.gcdump" >"$work/$1.types" 2>/dev/null ||
    { echo "?"; return; }
  awk '$2 == "GC" && $3 == "Heap" && $4 == "bytes" { gsub(",", "", $1); printf "%.0f", $1 / 1048576 }' "$work/$1.types"
}

snapshot=""
[ "${SOAK_RESTART:-0}" = 1 ] && snapshot="$work/seed.snapshot"
start_server() {
  (cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Seed__SnapshotPath="$snapshot" Graph__Limits__RequestsPerSecondPerClient=0 \
    "${load_settings[@]}" dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
  wait_ready
  wait_loaded
}
start_server
if [ -n "$snapshot" ]; then
  stop_server
  start_server
  grep -q "from the snapshot" "$work/server.log" || { echo "the restart did not read the snapshot"; cat "$work/server.log"; exit 1; }
  echo "restarted from the seed snapshot"
fi
server_pid=$(pgrep -P "$pid" -f Graph.Api.dll || echo "$pid")
echo "loaded: RSS $(mib VmRSS "$server_pid") MiB, live heap $(live_heap before) MiB"

"$counters" collect -p "$server_pid" --format csv -o "$work/counters.csv" --refresh-interval 10 --counters System.Runtime \
  --duration "$(date -u -d "@$((minutes * 60 + 20))" +%H:%M:%S)" >/dev/null 2>&1 &
collector=$!

windows=$(( minutes * 60 / window ))
for w in $(seq 1 "$windows"); do
  result=$(IDS_FILE="$ids" SOAK_SEED="$w" wrk -t1 -c16 -d"${window}"s -s bench/load/soak.lua "http://127.0.0.1:$port/graphql" 2>&1 | grep LOADRESULT || true)
  [ -n "$result" ] || { echo "window $w: wrk printed no result"; exit 1; }
  echo "window $w: ${result#LOADRESULT } rss_mib=$(mib VmRSS "$server_pid") rss_files_mib=$(mib RssFile "$server_pid") threads=$(awk '$1 == "Threads:" { print $2 }' "/proc/$server_pid/status") open_files=$(ls "/proc/$server_pid/fd" | wc -l)"
  # Halfway, the live heap once more, to tell memory that levels off (nodes made, caches filled) from memory that grows.
  [ "$w" != $((windows / 2)) ] || echo "halfway: live heap $(live_heap halfway) MiB"
done

curl -sf -o /dev/null -w "after the run: __typename answered %{http_code}\n" -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql"
echo "after the run: RSS $(mib VmRSS "$server_pid") MiB, live heap $(live_heap after) MiB"
# The types whose objects grew most in number between the first and the last dump. A report gives each type's count and
# the size of one of its objects, which for arrays and texts is only one of many sizes (it sorts them into classes by
# size, "(Bytes > 10K)", counted here with their type), so their bytes are not summed.
if [ -s "$work/before.types" ] && [ -s "$work/after.types" ]; then
  echo "-- the types that grew most in number (objects before, after; bytes of one)"
  awk 'FNR == 1 { file++ } $1 ~ /^[0-9,]+$/ && $2 ~ /^[0-9,]+$/ {
      bytes = $1; gsub(",", "", bytes); count = $2; gsub(",", "", count); $1 = $2 = ""; type = substr($0, 3)
      sub(/ \(Bytes > [0-9]+[KM]\)/, "", type)
      if (file == 1) before[type] += count; else { after[type] += count; one[type] = bytes }
    }
    END { for (t in after) printf "%d\t%d\t%d\t%d\t%s\n", after[t] - before[t], before[t], after[t], one[t], t }' \
    "$work/before.types" "$work/after.types" | sort -rn | awk 'NR <= 10' | cut -f2-
fi
kill "$collector" 2>/dev/null || true
wait "$collector" 2>/dev/null || true
# The counters' CSV: one row per counter and interval (timestamp, provider, counter name with its tags, kind, value).
if [ -s "$work/counters.csv" ]; then
  echo "-- runtime counters (first and last of the run, lowest and highest)"
  awk -F, 'NR > 1 && ($3 ~ /heap.size|last_collection|collections|working_set|thread.count|exceptions|lock.contentions/) {
      key = $3; v = $NF + 0
      if (!(key in first)) { first[key] = v; low[key] = v; high[key] = v; order[++n] = key }
      last[key] = v; if (v < low[key]) low[key] = v; if (v > high[key]) high[key] = v
    }
    END { for (i = 1; i <= n; i++) { k = order[i]; printf "%s: first %.0f, last %.0f, lowest %.0f, highest %.0f\n", k, first[k], last[k], low[k], high[k] } }' "$work/counters.csv"
fi
stop_server
