#!/usr/bin/env bash
# Startup with a seed snapshot (Graph:Seed:SnapshotPath), not part of the tests:
#   bench/load/run-restart.sh [entities] [relationships] [restarts]
# Builds Release, generates the graph once, then starts the service on 127.0.0.1 with a snapshot path in
# a new temporary folder: first with no snapshot there (it reads and checks the JSON, and writes the
# snapshot once loaded), then [restarts] more times, each of which loads the snapshot. Every start is
# followed until the store is written, then stopped by its process id. Prints, for each start, the time
# to /health/ready and RSS at ready (each read from outside, and as the service read them itself at that moment, from its log), the time
# until fully loaded and the peak RSS, then the restarts' medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/prepare.sh
restarts=${3:-3}
port=5099
source bench/load/starts.sh

# start LABEL: one start, followed until fully loaded; prints one line and appends the ready time to $work/ready-LABEL.
# The runtime runs with the runtimeconfig's settings and the launch profile's young-generation floor (DOTNET_GCgen0size,
# round 74), as the README's command starts the service. Until round 63
# this script set the call-counting delay to 0 as the load scripts do; since round 64 a restart is ready sooner without
# it (the recompiling it starts keeps the second core busy while the start could use it).
start() {
  local started ready loaded server_pid
  started=$(date +%s.%N)
  (cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Seed__SnapshotPath="$work/seed.snapshot" Graph__Limits__RequestsPerSecondPerClient=0 \
    "$young_floor" dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
  wait_ready
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  server_pid=$(pgrep -P "$pid" -f Graph.Api.dll || echo "$pid")
  local rss_ready; rss_ready=$(mib VmRSS "$server_pid")
  wait_loaded
  loaded=$(echo "$(date +%s.%N) - $started" | bc)
  local peak; peak=$(mib VmHWM "$server_pid")
  stop_server
  local source="seed file"; grep -q "from the snapshot" "$work/server.log" && source="snapshot"
  local resident own; resident=$(resident_at_ready); own=$(ready_after_own)
  printf '%-8s from the %-9s ready after %5.2f s, RSS %4d MiB (its own readings at ready: %s s, %s MiB); loaded after %5.2f s, peak %4d MiB\n' \
    "$1" "$source" "$ready" "$rss_ready" "$own" "$resident" "$loaded" "$peak"
  echo "$ready" >>"$work/ready-$1"
  echo "$own" >>"$work/own-$1"
  echo "$rss_ready" >>"$work/rss-$1"
  echo "$resident" >>"$work/resident-$1"
}

echo "graph: $entities entities, $relationships relationships"
start first
for _ in $(seq 1 "$restarts"); do start restart; done
echo "snapshot: $(du -m "$work/seed.snapshot" | cut -f1) MB; restarts ready after a median of $(median "$work/ready-restart") s," \
  "RSS at ready a median of $(median "$work/rss-restart") MiB (their own readings $(median "$work/own-restart") s and $(median "$work/resident-restart") MiB)"
