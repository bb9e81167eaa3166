using Graph.Api.Entities;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class CitationType : ObjectGraphType<Citation>
{
    public CitationType()
    {
        Name = "Citation";
        Description = "The evidence for a fact: a paragraph of a source document.";
        Field<NonNullGraphType<DocumentType>>("document").Description("The source document.").Resolve(c => c.Index().FindEntity(c.Source.DocumentId));
        Field<NonNullGraphType<IntGraphType>>("paragraph").Description("The paragraph that supports the fact, counted from 1 after the title.").ResolveSource(s => s.Paragraph);
    }
}
