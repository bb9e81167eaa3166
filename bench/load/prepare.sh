# Sourced by the load scripts from the repository root, with the script's own arguments: the first two
# are the graph's entities and relationships. Builds Release, writes the synthetic graph once (same
# arguments and generator, same file) and sets $entities, $relationships, $graph and $bin (the service's folder).
entities=${1:-100000}
relationships=${2:-1000000}
graph=/tmp/graph-${entities}-${relationships}.json
bin=src/Graph.Api/bin/Release/net10.0
dotnet build Graph.sln -c Release --nologo -v q >/dev/null
# Written again when the generator was built after it: a file from an older generator may hold what the
# import now refuses (round 37: a symmetric relationship both ways round).
generator=bench/Graph.Bench/bin/Release/net10.0/Graph.Bench.dll
[ "$graph" -nt "$generator" ] || dotnet "$generator" generate "$entities" "$relationships" "$graph"
