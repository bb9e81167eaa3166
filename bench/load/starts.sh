# Sourced by the scripts that start the service (run-load.sh, run-paths.sh, run-restart.sh, run-publish-start.sh)
# after they set $port: a temporary folder $work, removed on exit together with any server still running
# ($pid), and the steps of a timed start.
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# ready_now: whether /health/ready answers 200, asked over bash's own socket (/dev/tcp): a curl for each poll, a
# hundred a second, took a good part of a core from the start it was timing (round 64).
ready_now() {
  local status
  { exec 9<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&9
  read -r -t 2 _ status _ <&9 || status=
  exec 9>&-
  [ "$status" = 200 ]
}

# wait_ready: polls /health/ready of the server $pid, at most for ten minutes: every 50 ms for the first
# seconds, then every 100 ms, so that the probes take little from a start on two cores (every 10 ms, until round 64,
# the server answered a hundred health checks a second while it loaded: a restart's own reading of its time to ready
# was 0.2-0.4 s later than with no polls). So a start's time read here is up to 50 ms late; the service logs its own
# (ready_after_own). If the server exits first, prints its log ($work/server.log) and ends the script.
wait_ready() {
  local begun=$SECONDS
  until ready_now; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    [ $((SECONDS - begun)) -lt 600 ] || { echo "not ready after ten minutes"; exit 1; }
    if [ $((SECONDS - begun)) -lt 3 ]; then sleep 0.05; else sleep 0.1; fi
  done
}

# wait_loaded [LOG]: until the log ($work/server.log unless given) says the store is written too (at most two minutes), so
# that the next start does not share the cores with that write.
wait_loaded() {
  for _ in $(seq 1 1200); do grep -q "Graph loaded" "${1:-$work/server.log}" && return; sleep 0.1; done
}

# stop_server: stops $pid by its process id and waits until it has exited.
stop_server() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

# mib FIELD PID: a field of the process's status (VmRSS, VmHWM) in MiB.
mib() { awk -v field="$1:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$2/status"; }

# resident_at_ready: the service's own reading of its resident memory as it became ready, in MiB, from its log
# ($work/server.log): the moment itself. A reading from outside comes a few milliseconds later, when the store's write
# has begun to grow the process.
resident_at_ready() { grep -o 'the process resident in [0-9]* MiB' "$work/server.log" | grep -o '[0-9]*' || echo "?"; }

# ready_after_own: the service's own reading of how long after its process started it became ready, in s, from the same
# log line. The reading from outside also has the time until the next poll answers, and the polls' own CPU on two cores.
ready_after_own() { grep -o '[0-9.]* s after the process started' "$work/server.log" | grep -o '^[0-9.]*' || echo "?"; }

# median FILE: the median of the numbers in FILE, one a line.
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# with_cpu PID COMMAND...: runs COMMAND, which prints a wrk LOADRESULT line, and adds to that line the user
# and system CPU time of process PID per answer, in µs (/proc/PID/stat). That varies less than req/s when wrk
# and other work share the two cores, so runs in different windows compare better by it.
with_cpu() {
  local target=$1 ticks user1 system1 user2 system2 result answers
  shift
  ticks=$(getconf CLK_TCK)
  read -r user1 system1 < <(awk '{ print $14, $15 }' "/proc/$target/stat")
  result=$("$@")
  read -r user2 system2 < <(awk '{ print $14, $15 }' "/proc/$target/stat")
  answers=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  [ "${answers:-0}" -gt 0 ] || { echo "$result"; return; }
  echo "$result user_us=$(( (user2 - user1) * 1000000 / ticks / answers )) system_us=$(( (system2 - system1) * 1000000 / ticks / answers ))"
}
