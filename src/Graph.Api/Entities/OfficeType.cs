using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Entities;

internal sealed class OfficeType : ObjectGraphType<RelationshipNode>
{
    public OfficeType()
    {
        Name = "Office";
        Description = "An office a person holds or held, read from a HOLDS_OFFICE relationship.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title of the office, e.g. President.")
            .ResolveSource(s => s.Properties.Find("title")?.Value ?? "Office holder");
        Field<NonNullGraphType<EntityInterface>>("of").Description("The country or organization the office belongs to.").ResolveSource(s => s.To);
        Field<NonNullGraphType<ValidTimeType>>("term").Description("When the person held the office; an open end means still in office.").ResolveSource(s => s.ValidTime);
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship this is read from, with its sources.").ResolveSource(s => s);
    }
}
