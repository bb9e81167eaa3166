using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;
using Graph.Api.Traversal;
using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// The traversals against a second opinion on random graphs (cycles, self-loops, parallel
/// relationships, dates at the edges of their precision): QuikGraph's breadth-first search over the
/// steps the arguments allow, read here from the relationships themselves rather than from the
/// index's compact rows and filters. Every entity, direction and filter is tried, so the cases the
/// hand-built tests name are a small part of what is checked.
/// </summary>
public sealed class TraversalOracleTests
{
    private static readonly TraversalLimits Limits = TraversalLimits.Default;

    private static readonly (HashSet<RelationshipType>? Types, DateOnly? AsOf)[] Filters =
    [
        (null, null),
        ([RelationshipType.CooperatesIn, RelationshipType.PartyTo, RelationshipType.LocatedIn], null),
        (null, new DateOnly(2013, 1, 1)),
        (null, new DateOnly(2012, 12, 31)),
        ([RelationshipType.CooperatesIn, RelationshipType.PartyTo, RelationshipType.Invests, RelationshipType.FocusesOn], new DateOnly(2015, 6, 30)),
    ];

    private static readonly HashSet<EntityKind>?[] KindSets = [null, [EntityKind.Organization, EntityKind.Topic, EntityKind.Person, EntityKind.Country]];

    public static TheoryData<int, int, int> Graphs => new() { { 1, 40, 70 }, { 2, 40, 120 }, { 3, 30, 200 } };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Shortest_paths_are_as_long_as_a_breadth_first_search_finds_and_walk_allowed_steps(int seed, int entities, int relationships)
    {
        var index = TestGraphs.Random(seed, entities, relationships);
        var (found, missing) = (0, 0);
        foreach (var (types, asOf) in Filters)
        {
            foreach (var direction in Enum.GetValues<Direction>())
            {
                var steps = Steps(index, direction, types, asOf);
                foreach (var through in KindSets)
                {
                    foreach (var from in index.Entities)
                    {
                        foreach (var to in index.Entities)
                        {
                            // Between the ends a path enters only entities of the kinds passed through; the end itself may be any kind.
                            var distances = Distances(index, steps, from.Ordinal, entered => entered == to.Ordinal || through is null || through.Contains(index.EntityAt(entered).Kind));
                            foreach (var maxLength in (int[])[2, 8])
                            {
                                var filter = new RelationshipFilter(types, null, asOf);
                                var result = ShortestPath.Find(index, from, to, direction, filter, maxLength, Limits, through);
                                var context = $"{from.Id} to {to.Id}, {direction}, types {string.Join(",", types ?? [])}, asOf {asOf}, through {string.Join(",", through ?? [])}, maxLength {maxLength}";
                                Assert.False(result.Truncated, context);
                                if (distances.TryGetValue(to.Ordinal, out var distance) && distance <= maxLength)
                                {
                                    Assert.True(result.Path is not null, $"no path, {distance} expected: {context}");
                                    Assert.Equal(distance, result.Path.Length);
                                    AssertWalkable(result.Path, from, to, direction, types, asOf, through, context);
                                    found++;
                                }
                                else
                                {
                                    Assert.True(result.Path is null, $"a path of {result.Path?.Length}, none expected: {context}");
                                    missing++;
                                }
                            }
                        }
                    }
                }
            }
        }

        // Guards against a bland graph: both outcomes, many times.
        Assert.True(found > 1000 && missing > 1000, $"{found} paths found, {missing} missing");
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Neighborhoods_hold_what_a_breadth_first_search_reaches_within_the_depth_and_every_relationship_among_it(int seed, int entities, int relationships)
    {
        var index = TestGraphs.Random(seed, entities, relationships);
        foreach (var (types, asOf) in Filters)
        {
            foreach (var direction in Enum.GetValues<Direction>())
            {
                var steps = Steps(index, direction, types, asOf);
                foreach (var kinds in KindSets)
                {
                    foreach (var center in index.Entities)
                    {
                        // The centre is kept whatever its kind; every other entity only when it is of a kind asked for.
                        var distances = Distances(index, steps, center.Ordinal, entered => kinds is null || kinds.Contains(index.EntityAt(entered).Kind));
                        foreach (var depth in (int[])[1, 2, 3])
                        {
                            var result = Neighborhood.Explore(index, center, depth, direction, new RelationshipFilter(types, kinds, asOf), limit: 1000, Limits);
                            var context = $"{center.Id}, depth {depth}, {direction}, types {string.Join(",", types ?? [])}, asOf {asOf}, kinds {string.Join(",", kinds ?? [])}";

                            var expected = distances.Where(d => d.Value <= depth).Select(d => $"{index.EntityAt(d.Key).Id}:{d.Value}").Order(StringComparer.Ordinal);
                            Assert.Equal(expected, result.Nodes.Select(n => $"{n.Entity.Id}:{n.Distance}").Order(StringComparer.Ordinal));
                            Assert.True(result.Nodes.Select(n => n.Distance).SequenceEqual(result.Nodes.Select(n => n.Distance).Order()), $"nodes nearest first: {context}");
                            Assert.False(result.Truncated, context);

                            var kept = result.Nodes.Select(n => n.Entity).ToHashSet();
                            var among = index.Relationships.Where(r => Keeps(r, types, asOf) && kept.Contains(r.From) && kept.Contains(r.To)).Select(r => r.Id);
                            Assert.Equal(among.Order(StringComparer.Ordinal), result.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal));
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Reachability_lists_what_a_breadth_first_search_reaches_in_the_depth_range_by_distance_then_id(int seed, int entities, int relationships)
    {
        var index = TestGraphs.Random(seed, entities, relationships);
        int listed = 0, routed = 0;
        foreach (var (types, asOf) in Filters)
        {
            foreach (var direction in Enum.GetValues<Direction>())
            {
                var steps = Steps(index, direction, types, asOf);
                foreach (var start in index.Entities)
                {
                    // Reachability walks through every kind; the kinds only choose what is listed.
                    var distances = Distances(index, steps, start.Ordinal, _ => true);
                    foreach (var kinds in KindSets)
                    {
                        foreach (var (minDepth, maxDepth) in ((int, int)[])[(0, 1), (1, 2), (2, 2), (2, 4), (0, 6)])
                        {
                            var filter = new RelationshipFilter(types, null, asOf);
                            var result = Reachability.Find(index, start, minDepth, maxDepth, direction, filter, kinds, Limits);

                            var expected = distances
                                .Where(d => d.Key != start.Ordinal && d.Value >= minDepth && d.Value <= maxDepth && (kinds is null || kinds.Contains(index.EntityAt(d.Key).Kind)))
                                .OrderBy(d => d.Value).ThenBy(d => index.EntityAt(d.Key).Id, StringComparer.Ordinal)
                                .Select(d => $"{index.EntityAt(d.Key).Id}:{d.Value}");
                            Assert.Equal(expected, result.Entities.Select(r => $"{r.Entity.Id}:{r.Distance}"));
                            Assert.False(result.Truncated);
                            listed += result.Entities.Count;
                            if (kinds is null && maxDepth == 6) routed += AssertRoutes(index, start, result, direction, filter, types, asOf);
                        }
                    }
                }
            }
        }

        Assert.True(listed > 1000, $"only {listed} entities listed");
        Assert.True(routed > 300, $"only {routed} routes checked");
    }

    /// <summary>Each entity listed is reached by a path as long as its distance, along steps the arguments allow.</summary>
    private static int AssertRoutes(GraphIndex index, EntityNode start, ReachabilityResult result, Direction direction, RelationshipFilter filter,
        HashSet<RelationshipType>? types, DateOnly? asOf)
    {
        var routes = new ReachableRoutes(index, start, direction, filter, result);
        foreach (var reached in result.Entities) routes.Add(reached.Entity);
        foreach (var reached in result.Entities)
        {
            var path = routes.PathTo(reached.Entity);
            var context = $"{start.Id} to {reached.Entity.Id}, {direction}";
            Assert.True(path.Length == reached.Distance, $"a path of {path.Length} to an entity {reached.Distance} away: {context}");
            AssertWalkable(path, start, reached.Entity, direction, types, asOf, through: null, context);
        }

        return result.Entities.Count;
    }

    /// <summary>Whether a relationship is walked under the filter's types and date, read from the model, not from the compact rows.</summary>
    private static bool Keeps(RelationshipNode relationship, HashSet<RelationshipType>? types, DateOnly? asOf) =>
        (types is null || types.Contains(relationship.Type)) && (asOf is not { } date || relationship.ValidTime.HoldsOn(date));

    /// <summary>Every step the direction and filter allow, as (entity left, entity entered, relationship), by ordinal.</summary>
    private static List<(int From, int To, RelationshipNode Relationship)> Steps(GraphIndex index, Direction direction, HashSet<RelationshipType>? types, DateOnly? asOf)
    {
        var steps = new List<(int, int, RelationshipNode)>();
        foreach (var relationship in index.Relationships.Where(r => Keeps(r, types, asOf)))
        {
            if (direction != Direction.In) steps.Add((relationship.From.Ordinal, relationship.To.Ordinal, relationship));
            if (direction != Direction.Out) steps.Add((relationship.To.Ordinal, relationship.From.Ordinal, relationship));
        }

        return steps;
    }

    /// <summary>Hops from the root to every entity it reaches, by QuikGraph's breadth-first search over the steps into entities it may enter.</summary>
    private static Dictionary<int, int> Distances(GraphIndex index, List<(int From, int To, RelationshipNode Relationship)> steps, int root, Func<int, bool> mayEnter)
    {
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, index.Entities.Count));
        graph.AddEdgeRange(steps.Where(s => mayEnter(s.To)).Select(s => new SEquatableEdge<int>(s.From, s.To)));
        var distances = new Dictionary<int, int> { [root] = 0 };
        var search = new BreadthFirstSearchAlgorithm<int, SEquatableEdge<int>>(graph);
        search.TreeEdge += edge => distances[edge.Target] = distances[edge.Source] + 1;
        search.Compute(root);
        return distances;
    }

    /// <summary>The path runs from one end to the other, each step a relationship the arguments allow, walked along or against it as the direction says.</summary>
    private static void AssertWalkable(GraphPath path, EntityNode from, EntityNode to, Direction direction, HashSet<RelationshipType>? types, DateOnly? asOf,
        HashSet<EntityKind>? through, string context)
    {
        var entities = path.Entities.ToList();
        Assert.True(entities[0] == from && entities[^1] == to, $"ends: {context}");
        Assert.True(entities.Distinct().Count() == entities.Count, $"an entity twice: {context}");
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            Assert.True(step.From == entities[i] && step.To == entities[i + 1], $"step {i} does not follow on: {context}");
            Assert.True(Keeps(step.Relationship, types, asOf), $"step {i} walks a relationship the filter drops: {context}");
            var (start, end) = step.Direction == Direction.Out ? (step.From, step.To) : (step.To, step.From);
            Assert.True(step.Relationship.From == start && step.Relationship.To == end, $"step {i} is not along its relationship: {context}");
            Assert.True(direction == Direction.Both || step.Direction == direction, $"step {i} walks {step.Direction}: {context}");
            if (i > 0) Assert.True(through is null || through.Contains(step.From.Kind), $"step {i} passes through a {step.From.Kind}: {context}");
        }
    }
}
