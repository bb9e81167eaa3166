# Sourced by the load scripts from the repository root, with the script's own arguments: the first two
# are the graph's entities and relationships. Builds Release, writes the synthetic graph once (same
# arguments and generator version, same file) and sets $entities, $relationships, $graph and $bin (the service's folder).
entities=${1:-100000}
relationships=${2:-1000000}
# The name carries the generator's version (SyntheticGraph.Version), raised whenever its output changes: a file from an older
# generator may hold what the import now refuses (v2, round 37: a symmetric relationship both ways round).
graph=/tmp/graph-${entities}-${relationships}-v2.json
bin=src/Graph.Api/bin/Release/net10.0
dotnet build Graph.sln -c Release --nologo -v q >/dev/null
[ -f "$graph" ] || dotnet bench/Graph.Bench/bin/Release/net10.0/Graph.Bench.dll generate "$entities" "$relationships" "$graph"
