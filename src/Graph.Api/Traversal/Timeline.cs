using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>An entity's dated relationships in date order: earliest start first, undated ones left out.</summary>
public static class Timeline
{
    public static IEnumerable<Adjacent> Of(GraphIndex index, EntityNode entity, RelationshipFilter filter) =>
        index.Adjacents(entity, Direction.Both, filter)
            .Where(a => a.Relationship.ValidTime.SortKey is not null)
            .OrderBy(a => a.Relationship.ValidTime.SortKey!.Earliest)
            .ThenBy(a => a.Relationship.ValidTime.SortKey!.Latest)
            .ThenBy(a => a.Relationship.Ordinal);
}
