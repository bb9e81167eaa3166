namespace Graph.Api.Paging;

/// <summary>One page of a connection. The total is counted only if a client asks for it.</summary>
public sealed class Page<TEdge>(IReadOnlyList<TEdge> edges, bool hasNextPage, bool hasPreviousPage, Func<int> countAll, bool truncated = false) : IPageInfo
    where TEdge : IPageEdge
{
    private readonly Lazy<int> totalCount = new(countAll);

    public IReadOnlyList<TEdge> Edges { get; } = edges;
    public bool HasNextPage { get; } = hasNextPage;
    public bool HasPreviousPage { get; } = hasPreviousPage;
    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
    public int TotalCount => totalCount.Value;

    /// <summary>True when a traversal cap stopped the search, so the list may be incomplete.</summary>
    public bool Truncated { get; } = truncated;
}

/// <summary>
/// An edge of a connection: anything with a cursor. Edges make their cursor when it is first read: an
/// answer seldom asks for every edge's cursor (a page's end cursor is one), and each is three
/// allocations, which an entity with two levels of relationships paid 110 times.
/// </summary>
public interface IPageEdge
{
    string Cursor { get; }
}
