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
        Field<NonNullGraphType<RelationshipTypeType>>("type").Description("The relationship type.").ResolveSource(s => s.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").ResolveSource(s => s.Count);
    }
}

internal sealed class KindCountType : ObjectGraphType<KindCount>
{
    public KindCountType()
    {
        Name = "EntityKindCount";
        Description = "How many entities of one kind.";
        Field<NonNullGraphType<EntityKindType>>("kind").Description("The entity kind.").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").ResolveSource(s => s.Count);
    }
}

internal sealed class GraphStatisticsType : ObjectGraphType<Index.GraphIndex>
{
    public GraphStatisticsType()
    {
        Name = "GraphStatistics";
        Description = "Counts over the whole graph.";
        Field<NonNullGraphType<IntGraphType>>("entityCount").Description("All entities.").ResolveSource(s => s.Entities.Count);
        Field<NonNullGraphType<IntGraphType>>("relationshipCount").Description("All relationships.").ResolveSource(s => s.Relationships.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("entitiesByKind").Description("Entities per kind, kinds with none left out.")
            .ResolveSource(s => Enum.GetValues<EntityKind>().Select(k => new KindCount(k, s.EntitiesOfKind(k).Count)).Where(k => k.Count > 0));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountType>>>>("relationshipsByType").Description("Relationships per type, types with none left out.")
            .ResolveSource(s => s.RelationshipCounts.Where(p => p.Value > 0).OrderBy(p => p.Key).Select(p => new TypeCount(p.Key, p.Value)));
        Field<NonNullGraphType<IntGraphType>>("componentCount")
            .Description("How many separate parts the graph falls into when relationships are followed either way (weakly connected components); an entity without relationships is a part of its own.")
            .ResolveSource(s => s.Components.Count);
        Field<NonNullGraphType<IntGraphType>>("largestComponentSize").Description("How many entities the largest of those parts holds.")
            .ResolveSource(s => s.Components.LargestSize);
    }
}
