using Graph.Api.Entities;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Traversal;

internal sealed class PathStepType : ObjectGraphType<PathStep>
{
    public PathStepType()
    {
        Name = "PathStep";
        Description = "One relationship on a path, in the order walked, with its evidence.";
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship walked: type, dates, properties, sources.").ResolveSource(s => s.Relationship);
        Field<NonNullGraphType<EntityInterface>>("from").Description("The entity the step leaves.").ResolveSource(s => s.From);
        Field<NonNullGraphType<EntityInterface>>("to").Description("The entity the step reaches.").ResolveSource(s => s.To);
        Field<NonNullGraphType<DirectionType>>("direction").Description("OUT when walked along the relationship's direction, IN when against it.").ResolveSource(s => s.Direction);
    }
}

internal sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "How two entities are connected: the entities and relationships in order.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many relationships the path has.").ResolveSource(s => s.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityInterface>>>>("entities").Description("The entities in order, from start to end.").ResolveSource(s => s.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps").Description("The relationships in order, each with the entities it joins.").ResolveSource(s => s.Steps);
    }
}

internal sealed class PathListType : ObjectGraphType<PathListResult>
{
    public PathListType()
    {
        Name = "PathList";
        Description = "Simple paths between two entities, shortest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths").Description("The paths found, shortest first.").ResolveSource(s => s.Paths);
        Field<NonNullGraphType<BooleanGraphType>>("hasMore").Description("True when more paths than 'first' exist within maxLength.").ResolveSource(s => s.HasMore);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when a traversal cap stopped the search before 'first' paths and one more were found, so more paths may exist.").ResolveSource(s => s.Truncated);
    }
}
