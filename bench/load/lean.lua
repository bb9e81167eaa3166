-- wrk script for throughput: POSTs the GraphQL request body in the file named by BODY_FILE and
-- nothing more. Without a response() callback wrk does not hand every body to Lua, which on a
-- two-core machine would take CPU from the server (it halved the figure for a 140 KB answer).
-- Answers are checked once before the run (run-load.sh); wrk itself reports non-2xx answers.
dofile("bench/load/request.lua")

function done(summary, latency, requests)
  io.write(string.format("LOADRESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d socket_errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
