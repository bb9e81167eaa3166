using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;
using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// The pruned, two-ended path search against plain enumeration on random graphs, and on a graph
/// where the target's surroundings alone are larger than the visit cap.
/// </summary>
public sealed class SimplePathsTests
{
    [Theory]
    [InlineData(1, Direction.Both, 4, 50)]
    [InlineData(2, Direction.Out, 5, 50)]
    [InlineData(3, Direction.In, 4, 50)]
    [InlineData(4, Direction.Both, 3, 7)]
    [InlineData(5, Direction.Both, 4, 2)]
    public void Paths_equal_those_of_plain_enumeration_shortest_first(int seed, Direction direction, int maxLength, int first)
    {
        var index = TestGraphs.Random(seed, entities: 25, relationships: 60);
        var random = new Random(seed);
        var compared = 0;
        var hadMore = 0;
        for (var pair = 0; pair < 40; pair++)
        {
            var (from, to) = (index.Entities[random.Next(25)], index.Entities[random.Next(25)]);
            var all = Enumerated(index, from, to, direction, maxLength).ToList();
            var expected = all.Take(first).ToList();
            var found = SimplePaths.Find(index, from, to, direction, RelationshipFilter.None, maxLength, first, TraversalLimits.Default);
            Assert.Equal(expected, found.Paths.Select(Route).ToList());
            Assert.Equal(all.Count > first, found.HasMore);
            Assert.False(found.Truncated);
            hadMore += found.HasMore ? 1 : 0;
            compared += expected.Count;
        }

        Assert.True(compared > 20, $"only {compared} paths compared");
        if (first <= 2) Assert.True(hadMore > 0, "no pair had more paths than asked for");
    }

    [Fact]
    public void A_short_path_is_found_when_the_target_alone_has_more_neighbours_than_the_cap()
    {
        // The target has 300 neighbours, each with two more, against a cap of 200 visits; the start has one
        // neighbour, and a path of three joins them: a→b→h1→t.
        List<string> edges = ["a>b", "b>h1"];
        for (var i = 1; i <= 300; i++)
        {
            edges.Add($"h{i}>t");
            edges.Add($"x{i}>h{i}");
            edges.Add($"y{i}>h{i}");
        }

        var index = TestGraphs.Build([.. edges]);
        var found = SimplePaths.Find(index, index.Node("a"), index.Node("t"), Direction.Both, RelationshipFilter.None, 4, 10, new TraversalLimits(200, 100_000));

        Assert.Equal(["a b h1 t"], found.Paths.Select(Route));
    }

    [Theory]
    [InlineData(1, Direction.Both)]
    [InlineData(2, Direction.Out)]
    [InlineData(3, Direction.Both)]
    public void Paths_through_some_kinds_pass_only_through_them_and_miss_none(int seed, Direction direction)
    {
        var index = TestGraphs.Random(seed, entities: 25, relationships: 90);
        var through = Enum.GetValues<EntityKind>().Where((_, i) => i % 2 == 0).ToHashSet();
        var random = new Random(seed);
        int compared = 0, leftOut = 0;
        for (var pair = 0; pair < 60; pair++)
        {
            var (from, to) = (index.Entities[random.Next(25)], index.Entities[random.Next(25)]);
            if (ReferenceEquals(from, to)) continue;
            var expected = Enumerated(index, from, to, direction, 4, through).ToList();
            var found = SimplePaths.Find(index, from, to, direction, RelationshipFilter.None, 4, 50, TraversalLimits.Default, through);
            Assert.Equal(expected.Take(50), found.Paths.Select(Route));
            Assert.Equal(expected.Count > 50, found.HasMore);

            // The shortest path is as long as the first of them, and passes only through the kinds too.
            var shortest = ShortestPath.Find(index, from, to, direction, RelationshipFilter.None, 4, TraversalLimits.Default, through).Path;
            Assert.Equal(expected.FirstOrDefault()?.Split(' ').Length - 1, shortest?.Length);
            if (shortest is not null) Assert.All(shortest.Entities.Skip(1).SkipLast(1), e => Assert.Contains(e.Kind, through));

            compared += expected.Count;
            leftOut += Enumerated(index, from, to, direction, 4).Count() - expected.Count;
        }

        Assert.True(compared > 20, $"only {compared} paths compared");
        Assert.True(leftOut > 20, $"the kinds left out only {leftOut} paths");
    }

    private static string Route(GraphPath path) => string.Join(" ", path.Entities.Select(e => e.Id));

    // Every simple path of each length in turn, depth first in relationship order, one per entity sequence
    // (from an entity to itself only the path of no steps: any other would come back to it).
    private static IEnumerable<string> Enumerated(GraphIndex index, EntityNode from, EntityNode to, Direction direction, int maxLength,
        HashSet<EntityKind>? through = null)
    {
        if (ReferenceEquals(from, to))
        {
            yield return from.Id;
            yield break;
        }

        for (var length = 1; length <= maxLength; length++)
        {
            var found = new List<string>();
            var route = new List<EntityNode> { from };
            Extend(from, length);
            foreach (var path in found) yield return path;

            void Extend(EntityNode entity, int remaining)
            {
                if (remaining == 0)
                {
                    if (ReferenceEquals(entity, to)) found.Add(string.Join(" ", route.Select(e => e.Id)));
                    return;
                }

                var tried = new HashSet<EntityNode>();
                foreach (var adjacent in index.Adjacents(entity, direction, RelationshipFilter.None))
                {
                    if (!tried.Add(adjacent.Other) || route.Contains(adjacent.Other)) continue;
                    if (through is not null && !ReferenceEquals(adjacent.Other, to) && !through.Contains(adjacent.Other.Kind)) continue;
                    route.Add(adjacent.Other);
                    Extend(adjacent.Other, remaining - 1);
                    route.RemoveAt(route.Count - 1);
                }
            }
        }
    }
}
