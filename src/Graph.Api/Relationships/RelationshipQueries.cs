using Graph.Api.Model;
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
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipTypeInfoType>>>>("relationshipTypes")
            .Description("The relationship vocabulary: every type, what it means, which kinds it joins and how often it is used.")
            .Resolve(_ => RelationshipVocabulary.All);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindInfoType>>>>("entityKinds")
            .Description("Every entity kind with its count.")
            .Resolve(_ => Enum.GetValues<EntityKind>());
    }
}
