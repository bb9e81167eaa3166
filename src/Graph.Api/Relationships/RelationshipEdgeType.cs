using Graph.Api.Entities;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class RelationshipEdgeType : ObjectGraphType<RelationshipEdge>
{
    public RelationshipEdgeType()
    {
        Name = "RelationshipEdge";
        Description = "One relationship of an entity, with the entity at its other end.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge, or as 'before' to go back from it.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship: type, dates, properties and sources.").ResolveSource(s => s.Adjacent.Relationship);
        Field<NonNullGraphType<EntityInterface>>("node").Description("The entity at the other end.").ResolveSource(s => s.Adjacent.Other);
        Field<NonNullGraphType<DirectionType>>("direction").Description("OUT when the relationship starts at the entity asked about, IN when it ends there.").ResolveSource(s => s.Adjacent.Direction);
    }
}

internal sealed class RelationshipConnectionType() : Paging.ConnectionType<RelationshipEdgeType, RelationshipEdge>(
    "RelationshipConnection", "A page of an entity's relationships, in relationship-id order.", "The relationships on this page.");
