using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

/// <summary>
/// The graph-wide list of relationships against a pass over every relationship, for random filters, cursors and
/// directions: both of the list's walks (the groups by type and ends' kinds merged in id order, and the pass over
/// the flat arrays) and its total.
/// </summary>
public sealed class GraphWideListTests
{
    // Few kinds and types, so that each group by type and ends' kinds holds dozens of relationships: a date that keeps few
    // of them then leaves the groups as many as they were, and the list takes the flat pass.
    private static readonly EntityKind[] Kinds = [EntityKind.Country, EntityKind.Person, EntityKind.Organization];
    private static readonly RelationshipType[] Types = [RelationshipType.PartyTo, RelationshipType.Invests, RelationshipType.CooperatesIn, RelationshipType.HoldsOffice];

    // Days on which all hold (mid-2015), a few hold (1999: a list over many groups then takes the flat pass), only the
    // undated hold (1800), and the edges of 2015.
    private static readonly DateOnly?[] Days =
        [null, new DateOnly(2015, 3, 1), new DateOnly(1999, 6, 1), new DateOnly(1800, 1, 1), new DateOnly(2014, 12, 31), new DateOnly(2015, 12, 31), new DateOnly(2016, 1, 1)];

    /// <summary>
    /// Most relationships hold through 2015 only; one in twenty from 1999 to 2016 and one in twenty always: so a date
    /// may keep few of the relationships a filter's groups hold, or all of them.
    /// </summary>
    private static GraphIndex Graph(int seed, int entities, int relationships)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, entities).Select(i => new Entity($"e{i:D3}", Kinds[i % Kinds.Length], $"e{i}", [], "", [], ValidTime.Always)).ToList();
        var year = new ValidTime(PartialDate.Parse("2015"), PartialDate.Parse("2015"));
        var spanning = new ValidTime(PartialDate.Parse("1999"), PartialDate.Parse("2016"));
        var edges = Enumerable.Range(0, relationships).Select(i => new Relationship(
            $"r{i:D4}", Types[random.Next(Types.Length)], nodes[random.Next(entities)].Id, nodes[random.Next(entities)].Id, null,
            (i % 20) switch { 0 => spanning, 1 => ValidTime.Always, _ => year }, [], []));
        return GraphIndex.Build(nodes, [.. edges]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_filter_lists_and_counts_what_a_pass_over_the_relationships_keeps(int seed)
    {
        var index = Graph(seed, 60, 3_000);
        var random = new Random(seed);
        var count = index.Relationships.Count;
        for (var trial = 0; trial < 400; trial++)
        {
            var types = Some(random, Types);
            var (fromKinds, toKinds) = (Some(random, Kinds), Some(random, Kinds));
            var day = Days[random.Next(Days.Length)];
            var filter = new GraphRelationshipFilter(types, day, fromKinds, toKinds);
            var kept = index.Relationships
                .Where(r => (types is null || types.Contains(r.Type)) && (day is null || r.ValidTime.HoldsOn(day.Value))
                    && (fromKinds is null || fromKinds.Contains(r.From.Kind)) && (toKinds is null || toKinds.Contains(r.To.Kind)))
                .Select(r => r.Ordinal)
                .ToList();
            var after = random.Next(4) == 0 ? -1 : random.Next(-1, count);
            var before = random.Next(4) == 0 ? int.MaxValue : random.Next(after + 1, count + 1);
            var backward = random.Next(2) == 0;
            var expected = kept.Where(ordinal => ordinal > after && ordinal < before);
            if (backward) expected = expected.Reverse();

            var context = $"trial {trial}: types {Listed(types)}, day {day}, from {Listed(fromKinds)}, to {Listed(toKinds)}, after {after}, before {before}, backward {backward}";
            Assert.True(kept.Count == index.AllRelationshipsCount(filter), context);
            Assert.True(expected.SequenceEqual(index.AllRelationships(filter, after, before, backward).Select(r => r.Ordinal)), context);
        }
    }

    // Null (no condition) one time in three, now and then an empty set (which keeps nothing), else from one value to all of them.
    private static HashSet<T>? Some<T>(Random random, T[] values) => random.Next(3) switch
    {
        0 => null,
        _ when random.Next(20) == 0 => [],
        _ => [.. values.OrderBy(_ => random.Next()).Take(random.Next(1, values.Length + 1))],
    };

    private static string Listed<T>(HashSet<T>? set) => set is null ? "any" : $"[{string.Join(", ", set)}]";
}
