# The fixed query mix of the load run, written as request bodies into $1. Ids are those the
# deterministic generator gives (bench/Graph.Bench generate), so the mix is the same on every run.
# They name entity 50,011 (topic-0050011), so the graph needs more entities than that: given the graph's
# entity count as $2, this stops first, with a message and exit code 2, when it is smaller.
out=$1
if [ "${2:-100000}" -le 50011 ]; then
  echo "the load mix names entity topic-0050011: give a graph of more than 50,011 entities (e.g. 100000 1000000)" >&2
  exit 2
fi
mkdir -p "$out"
cat > "$out/entity-two-levels.json" <<'Q'
{"query":"query E($id: ID!) { entity(id: $id) { id name relationships(first: 10) { edges { relationship { type } node { id name relationships(first: 10) { edges { relationship { type } node { id name } } } } } } } }","variables":{"id":"topic-0050011"}}
Q
cat > "$out/search.json" <<'Q'
{"query":"query S($t: String!) { search(text: $t, first: 10) { match entity { id name kind } } }","variables":{"t":"granite 12"}}
Q
cat > "$out/neighborhood-depth2-200.json" <<'Q'
{"query":"query N($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { distance entity { id name kind } } relationships { id type from { id } to { id } } } }","variables":{"id":"person-0000007"}}
Q
cat > "$out/shortest-path.json" <<'Q'
{"query":"query P($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length steps { relationship { id type } to { id name } } } }","variables":{"a":"person-0000007","b":"topic-0050011"}}
Q
cat > "$out/entities-page.json" <<'Q'
{"query":"query L($after: String) { entities(kind: ORGANIZATION, first: 20, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id name } } } }","variables":{"after":"ZTpvcmctMDAwMDAxNQ"}}
Q
cat > "$out/typename.json" <<'Q'
{"query":"{ __typename }"}
Q
cat > "$out/expensive.json" <<'Q'
{"query":"query X($id: ID!) { neighborhood(id: $id, depth: 3, limit: 500) { nodes { distance entity { id name kind description } } relationships { id type from { id } to { id } validTime { start { text } } } } }","variables":{"id":"org-0000006"}}
Q
