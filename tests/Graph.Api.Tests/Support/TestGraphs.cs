using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Support;

/// <summary>Small hand-built graphs for the algorithm tests. Edges are "from>to" or "from>to@validFrom..validTo".</summary>
internal static class TestGraphs
{
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
