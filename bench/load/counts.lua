-- Shared by the wrk scripts that count answers by kind (post.lua, soak.lua): 200 with data, 503
-- overload refusals, other non-200, GraphQL errors; one LOADRESULT line when the run ends. A script
-- that defines its own init calls reset_counts() in it.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function reset_counts()
  ok, overloaded, other, errors = 0, 0, 0, 0
end

function init(args)
  reset_counts()
end

function response(status, headers, body)
  if status == 200 then
    if string.find(body, '"errors"', 1, true) then errors = errors + 1 else ok = ok + 1 end
  elseif status == 503 then
    overloaded = overloaded + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local o, s, x, e = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok"); s = s + thread:get("overloaded"); x = x + thread:get("other"); e = e + thread:get("errors")
  end
  io.write(string.format("LOADRESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d ok=%d s503=%d other_status=%d graphql_errors=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    o, s, x, e, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
