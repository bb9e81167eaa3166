using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;
using GraphQL;

namespace Graph.Api.Entities;

internal sealed class DocumentType : EntityObjectType
{
    public DocumentType() : base(EntityKind.Document, "A source document; every relationship cites one or more of its paragraphs.")
    {
        Field<IntGraphType>("paragraphCount").Description("How many paragraphs it has, counted after the title.")
            .ResolveSource(s => (int?)s.Entity.Properties.Number("paragraphs"));
        Field<NonNullGraphType<CitedRelationshipConnectionType>>("supports")
            .Description("The relationships this document supports, optionally only those citing one paragraph.")
            .Argument<IntGraphType>("paragraph", "Only relationships citing this paragraph.")
            .Argument<DateScalar>("asOf", "Only relationships that hold on this date.")
            .WithPaging()
            .Resolve(Supports);
    }

    private static Page<RelationshipListEdge> Supports(IResolveFieldContext<EntityNode> context)
    {
        var index = context.Index();
        var page = PageRequest.Read(context);
        var paragraph = context.GetArgument<int?>("paragraph");
        var asOf = context.GetArgument<DateOnly?>("asOf");
        // The resolve context is recycled after the resolver returns: the lazy total must not touch it.
        var document = context.Source;
        var afterOrdinal = Cursor.RelationshipOrdinal(index, RelationshipListEdge.CitedPrefix, page.After, "after", -1);
        var beforeOrdinal = Cursor.RelationshipOrdinal(index, RelationshipListEdge.CitedPrefix, page.Before, "before", int.MaxValue);
        // A document can be cited a million times: the total is counted from the index's lists of ordinals.
        return page.Take(
            index.CitedBy(document, paragraph, asOf, afterOrdinal, beforeOrdinal, page.Backward),
            r => new RelationshipListEdge(r, RelationshipListEdge.CitedPrefix),
            () => index.CitedByCount(document, paragraph, asOf));
    }
}
