#!/usr/bin/env bash
# Startup of the published build (README, "Publishing") against the build output, not part of the tests:
#   bench/load/run-publish-start.sh essay [rounds]                          the service's own seed
#   bench/load/run-publish-start.sh [entities] [relationships] [rounds]     a synthetic graph
# Builds Release, publishes for this platform into a temporary folder (about three minutes), then starts
# the two builds in turn on 127.0.0.1, [rounds] times each, and prints each start's time from process
# start to /health/ready and RSS at ready, then the medians. Each start is stopped by its process id, and
# the next waits until it has exited. With SNAPSHOT=1 both builds keep a seed snapshot (one each, written
# by a first start that is not counted), so the timed starts are restarts from it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = essay ]; then
  graph=
  rounds=${2:-5}
  bin=src/Graph.Api/bin/Release/net10.0
  dotnet build Graph.sln -c Release --nologo -v q >/dev/null
else
  source bench/load/prepare.sh
  rounds=${3:-4}
fi
port=5098
source bench/load/starts.sh

echo "publishing into $work/publish..."
dotnet publish src/Graph.Api -c Release -r "$(dotnet --info | awk '/RID:/ { print $2; exit }')" -o "$work/publish" --nologo -v q >/dev/null

# start LABEL: one start until ready; prints one line and appends the time to $work/ready-LABEL.
start() {
  local label=$1 folder command started ready rss
  if [ "$label" = published ]; then folder=$work/publish; command=(./Graph.Api); else folder=$bin; command=(dotnet Graph.Api.dll); fi
  local settings=(Graph__Limits__RequestsPerSecondPerClient=0 "${load_settings[@]}")
  [ -n "$graph" ] && settings+=(Graph__Seed__Path="$graph")
  [ "${SNAPSHOT:-0}" = 1 ] && settings+=(Graph__Seed__SnapshotPath="$work/$label.snapshot")
  started=$(date +%s.%N)
  (cd "$folder" && exec env "${settings[@]}" "${command[@]}" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
  wait_ready
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  rss=$(mib VmRSS "$pid")
  wait_loaded
  stop_server
  printf '%-9s ready after %5.2f s, RSS %4d MiB\n' "$1" "$ready" "$rss"
  echo "$ready" >>"$work/ready-$label"
}

echo "seed: ${graph:-the essay (seed/china-belarus.json)}; publish: $(du -sm "$work/publish" | cut -f1) MB"
if [ "${SNAPSHOT:-0}" = 1 ]; then
  start build >/dev/null; start published >/dev/null; rm -f "$work"/ready-*
fi
for _ in $(seq 1 "$rounds"); do start build; start published; done
printf "median ready after: build output %.2f s, published %.2f s\n" "$(median "$work/ready-build")" "$(median "$work/ready-published")"
