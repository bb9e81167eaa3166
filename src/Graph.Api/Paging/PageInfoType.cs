using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Paging;

internal sealed class PageInfoType : ObjectGraphType<IPageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the list (Relay cursor connections).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow this page: pass endCursor as 'after' to get them.").ResolveSource(s => s.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when this page was asked for with an 'after' cursor.").ResolveSource(s => s.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first edge, or null on an empty page.").ResolveSource(s => s.StartCursor);
        Field<StringGraphType>("endCursor").Description("The cursor of the last edge, or null on an empty page.").ResolveSource(s => s.EndCursor);
    }
}
