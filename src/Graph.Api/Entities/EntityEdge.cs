using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Entities;

/// <summary>One entity of a page taken in an order; its cursor is made when first read (see <see cref="IPageEdge"/>).</summary>
public sealed record EntityEdge(EntityNode Node, EntityOrder Order = EntityOrder.Id, EntityOrders? Orders = null) : IPageEdge
{
    public string Cursor => field ??= EntityCursor.Encode(Node, Order, Orders);
}

internal sealed class EntityEdgeType : ObjectGraphType<EntityEdge>
{
    public EntityEdgeType()
    {
        Name = "EntityEdge";
        Description = "One entity of a page.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge, or as 'before' to go back from it.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<EntityInterface>>("node").Description("The entity.").ResolveSource(s => s.Node);
    }
}

internal sealed class EntityConnectionType() : ConnectionType<EntityEdgeType, EntityEdge>(
    "EntityConnection", "A page of entities in id order.", "The entities on this page.");
