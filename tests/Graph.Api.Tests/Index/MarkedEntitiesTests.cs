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

    [Fact]
    public void The_entities_in_all_sets_are_their_intersection_even_when_one_set_is_shorter()
    {
        var entities = GraphIndex.Build(Enumerable.Range(0, 500).Select(i => new Entity($"e{i:D5}", EntityKind.Topic, $"n{i}", [], "", [], ValidTime.Always)), [])
            .Entities.ToArray();
        var random = new Random(7);
        // The last set covers only the first 300 entities, as a set of named entities may stop at the last named one.
        var shares = new[] { (0.5, 500), (0.7, 500), (0.6, 300) };
        var chosen = shares.Select(s => entities.Take(s.Item2).Where(_ => random.NextDouble() < s.Item1).ToHashSet()).ToList();
        var sets = chosen.Select((c, k) =>
        {
            var marked = new ulong[(shares[k].Item2 + 63) / 64];
            foreach (var entity in c) marked[entity.Ordinal >> 6] |= 1UL << entity.Ordinal;
            return new MarkedEntities(marked, entities);
        }).ToList();

        var expected = entities.Where(e => chosen.All(c => c.Contains(e))).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, MarkedEntities.InAll(sets));
        Assert.Equal(expected, MarkedEntities.InAll([sets[2], sets[0], sets[1]]));
        Assert.Equal(chosen[0].OrderBy(e => e.Ordinal), MarkedEntities.InAll([sets[0]]));
    }
}
