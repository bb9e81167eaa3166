using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Paging;

/// <summary>A Relay connection over a <see cref="Page{TEdge}"/>: edges, pageInfo and a total computed only when asked.</summary>
internal abstract class ConnectionType<TEdgeType, TEdge> : ObjectGraphType<Page<TEdge>>
    where TEdgeType : IGraphType
    where TEdge : IPageEdge
{
    protected ConnectionType(string name, string description, string itemsDescription)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Description(itemsDescription).ResolveSource(s => s.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Cursors and whether more pages follow.").ResolveSource(s => s);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items the whole list holds, across all pages, with the same filters.").ResolveSource(s => s.TotalCount);
    }
}
