using System.Globalization;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Traversal;

/// <summary>Traversal and aggregate fields every entity has.</summary>
internal static class TraversalFields
{
    public static void AddTo(ObjectGraphType<EntityNode> type)
    {
        type.Field<NonNullGraphType<IntGraphType>>("degree").Description("How many relationships the entity has, with the same filters as relationships.")
            .WithDirection().WithRelationshipFilter()
            .Resolve(c => Aggregates.Degree(c.Index(), c.Source, c.ReadDirection(), c.ReadRelationshipFilter()));

        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountType>>>>("relationshipCounts").Description("The entity's relationships counted by type.")
            .WithDirection().WithRelationshipFilter()
            .Resolve(c => Aggregates.ByType(c.Index(), c.Source, c.ReadDirection(), c.ReadRelationshipFilter()));

        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("neighborCounts").Description("The distinct entities one hop away, counted by kind.")
            .WithDirection().WithRelationshipFilter()
            .Resolve(c => Aggregates.ByNeighborKind(c.Index(), c.Source, c.ReadDirection(), c.ReadRelationshipFilter()));

        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryType>>>>("timeline").Description("The entity's dated relationships in date order, one page at a time; undated ones are left out.")
            .WithRelationshipFilter()
            .Argument<IntGraphType>("first", "Most entries (default and maximum as for pages).")
            .Argument<StringGraphType>("after", "An entry's cursor: the entries that follow it, in the same order.")
            .Argument<TimelineOrderType>("order", "Earliest first (the default) or latest first.", a => a.DefaultValue = TimelineOrder.EarliestFirst)
            .Argument<DateScalar>("since", "Only entries dated on or after this day (a date known only to the month or year counts when any of its days is).")
            .Argument<DateScalar>("until", "Only entries dated on or before this day (likewise).")
            .Resolve(c => Timeline.Of(c.Index(), c.Source, c.ReadRelationshipFilter(), c.PageSize(), c.GetArgument("order", TimelineOrder.EarliestFirst),
                Cursor.RelationshipOrdinal(c.Index(), TimelineEntryType.CursorPrefix, c.GetArgument<string?>("after")), ReadPeriod(c)));

        type.Field<NonNullGraphType<ReachableConnectionType>>("reachable")
            .Description("Entities between minDepth and maxDepth hops away, walking through any kind of entity, nearest first. 'kinds' picks which are returned, e.g. every ORGANIZATION within 2 hops through COOPERATES_IN.")
            .Argument<IntGraphType>("minDepth", "Nearest distance returned, 1 by default.", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("maxDepth", "Farthest distance, 2 by default, at most the configured cap (6).", a => a.DefaultValue = 2)
            .WithDirection()
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Walk only relationships of these types.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("kinds", "Return only entities of these kinds.")
            .Argument<DateScalar>("asOf", "Walk only relationships that hold on this date.")
            .WithPaging()
            .Resolve(Reachable);
    }

    private static Page<ReachableEdge> Reachable(IResolveFieldContext<EntityNode> context)
    {
        var limits = context.Graph().Limits;
        var maxDepth = context.Bounded("maxDepth", 2, limits.MaxTraversalDepth);
        var minDepth = context.Bounded("minDepth", 1, maxDepth, capSource: "the value of 'maxDepth'");
        var page = PageRequest.Read(context);
        var filter = new RelationshipFilter(context.GetArgument<List<RelationshipType>?>("types")?.ToHashSet(), null, context.GetArgument<DateOnly?>("asOf"));
        var kinds = context.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet();
        var index = context.Index();
        var direction = context.ReadDirection();
        var result = Reachability.Find(index, context.Source, minDepth, maxDepth, direction, filter, kinds, limits.Traversal with { Cancellation = context.CancellationToken });
        var routes = new ReachableRoutes(index, context.Source, direction, filter, result);

        var count = result.Entities.Count;
        var start = page.After is null ? 0 : Position(index, result.Entities, page.After, "after") + 1;
        var end = page.Before is null ? count : Position(index, result.Entities, page.Before, "before");
        return page.Take(Pages.Between(result.Entities, start, Math.Max(start, end), page.Backward),
            r =>
            {
                routes.Add(r.Entity);
                return new ReachableEdge(r, routes);
            }, () => count, result.Truncated);
    }

    private static DatePeriod ReadPeriod(IResolveFieldContext context)
    {
        var period = new DatePeriod(context.GetArgument<DateOnly?>("since"), context.GetArgument<DateOnly?>("until"));
        return period is { Since: { } since, Until: { } until } && since > until
            ? throw ResolveContextExtensions.BadArgument("INVALID_PERIOD", string.Create(CultureInfo.InvariantCulture, $"'since' ({since:yyyy-MM-dd}) is after 'until' ({until:yyyy-MM-dd})."))
            : period;
    }

    private static int Position(GraphIndex index, ReachedEntities reached, string cursor, string argument)
    {
        var found = index.FindEntity(Cursor.Decode("h", cursor, argument)) is { } entity ? reached.IndexOf(entity) : -1;
        return found >= 0 ? found : throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", $"The '{argument}' cursor is not in this result; start again without '{argument}'.");
    }
}
