using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

/// <summary>The marked entities read as a list: by index and in order, the same entities, across words and when empty.</summary>
public sealed class MarkedEntitiesTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(64, 1.0)]
    [InlineData(65, 0.02)]
    [InlineData(300, 0.3)]
    [InlineData(1000, 0.9)]
    public void Index_and_enumeration_give_the_marked_entities_in_ordinal_order(int entityCount, double share)
    {
        var entities = GraphIndex.Build(Enumerable.Range(0, entityCount).Select(i => new Entity($"e{i:D5}", EntityKind.Topic, $"n{i}", [], "", [], ValidTime.Always)), [])
            .Entities.ToArray();
        var random = new Random(entityCount);
        var expected = entities.Where(_ => random.NextDouble() < share).ToList();
        var marked = new ulong[(entityCount + 63) / 64];
        foreach (var entity in expected) marked[entity.Ordinal >> 6] |= 1UL << entity.Ordinal;

        var list = new MarkedEntities(marked, entities);

        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected, list);
        Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Equal(expected.Skip(expected.Count / 2), list.Skip(list.Count / 2));
        Assert.All(entities, e => Assert.Equal(expected.IndexOf(e), list.IndexOf(e)));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
