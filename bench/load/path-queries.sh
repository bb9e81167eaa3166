# The queries of bench/load/run-paths.sh, written as request bodies into $1: what users of the
# 100k / 1M synthetic graph do beyond the fixed mix, where a list or a traversal could be
# walked whole for one answer (deep pages, filters, short searches, hubs, paths). Ids and cursors are
# those the deterministic generator gives (bench/Graph.Bench generate 100000 1000000).
out=$1
mkdir -p "$out"
cursor() { printf '%s' "$1" | base64 | tr '+/' '-_' | tr -d '='; }
body() { printf '{"query":"%s"}\n' "$2" > "$out/$1.json"; }
body deep-page "{ entities(kind: ORGANIZATION, first: 20, after: \\\"$(cursor e:org-0099740)\\\") { pageInfo { endCursor hasNextPage } edges { node { id name } } } }"
body type-filter "{ entities(filter: { hasRelationshipType: INVESTS }, first: 20) { edges { node { id name } } } }"
body type-filter-total "{ entities(filter: { hasRelationshipType: INVESTS }, first: 20) { totalCount edges { node { id name } } } }"
body name-filter "{ entities(filter: { nameContains: \\\"granite 12\\\" }, first: 20) { edges { node { id name } } } }"
body short-name-filter "{ entities(filter: { nameContains: \\\"an\\\" }, first: 20) { totalCount edges { node { id name } } } }"
body rare-short-filter "{ entities(kind: ORGANIZATION, filter: { nameContains: \\\"zq\\\" }, first: 20) { totalCount edges { node { id } } } }"
body word-filter-total "{ entities(kind: ORGANIZATION, filter: { nameContains: \\\"granite\\\" }, first: 20) { totalCount edges { node { id } } } }"
body property-filter "{ entities(filter: { propertyKey: \\\"paragraphs\\\" }, first: 20) { totalCount edges { node { id } } } }"
body one-letter-search "{ search(text: \\\"n\\\", first: 10) { match entity { id name kind } } }"
body three-letter-search "{ search(text: \\\"ite\\\", first: 10) { match entity { id name kind } } }"
body kind-search "{ search(text: \\\"ite\\\", kinds: [ORGANIZATION], first: 10) { match entity { id name kind } } }"
body word-search-100 "{ search(text: \\\"granite\\\", first: 100) { match entity { id name kind } } }"
# Words in another order (WORDS): a short word that starts words of many of the candidates, one that starts
# none of them, and a long text of every word of the generator's names, none of which holds them all.
body words-search "{ search(text: \\\"12 granite\\\", first: 10) { match entity { id name kind } } }"
body words-search-none "{ search(text: \\\"granite zz\\\", first: 10) { match entity { id name kind } } }"
body words-search-long "{ search(text: \\\"amber birch cobalt delta ember falcon granite harbor iris juniper krypton lumen meridian nova onyx prairie quartz river summit tundra\\\", first: 10) { match entity { id name kind } } }"
# Texts no name holds as typed, so names one slip from them are offered (SIMILAR): a common word misspelt
# (a tenth of the names hold "granite"), and a name misspelt in every word but its number.
body similar-search "{ search(text: \\\"granitte\\\", first: 10) { match entity { id name kind } } }"
body similar-search-name "{ search(text: \\\"nvoa detla 4242\\\", first: 10) { match entity { id name kind } } }"
# Forty numbers of four digits (the 200 characters a search text may have), which no name holds together: each is one
# slip from thousands of the names' numbers, the dearest text found for the slips' lookup (round 66).
body numbers-search "{ search(text: \\\"4898 9916 3136 7061 8766 2073 1215 8687 5249 4839 4141 8704 9863 8804 7506 3467 4799 3484 9571 7388 1248 2049 3611 1701 5935 1508 5414 8745 7350 7994 7471 8284 3197 6988 2596 1587 3227 9108 4555 5226\\\", first: 10) { match entity { id name kind } } }"
# Pages in other orders: by name past a cursor deep in the list, a kind's most connected, and a name filter by name.
body name-order-page "{ entities(orderBy: NAME, first: 20, after: \\\"$(cursor 'en:15:tundra summit 9:person-0000009')\\\") { pageInfo { endCursor hasNextPage } edges { node { id name } } } }"
body degree-order-kind "{ entities(kind: PERSON, orderBy: DEGREE, first: 20) { edges { node { id degree } } } }"
body name-filter-by-name "{ entities(filter: { nameContains: \\\"granite\\\" }, orderBy: NAME, first: 20) { totalCount edges { node { id name } } } }"
# The graph's relationships: a page deep in id order, and a type on a day with its total (one sorted table of
# dates per type, made on the first count that asks for it), and a type in which nothing holds on the day but
# the undated, walked back from the end; and the relationships from a kind to a kind, with their total (a pass over
# the arrays, the ends' kinds worked out on the first list that asks for them).
body graph-relationships-page "{ relationships(first: 20, after: \\\"$(cursor g:rel-00700000)\\\") { pageInfo { endCursor hasNextPage } edges { node { id type from { id } to { id } } } } }"
body graph-relationships-type-date "{ relationships(types: [INVESTS], asOf: \\\"2010-06-01\\\", first: 20) { totalCount edges { node { id validTime { start { text } } } } } }"
body graph-relationships-kinds "{ relationships(fromKinds: [COUNTRY], toKinds: [PROJECT], first: 20) { totalCount edges { node { id type } } } }"
body graph-relationships-last "{ relationships(types: [HOLDS_OFFICE], asOf: \\\"1800-01-01\\\", last: 20) { totalCount edges { node { id } } } }"
body hub-page-degrees "{ entities(kind: TOPIC, first: 100) { edges { node { id degree } } } }"
body hub-aggregates "{ entity(id: \\\"topic-0000000\\\") { degree(asOf: \\\"2015-06-01\\\") relationshipCounts { type count } neighborCounts { kind count } } }"
body hub-timeline "{ entity(id: \\\"topic-0000000\\\") { timeline(first: 20) { date { text } relationship { id type } } } }"
body hub-timeline-latest "{ entity(id: \\\"topic-0000000\\\") { timeline(first: 20, order: LATEST_FIRST, after: \\\"$(cursor t:rel-00500000)\\\") { cursor date { text } relationship { id type } } } }"
body hub-reachable "{ entity(id: \\\"topic-0000000\\\") { reachable(maxDepth: 2, kinds: [ORGANIZATION], first: 20) { totalCount edges { distance node { id } } } } }"
body hub-reachable-6 "{ entity(id: \\\"topic-0000000\\\") { reachable(maxDepth: 6, first: 20) { totalCount truncated edges { distance node { id } } } } }"
body deep-reachable-page "{ entity(id: \\\"topic-0000000\\\") { reachable(maxDepth: 6, first: 20, after: \\\"$(cursor h:topic-0043799)\\\") { edges { distance node { id } } } } }"
# The same deep page with each entity's path, traced back from each entity through the walk's levels.
body deep-reachable-routes "{ entity(id: \\\"topic-0000000\\\") { reachable(maxDepth: 6, first: 20, after: \\\"$(cursor h:topic-0043799)\\\") { edges { distance node { id } path { length steps { direction relationship { id type } } } } } } }"
body paths-of-four "{ paths(from: \\\"person-0000007\\\", to: \\\"topic-0050011\\\", maxLength: 4, first: 10) { truncated paths { length } } }"
body paths-through-kinds "{ paths(from: \\\"person-0000007\\\", to: \\\"topic-0050011\\\", maxLength: 4, first: 10, kinds: [ORGANIZATION, AGREEMENT, TOPIC]) { hasMore truncated paths { length } } }"
body deep-supports "{ entity(id: \\\"synthetic-source\\\") { ... on Document { supports(first: 20, after: \\\"$(cursor c:rel-00999000)\\\") { totalCount edges { node { id } } } } } }"
body paragraph-supports "{ entity(id: \\\"synthetic-source\\\") { ... on Document { supports(paragraph: 130, first: 20) { totalCount edges { node { id } } } } } }"
body dated-paragraph-supports "{ entity(id: \\\"synthetic-source\\\") { ... on Document { supports(paragraph: 130, asOf: \\\"2010-01-01\\\", first: 20) { totalCount edges { node { id } } } } } }"
body dated-supports "{ entity(id: \\\"synthetic-source\\\") { ... on Document { supports(asOf: \\\"2010-01-01\\\", first: 20) { totalCount edges { node { id } } } } } }"
