-- wrk script for the soak run (run-soak.sh): every request is drawn at random from a wide mix of the
-- schema's fields, with random entities (one id a line in the file named by IDS_FILE), texts, dates,
-- depths and page cursors, so that a long run walks much of the graph and many code paths instead of
-- one answer. One request in twenty writes its arguments into the query text itself, so new documents
-- keep arriving and the document cache fills and is cleared over and over. SOAK_SEED fixes the draw.
-- Answers are counted by kind (counts.lua) and printed in one line when the run ends.

local ids = {}
local kinds = { "COUNTRY", "PERSON", "ORGANIZATION", "PROJECT", "EVENT", "TOPIC", "PLACE", "AGREEMENT" }
local directions = { "OUT", "IN", "BOTH" }
local words = { "tundra", "summit", "lumen", "river", "granite", "quartz", "prairie", "birch", "onyx",
  "delta", "cobalt", "meridian", "iris", "juniper", "krypton", "gr", "ri", "a" }

local function pick(list) return list[math.random(#list)] end
local function id() return pick(ids) end
local function year() return tostring(math.random(1985, 2025)) end

-- Base64url without padding, as the service writes page cursors ("e:" and an entity's id).
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function base64url(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = (b and (c and 4 or 3)) or 2
    for k = 1, chars do
      local shift = 18 - 6 * (k - 1)
      local index = math.floor(n / 2 ^ shift) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function body(query, variables)
  return string.format('{"query":"%s","variables":{%s}}', query, variables)
end

local makers = {
  function() -- an entity two levels deep
    return body("query E($id: ID!) { entity(id: $id) { id name kind relationships(first: 10) { edges { relationship { type validTime { start { text } } } node { id name relationships(first: 5) { edges { node { id name } } } } } } } }",
      string.format('"id":"%s"', id()))
  end,
  function() -- search
    local text = pick(words)
    if math.random() < 0.5 then text = text .. " " .. math.random(0, 999) end
    return body("query S($t: String!) { search(text: $t, first: 10) { match entity { id name kind } } }", string.format('"t":"%s"', text))
  end,
  function() -- a neighbourhood, sometimes on a date
    local asOf = math.random() < 0.3 and string.format(', "d":"%s-06-30"', year()) or ', "d":null'
    return body("query N($id: ID!, $depth: Int, $dir: Direction, $d: Date) { neighborhood(id: $id, depth: $depth, direction: $dir, asOf: $d, limit: 150) { truncated nodes { distance entity { id name } } relationships { id type from { id } to { id } } } }",
      string.format('"id":"%s","depth":%d,"dir":"%s"%s', id(), math.random(1, 2), pick(directions), asOf))
  end,
  function() -- a shortest path between two entities
    return body("query P($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length steps { relationship { id type sources { paragraph } } to { id name } } } }",
      string.format('"a":"%s","b":"%s"', id(), id()))
  end,
  function() -- a page of entities of a kind, after a random entity
    return body("query L($k: EntityKind, $after: String) { entities(kind: $k, first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name } } } }",
      string.format('"k":"%s","after":"%s"', pick(kinds), base64url("e:" .. id())))
  end,
  function() -- what is within reach
    return body("query R($id: ID!, $k: [EntityKind!]) { entity(id: $id) { reachable(maxDepth: 2, kinds: $k, first: 20) { truncated edges { distance node { id kind } } } } }",
      string.format('"id":"%s","k":["%s","%s"]', id(), pick(kinds), pick(kinds)))
  end,
  function() -- an entity's timeline and counts on a date
    return body("query T($id: ID!, $d: Date) { entity(id: $id) { degree(asOf: $d) relationshipCounts { type count } neighborCounts(asOf: $d) { kind count } timeline(first: 10) { date { text } relationship { id type } } } }",
      string.format('"id":"%s","d":"%s-12-31"', id(), year()))
  end,
  function() -- simple paths of up to three steps
    return body("query Q($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxLength: 3, first: 5) { truncated paths { length entities { id } } } }",
      string.format('"a":"%s","b":"%s"', id(), id()))
  end,
  function() -- nodes by id, the vocabulary and the graph's counts
    return body("query V($ids: [ID!]!) { nodes(ids: $ids) { id } relationshipTypes { type count } graphStatistics { entityCount relationshipCount } }",
      string.format('"ids":["%s","%s","%s"]', id(), id(), id()))
  end,
  function() -- arguments written into the query: a document the cache has not seen
    return string.format('{"query":"{ entity(id: \\"%s\\") { id name degree(direction: %s) } }"}', id(), pick(directions))
  end,
}

-- How often each maker is drawn, in twentieths unless SOAK_WEIGHTS (ten numbers, comma-separated) says otherwise.
local weights = { 4, 3, 2, 2, 2, 2, 1, 1, 2, 1 }
if os.getenv("SOAK_WEIGHTS") then
  weights = {}
  for w in string.gmatch(os.getenv("SOAK_WEIGHTS"), "%d+") do weights[#weights + 1] = tonumber(w) end
end
local draw = {}
for i, w in ipairs(weights) do for _ = 1, w do draw[#draw + 1] = i end end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

dofile("bench/load/counts.lua")

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
  math.randomseed(tonumber(os.getenv("SOAK_SEED") or "1"))
  reset_counts()
end

function request()
  return wrk.format(nil, nil, nil, makers[draw[math.random(#draw)]]())
end
