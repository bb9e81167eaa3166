using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Support;

/// <summary>Small hand-built graphs for the algorithm tests. Edges are "from>to" or "from>to@validFrom..validTo".</summary>
internal static class TestGraphs
{
    private static readonly EntityKind[] Kinds = Enum.GetValues<EntityKind>();
    private static readonly RelationshipType[] Types = Enum.GetValues<RelationshipType>();

    /// <summary>
    /// Every entity of the graph in every direction, under one relationship filter of each sort: none, by
    /// type, by the other end's kind, and by a date inside the random graphs' date range.
    /// </summary>
    public static IEnumerable<(RelationshipFilter Filter, EntityNode Entity, Direction Direction)> EveryFilterEntityAndDirection(GraphIndex index)
    {
        RelationshipFilter[] filters =
        [
            RelationshipFilter.None,
            new(Types: new HashSet<RelationshipType> { RelationshipType.CooperatesIn, RelationshipType.PartyTo }),
            new(OtherKinds: new HashSet<EntityKind> { EntityKind.Organization, EntityKind.Topic }),
            new(AsOf: new DateOnly(2013, 1, 1)),
        ];
        return from filter in filters from entity in index.Entities from direction in Enum.GetValues<Direction>() select (filter, entity, direction);
    }

    /// <summary>
    /// A random graph of every kind and type, with self-loops (one relationship in five), parallel
    /// relationships, and dates of each precision around the ends of 2012, 2013 and mid-2015.
    /// </summary>
    public static GraphIndex Random(int seed, int entities, int relationships)
    {
        var random = new System.Random(seed);
        var nodes = Enumerable.Range(0, entities)
            .Select(i => new Entity($"e{i:D3}", Kinds[i % Kinds.Length], $"e{i}", [], "", [], ValidTime.Always)).ToList();
        string[] dates = ["2012", "2013", "2013-01", "2012-12-31", "2013-01-01", "2015-06", "2015-06-30", "2016"];
        PartialDate? Date() => random.Next(3) == 0 ? null : PartialDate.Parse(dates[random.Next(dates.Length)]);
        var edges = Enumerable.Range(0, relationships).Select(i =>
        {
            var from = random.Next(entities);
            var to = random.Next(5) == 0 ? from : random.Next(entities);
            var (start, end) = (Date(), Date());
            if (start is not null && end is not null && end.Latest < start.Earliest) (start, end) = (end, start);
            return new Relationship($"r{i:D4}", Types[random.Next(Types.Length)], nodes[from].Id, nodes[to].Id, null, new ValidTime(start, end), [], []);
        });
        return GraphIndex.Build(nodes, edges.ToList());
    }

    public static GraphIndex Build(params string[] edges) => Build(RelationshipType.CooperatesIn, edges);

    public static GraphIndex Build(RelationshipType type, params string[] edges)
    {
        var relationships = new List<Relationship>();
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (edge, i) in edges.Select((e, i) => (e, i)))
        {
            var (ends, time) = edge.Split('@') is [var e, var t] ? (e, t) : (edge, null);
            var parts = ends.Split('>');
            if (parts.Length == 1)
            {
                entities.Add(parts[0]);
                continue;
            }

            entities.Add(parts[0]);
            entities.Add(parts[1]);
            var validTime = ValidTime.Always;
            if (time is not null)
            {
                var span = time.Split("..");
                validTime = new ValidTime(span[0].Length == 0 ? null : PartialDate.Parse(span[0]), span.Length < 2 || span[1].Length == 0 ? (span.Length < 2 ? PartialDate.Parse(span[0]) : null) : PartialDate.Parse(span[1]));
            }

            relationships.Add(new Relationship($"r{i:D4}", type, parts[0], parts[1], null, validTime, [], []));
        }

        return GraphIndex.Build(entities.Select(id => new Entity(id, EntityKind.Topic, id, [], "", [], ValidTime.Always)), relationships);
    }

    public static EntityNode Node(this GraphIndex index, string id) => index.FindEntity(id) ?? throw new ArgumentException(id);
}
