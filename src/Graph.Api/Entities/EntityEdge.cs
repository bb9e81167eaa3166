using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Entities;

public sealed record EntityEdge(EntityNode Node, string Cursor) : IPageEdge;

internal sealed class EntityEdgeType : ObjectGraphType<EntityEdge>
{
    public EntityEdgeType()
    {
        Name = "EntityEdge";
        Description = "One entity of a page.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<EntityInterface>>("node").Description("The entity.").ResolveSource(s => s.Node);
    }
}

internal sealed class EntityConnectionType() : ConnectionType<EntityEdgeType, EntityEdge>(
    "EntityConnection", "A page of entities in id order.", "The entities on this page.");
