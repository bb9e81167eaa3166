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
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

echo "publishing into $work/publish..."
dotnet publish src/Graph.Api -c Release -r "$(dotnet --info | awk '/RID:/ { print $2; exit }')" -o "$work/publish" --nologo -v q >/dev/null

# start LABEL: one start until ready; prints one line and appends the time to $work/ready-LABEL.
start() {
  local label=$1 folder command started ready rss
  if [ "$label" = published ]; then folder=$work/publish; command=(./Graph.Api); else folder=$bin; command=(dotnet Graph.Api.dll); fi
  local settings=(Graph__Limits__RequestsPerSecondPerClient=0 DOTNET_TC_CallCountingDelayMs=0)
  [ -n "$graph" ] && settings+=(Graph__Seed__Path="$graph")
  [ "${SNAPSHOT:-0}" = 1 ] && settings+=(Graph__Seed__SnapshotPath="$work/$label.snapshot")
  started=$(date +%s.%N)
  (cd "$folder" && exec env "${settings[@]}" "${command[@]}" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.01
  done
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  # The store is still being written: wait until it is, so the next start does not share the cores with it.
  for _ in $(seq 1 1200); do grep -q "Graph loaded" "$work/server.log" && break; sleep 0.1; done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  printf '%-9s ready after %5.2f s, RSS %4d MiB\n' "$1" "$ready" "$rss"
  echo "$ready" >>"$work/ready-$label"
}

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "seed: ${graph:-the essay (seed/china-belarus.json)}; publish: $(du -sm "$work/publish" | cut -f1) MB"
if [ "${SNAPSHOT:-0}" = 1 ]; then
  start build >/dev/null; start published >/dev/null; rm -f "$work"/ready-*
fi
for _ in $(seq 1 "$rounds"); do start build; start published; done
printf "median ready after: build output %.2f s, published %.2f s\n" "$(median "$work/ready-build")" "$(median "$work/ready-published")"
