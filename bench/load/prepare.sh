# Sourced by the load scripts from the repository root, with the script's own arguments: the first two
# are the graph's entities and relationships. Builds Release, writes the synthetic graph once (same
# arguments and generator version, same file) and sets $entities, $relationships, $graph, $bin (the service's folder),
# $young_floor and $load_settings.
entities=${1:-100000}
relationships=${2:-1000000}
# The name carries the generator's version (SyntheticGraph.Version), raised whenever its output changes: a file from an older
# generator may hold what the import now refuses (v2, round 37: a symmetric relationship both ways round).
graph=/tmp/graph-${entities}-${relationships}-v2.json
bin=src/Graph.Api/bin/Release/net10.0
# The runtime settings the load scripts start the service with: the young generation's floor from the launch profile,
# as the README's `dotnet run` has it (README, "The young generation's floor"), and for a large load the tiering settings
# (README, "Runtime settings for large seeds"). A restart from a snapshot takes the floor alone (run-restart.sh).
young_floor=DOTNET_GCgen0size=$(sed -n 's/.*"DOTNET_GCgen0size": *"\([^"]*\)".*/\1/p' src/Graph.Api/Properties/launchSettings.json)
[ "$young_floor" != DOTNET_GCgen0size= ] || { echo "the launch profile sets no DOTNET_GCgen0size" >&2; exit 1; }
load_settings=(DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=200 "$young_floor")
dotnet build Graph.sln -c Release --nologo -v q >/dev/null
[ -f "$graph" ] || dotnet bench/Graph.Bench/bin/Release/net10.0/Graph.Bench.dll generate "$entities" "$relationships" "$graph"
