using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Traversal;

internal sealed record TypeCount(RelationshipType Type, int Count);

internal sealed record KindCount(EntityKind Kind, int Count);

internal sealed class TypeCountType : ObjectGraphType<TypeCount>
{
    public TypeCountType()
    {
        Name = "RelationshipTypeCount";
        Description = "How many relationships of one type.";
        Field<NonNullGraphType<RelationshipTypeType>>("type").Description("The relationship type.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Count);
    }
}

internal sealed class KindCountType : ObjectGraphType<KindCount>
{
    public KindCountType()
    {
        Name = "EntityKindCount";
        Description = "How many entities of one kind.";
        Field<NonNullGraphType<EntityKindType>>("kind").Description("The entity kind.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Count);
    }
}

internal sealed class GraphStatisticsType : ObjectGraphType<Index.GraphIndex>
{
    public GraphStatisticsType()
    {
        Name = "GraphStatistics";
        Description = "Counts over the whole graph.";
        Field<NonNullGraphType<IntGraphType>>("entityCount").Description("All entities.").Resolve(c => c.Source.Entities.Count);
        Field<NonNullGraphType<IntGraphType>>("relationshipCount").Description("All relationships.").Resolve(c => c.Source.Relationships.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("entitiesByKind").Description("Entities per kind, kinds with none left out.")
            .Resolve(c => Enum.GetValues<EntityKind>().Select(k => new KindCount(k, c.Source.EntitiesOfKind(k).Count)).Where(k => k.Count > 0));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountType>>>>("relationshipsByType").Description("Relationships per type, types with none left out.")
            .Resolve(c => c.Source.RelationshipCounts.Where(p => p.Value > 0).OrderBy(p => p.Key).Select(p => new TypeCount(p.Key, p.Value)));
    }
}
