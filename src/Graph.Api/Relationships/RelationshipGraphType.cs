using Graph.Api.Entities;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;
using GraphQL;

namespace Graph.Api.Relationships;

internal sealed class RelationshipGraphType : ObjectGraphType<RelationshipNode>
{
    public RelationshipGraphType()
    {
        Name = "Relationship";
        Description = "A typed, dated and sourced link from one entity to another.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is RelationshipNode;
        // Every field of this type has a resolver typed to return a RelationshipNode, so no value needs the
        // check; a neighbourhood's answer paid it on each of a thousand relationships. IsTypeOf still tells
        // the types apart where the Node interface resolves one.
        SkipTypeCheck = true;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, unique across entities and relationships.").ResolveSource(s => s.Id, s => s.IdJson.Utf8);
        Field<NonNullGraphType<RelationshipTypeType>>("type").Description("What the relationship states; see relationshipTypes.").ResolveSource(s => s.Type);
        Field<StringGraphType>("description").Description("The fact in a short sentence.").ResolveSource(s => s.Description);
        Field<NonNullGraphType<EntityInterface>>("from").Description("The entity the relationship starts at.").ResolveSource(s => s.From);
        Field<NonNullGraphType<EntityInterface>>("to").Description("The entity it ends at.").ResolveSource(s => s.To);
        Field<NonNullGraphType<ValidTimeType>>("validTime").Description("When the relationship holds.").ResolveSource(s => s.ValidTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PropertyType>>>>("properties").Description("Typed facts about the relationship, such as an investment's amount and currency.").ResolveSource(s => s.Properties);
        Field<PropertyType>("property").Description("One property by key, or null.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The property's key.")
            .Resolve(c => c.Source.Properties.Find(c.GetArgument<string>("key")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationType>>>>("sources").Description("The documents and paragraphs that support the relationship.").ResolveSource(s => s.Sources);
    }
}
