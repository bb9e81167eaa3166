using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal static class RelationshipQueries
{
    public static void AddRelationshipQueries(this ObjectGraphType query)
    {
        query.Field<RelationshipGraphType>("relationship").Description("A relationship by its id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relationship's id.")
            .Resolve(c => c.Index().FindRelationship(c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<GraphRelationshipConnectionType>>("relationships")
            .Description("Every relationship in the graph, in id order, optionally only those of some types, holding on a date or joining entities of some kinds, one page at a time.")
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Only relationships of these types.")
            .Argument<DateScalar>("asOf", "Only relationships that hold on this date (a fact dated 2013 holds all through 2013; an open end still holds).")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("fromKinds", "Only relationships that start at an entity of these kinds.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("toKinds", "Only relationships that end at an entity of these kinds.")
            .WithPaging()
            .Resolve(AllRelationships);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipTypeInfoType>>>>("relationshipTypes")
            .Description("The relationship vocabulary: every type, what it means, which kinds it joins and how often it is used.")
            .Resolve(_ => RelationshipVocabulary.All);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindInfoType>>>>("entityKinds")
            .Description("Every entity kind with its count.")
            .Resolve(_ => Enum.GetValues<EntityKind>());
    }

    private static Page<RelationshipListEdge> AllRelationships(IResolveFieldContext context)
    {
        var index = context.Index();
        var page = PageRequest.Read(context);
        var filter = new GraphRelationshipFilter(
            context.GetArgument<List<RelationshipType>?>("types")?.ToHashSet(), context.GetArgument<DateOnly?>("asOf"),
            context.GetArgument<List<EntityKind>?>("fromKinds")?.ToHashSet(), context.GetArgument<List<EntityKind>?>("toKinds")?.ToHashSet());
        var afterOrdinal = Cursor.RelationshipOrdinal(index, RelationshipListEdge.GraphPrefix, page.After, "after", -1);
        var beforeOrdinal = Cursor.RelationshipOrdinal(index, RelationshipListEdge.GraphPrefix, page.Before, "before", int.MaxValue);
        return page.Take(
            index.AllRelationships(filter, afterOrdinal, beforeOrdinal, page.Backward),
            r => new RelationshipListEdge(r, RelationshipListEdge.GraphPrefix),
            () => index.AllRelationshipsCount(filter));
    }
}
