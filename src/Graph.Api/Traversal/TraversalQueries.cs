using Graph.Api.Model;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Graph.Api.Traversal;

/// <summary>Root fields that follow links: neighbourhoods, paths and graph-wide counts.</summary>
internal static class TraversalQueries
{
    public static void AddTraversalQueries(this ObjectGraphType query)
    {
        query.Field<NeighborhoodType>("neighborhood")
            .Description("The entities within 'depth' hops of an entity and the relationships among them, for drawing. Null when the id is unknown. 'kinds' limits which entities are kept and walked through.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The centre entity.")
            .Argument<IntGraphType>("depth", "Hops to explore, 1 by default, at most the configured cap (6).", a => a.DefaultValue = 1)
            .WithDirection()
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Follow only relationships of these types.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("kinds", "Keep and walk through only entities of these kinds (the centre is always kept).")
            .Argument<DateScalar>("asOf", "Follow only relationships that hold on this date.")
            .Argument<IntGraphType>("limit", "Most entities to return, 200 by default, at most the configured cap (500).", a => a.DefaultValue = 200)
            .Resolve(c =>
            {
                var limits = c.Graph().Limits;
                var center = c.Index().FindEntity(c.GetArgument<string>("id"));
                var depth = c.Bounded("depth", 1, limits.MaxTraversalDepth);
                var limit = c.Bounded("limit", 200, limits.MaxNeighborhoodNodes);
                if (center is null) return null;
                var filter = new Index.RelationshipFilter(TypesArgument(c), c.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet(), c.GetArgument<DateOnly?>("asOf"));
                return Neighborhood.Explore(c.Index(), center, depth, c.ReadDirection(), filter, limit, limits.Traversal with { Cancellation = c.CancellationToken });
            });

        query.Field<PathType>("shortestPath")
            .Description("A shortest path between two entities, each relationship with its dates and sources; null when they are not connected within maxLength; from an entity to itself, the path of length 0.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the path starts.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where it ends.")
            .WithPathArguments()
            .Argument<IntGraphType>("maxLength", "Longest path to look for, 6 by default, at most the configured cap (8).", a => a.DefaultValue = 6)
            .Resolve(c =>
            {
                var limits = c.Graph().Limits;
                var maxLength = c.Bounded("maxLength", 6, limits.MaxPathLength);
                var result = ShortestPath.Find(c.Index(), c.RequiredEntity("from"), c.RequiredEntity("to"), c.ReadDirection(), PathFilter(c), maxLength, limits.Traversal with { Cancellation = c.CancellationToken }, ThroughKinds(c));
                return result.Truncated
                    ? throw ResolveContextExtensions.BadArgument("TRAVERSAL_TRUNCATED", "The search reached the configured traversal cap before finding a path; narrow it with types, kinds, asOf or a smaller maxLength.")
                    : result.Path;
            });

        query.Field<NonNullGraphType<PathListType>>("paths")
            .Description("Simple paths (no entity twice) between two entities, shortest first, up to maxLength. From an entity to itself, only the path of length 0.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the paths start.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where they end.")
            .WithPathArguments()
            .Argument<IntGraphType>("maxLength", "Longest path, 4 by default, at most the configured cap (8).", a => a.DefaultValue = 4)
            .Argument<IntGraphType>("first", "Most paths, 10 by default, at most the configured cap (50).", a => a.DefaultValue = 10)
            .Resolve(c =>
            {
                var limits = c.Graph().Limits;
                var maxLength = c.Bounded("maxLength", 4, limits.MaxPathLength);
                var first = c.Bounded("first", 10, limits.MaxPaths);
                return SimplePaths.Find(c.Index(), c.RequiredEntity("from"), c.RequiredEntity("to"), c.ReadDirection(), PathFilter(c), maxLength, first, limits.Traversal with { Cancellation = c.CancellationToken }, ThroughKinds(c));
            });

        query.Field<NonNullGraphType<GraphStatisticsType>>("graphStatistics").Description("Counts over the whole graph.").Resolve(c => c.Index());
    }

    private static HashSet<RelationshipType>? TypesArgument(IResolveFieldContext context) =>
        context.GetArgument<List<RelationshipType>?>("types")?.ToHashSet();

    /// <summary>What both path searches walk: direction, types and date, and the kinds a path may pass through.</summary>
    private static FieldBuilder<TSource, TReturn> WithPathArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithDirection()
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Walk only relationships of these types.")
            .Argument<DateScalar>("asOf", "Walk only relationships that hold on this date.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("kinds", "Pass only through entities of these kinds (the two ends may be of any kind).");

    private static HashSet<EntityKind>? ThroughKinds(IResolveFieldContext context) =>
        context.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet();

    private static Index.RelationshipFilter PathFilter(IResolveFieldContext context) =>
        new(TypesArgument(context), null, context.GetArgument<DateOnly?>("asOf"));
}
