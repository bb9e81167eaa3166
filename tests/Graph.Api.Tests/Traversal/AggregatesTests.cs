using Graph.Api.Tests.Support;
using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// Degree and the counts by type and by neighbour kind, counted on the compact adjacency, against the
/// same counts taken from the relationship lists, for every entity, direction and kind of filter.
/// </summary>
public sealed class AggregatesTests
{
    [Fact]
    public void Counts_equal_those_of_the_relationship_lists()
    {
        var index = TestGraphs.Random(seed: 3, entities: 40, relationships: 300);
        var counted = 0;
        foreach (var (filter, entity, direction) in TestGraphs.EveryFilterEntityAndDirection(index))
        {
            var adjacent = index.Adjacents(entity, direction, filter).ToList();
            Assert.Equal(adjacent.Count, Aggregates.Degree(index, entity, direction, filter));
            Assert.Equal(
                adjacent.GroupBy(a => a.Relationship.Type).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
                Aggregates.ByType(index, entity, direction, filter).Select(c => (c.Type, c.Count)));
            Assert.Equal(
                adjacent.Select(a => a.Other).Distinct().GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
                Aggregates.ByNeighborKind(index, entity, direction, filter).Select(c => (c.Kind, c.Count)));
            counted += adjacent.Count;
        }

        Assert.True(counted > 1000, $"only {counted} relationships counted");
    }
}
