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
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship walked: type, dates, properties, sources.").Resolve(c => c.Source.Relationship);
        Field<NonNullGraphType<EntityInterface>>("from").Description("The entity the step leaves.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<EntityInterface>>("to").Description("The entity the step reaches.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<DirectionType>>("direction").Description("OUT when walked along the relationship's direction, IN when against it.").Resolve(c => c.Source.Direction);
    }
}

internal sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "How two entities are connected: the entities and relationships in order.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many relationships the path has.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityInterface>>>>("entities").Description("The entities in order, from start to end.").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps").Description("The relationships in order, each with the entities it joins.").Resolve(c => c.Source.Steps);
    }
}

internal sealed class PathListType : ObjectGraphType<PathListResult>
{
    public PathListType()
    {
        Name = "PathList";
        Description = "Simple paths between two entities, shortest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths").Description("The paths found, shortest first.").Resolve(c => c.Source.Paths);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when a traversal cap stopped the search, so more paths may exist.").Resolve(c => c.Source.Truncated);
    }
}
