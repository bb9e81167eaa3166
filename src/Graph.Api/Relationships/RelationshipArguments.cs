using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Schema;
using Graph.Api.Traversal;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Graph.Api.Relationships;

/// <summary>The arguments every relationship-returning field shares: types, the other end's kinds and a date.</summary>
internal static class RelationshipArguments
{
    public static FieldBuilder<TSource, TReturn> WithRelationshipFilter<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Keep only relationships of these types.")
        .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("otherKinds", "Keep only relationships whose other end is of these kinds.")
        .Argument<DateScalar>("asOf", "Keep only relationships that hold on this date (a fact dated 2013 holds all through 2013; an open end still holds).");

    public static FieldBuilder<TSource, TReturn> WithDirection<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Direction defaultDirection = Direction.Both) =>
        field.Argument<DirectionType>("direction", "OUT, IN or BOTH (undirected).", a => a.DefaultValue = defaultDirection);

    public static RelationshipFilter ReadRelationshipFilter(this IResolveFieldContext context)
    {
        var types = context.GetArgument<List<RelationshipType>?>("types");
        var kinds = context.GetArgument<List<EntityKind>?>("otherKinds");
        var asOf = context.GetArgument<DateOnly?>("asOf");
        return types is null && kinds is null && asOf is null
            ? RelationshipFilter.None
            : new RelationshipFilter(types?.ToHashSet(), kinds?.ToHashSet(), asOf);
    }

    public static Direction ReadDirection(this IResolveFieldContext context) => context.GetArgument("direction", Direction.Both);

    public static Page<RelationshipEdge> PageRelationships(this IResolveFieldContext context, EntityNode entity)
    {
        var index = context.Index();
        var page = PageRequest.Read(context);
        var filter = context.ReadRelationshipFilter();
        var direction = context.ReadDirection();
        var afterOrdinal = Cursor.RelationshipOrdinal(index, "r", page.After, "after", -1);
        var beforeOrdinal = Cursor.RelationshipOrdinal(index, "r", page.Before, "before", int.MaxValue);

        return page.Take(
            page.Backward
                ? index.AdjacentsBackward(entity, direction, filter, afterOrdinal, beforeOrdinal)
                : index.AdjacentsAfter(entity, direction, filter, afterOrdinal, page.Size + 1, beforeOrdinal),
            a => new RelationshipEdge(a),
            // Counted on the compact adjacency (ints, and for no filter the rows' lengths), not by reading every relationship.
            () => Aggregates.Degree(index, entity, direction, filter));
    }
}
