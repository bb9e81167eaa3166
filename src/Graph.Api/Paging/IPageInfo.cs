namespace Graph.Api.Paging;

/// <summary>The Relay page info of a connection.</summary>
public interface IPageInfo
{
    bool HasNextPage { get; }
    bool HasPreviousPage { get; }
    string? StartCursor { get; }
    string? EndCursor { get; }
}
