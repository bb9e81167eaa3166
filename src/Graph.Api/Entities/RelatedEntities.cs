using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL;

namespace Graph.Api.Entities;

/// <summary>Entities one typed step away, for the fields each kind adds (an agreement's parties, an event's place).</summary>
internal static class RelatedEntities
{
    public static IEnumerable<EntityNode> Related(this IResolveFieldContext<EntityNode> context, RelationshipType type, Direction direction, params EntityKind[] kinds) =>
        context.Index()
            .Adjacents(context.Source, direction, new RelationshipFilter(new HashSet<RelationshipType> { type }, kinds.Length == 0 ? null : kinds.ToHashSet()))
            .Select(a => a.Other)
            .Distinct();

    public static string? PropertyText(this EntityNode entity, string key) =>
        entity.Entity.Properties.Find(key)?.Value;
}
