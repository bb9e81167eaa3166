using Graph.Api.Entities;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Traversal;

internal sealed class NeighborhoodNodeType : ObjectGraphType<Reached>
{
    public NeighborhoodNodeType()
    {
        Name = "ReachedEntity";
        Description = "An entity reached by a traversal and its distance in hops.";
        Field<NonNullGraphType<EntityInterface>>("entity").Description("The entity.").ResolveSource(s => s.Entity);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Hops from the start; 0 for the start itself.").ResolveSource(s => s.Distance);
    }
}

internal sealed class NeighborhoodType : ObjectGraphType<NeighborhoodResult>
{
    public NeighborhoodType()
    {
        Name = "Neighborhood";
        Description = "A subgraph around an entity, ready for a graph view.";
        Field<NonNullGraphType<EntityInterface>>("center").Description("The entity explored from.").ResolveSource(s => s.Center);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeighborhoodNodeType>>>>("nodes").Description("The entities, nearest first, the centre at distance 0.").ResolveSource(s => s.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationships").Description("The relationships among those entities, listed by the entity they start at (in the order of nodes), then by id.").ResolveSource(s => s.Relationships);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when the limit or a traversal cap stopped the exploration, so entities are missing.").ResolveSource(s => s.Truncated);
    }
}

internal sealed record ReachableEdge(Reached Reached, ReachableRoutes Routes) : Paging.IPageEdge
{
    public string Cursor => field ??= Paging.Cursor.Encode("h", Reached.Entity.Id);
}

internal sealed class ReachableEdgeType : ObjectGraphType<ReachableEdge>
{
    public ReachableEdgeType()
    {
        Name = "ReachableEdge";
        Description = "An entity within reach, with its distance and how it was reached.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge, or as 'before' to go back from it.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<EntityInterface>>("node").Description("The entity reached.").ResolveSource(s => s.Reached.Entity);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Hops from the start.").ResolveSource(s => s.Reached.Distance);
        Field<NonNullGraphType<PathType>>("path")
            .Description("How the search reached it: a shortest path from the start, 'distance' relationships long, walked with the same direction, types and asOf through any kind of entity, each relationship with its dates and sources.")
            .ResolveSource(s => s.Routes.PathTo(s.Reached.Entity));
    }
}

internal sealed class ReachableConnectionType : Paging.ConnectionType<ReachableEdgeType, ReachableEdge>
{
    public ReachableConnectionType() : base("ReachableConnection", "Entities within reach, nearest first, then in id order.", "The entities on this page.")
    {
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when a traversal cap stopped the search, so entities may be missing.").ResolveSource(s => s.Truncated);
    }
}
