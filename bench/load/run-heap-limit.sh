#!/usr/bin/env bash
# Whether a graph loads under a heap limit, not part of the tests:
#   bench/load/run-heap-limit.sh [entities] [relationships] [limit MiB] [starts]
# Starts the service on 127.0.0.1 with DOTNET_GCHeapHardLimit at [limit MiB] (768 by default: .NET's
# limit in a container of 1 GiB, three quarters of its memory) [starts] times (2 by default), each
# followed until the store is written or the process ends, then stopped by its process id. Prints, for
# each start, the time to /health/ready and RSS then, and either the time until fully loaded and the
# peak RSS, or the error the process ended with (out of memory while the store was written, say).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/prepare.sh
limit_mib=${3:-768}
starts=${4:-2}
port=5098
source bench/load/starts.sh

echo "graph: $entities entities, $relationships relationships; heap limit $limit_mib MiB"
for _ in $(seq 1 "$starts"); do
  started=$(date +%s.%N)
  (cd "$bin" && exec env Graph__Seed__Path="$graph" Graph__Caching__AnswerCacheMiB=0 DOTNET_GCHeapHardLimit="$(printf '0x%X' $((limit_mib << 20)))" \
    "${load_settings[@]}" dotnet Graph.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  pid=$!
  wait_ready
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  rss_ready=$(mib VmRSS "$pid")
  peak=$rss_ready
  # Until loaded or ended, at most two minutes; the peak is read while the process is there to read.
  for _ in $(seq 1 1200); do
    grep -q "Graph loaded" "$work/server.log" && break
    kill -0 "$pid" 2>/dev/null || break
    peak=$(mib VmHWM "$pid" 2>/dev/null || echo "$peak")
    sleep 0.1
  done
  if grep -q "Graph loaded" "$work/server.log"; then
    loaded=$(echo "$(date +%s.%N) - $started" | bc)
    peak=$(mib VmHWM "$pid")
    printf 'ready after %5.2f s, RSS %4d MiB; loaded after %5.2f s, peak %4d MiB\n' "$ready" "$rss_ready" "$loaded" "$peak"
    stop_server
  else
    wait "$pid" 2>/dev/null || true
    pid=
    printf 'ready after %5.2f s, RSS %4d MiB; ended before it was loaded (peak at least %d MiB): %s\n' "$ready" "$rss_ready" "$peak" \
      "$(grep -o 'System\.[A-Za-z.]*Exception' "$work/server.log" | head -1 || true)"
  fi
done
