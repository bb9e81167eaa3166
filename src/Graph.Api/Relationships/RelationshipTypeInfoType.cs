using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class RelationshipTypeInfoType : ObjectGraphType<RelationshipTypeInfo>
{
    public RelationshipTypeInfoType()
    {
        Name = "RelationshipTypeInfo";
        Description = "One relationship type of the vocabulary: what it means, which kinds it joins and how often it is used.";
        Field<NonNullGraphType<RelationshipTypeType>>("type").Description("The type.").ResolveSource(s => s.Type);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What a relationship of this type states.").ResolveSource(s => s.Description);
        Field<NonNullGraphType<BooleanGraphType>>("symmetric").Description("True when the direction carries no meaning (A to B states the same as B to A).").ResolveSource(s => s.Symmetric);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindType>>>>("fromKinds").Description("Kinds of entity a relationship of this type may start at.").ResolveSource(s => s.FromKinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindType>>>>("toKinds").Description("Kinds of entity it may end at.").ResolveSource(s => s.ToKinds);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many relationships of this type the graph holds.").Resolve(c => c.Index().RelationshipCounts[c.Source.Type]);
    }
}
