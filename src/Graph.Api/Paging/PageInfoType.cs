using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Paging;

internal sealed class PageInfoType : ObjectGraphType<IPageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the list (Relay cursor connections).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow this page: pass endCursor as 'after' to get them. Paging forward, only items before 'before' count; paging backward ('last'), true whenever the page was asked for with 'before'.").ResolveSource(s => s.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when items come before this page: pass startCursor as 'before' to get them. Paging backward ('last'), only items after 'after' count; paging forward, true whenever the page was asked for with 'after'.").ResolveSource(s => s.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first edge, or null on an empty page.").ResolveSource(s => s.StartCursor);
        Field<StringGraphType>("endCursor").Description("The cursor of the last edge, or null on an empty page.").ResolveSource(s => s.EndCursor);
    }
}
