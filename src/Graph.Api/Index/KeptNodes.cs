namespace Graph.Api.Index;

/// <summary>
/// The relationship nodes a table has made and keeps (<see cref="RelationshipTable.NodeAt"/>), by position, in pages of
/// 1,024 slots, each page allocated when the first node in it is made. One slot per relationship from the start was an
/// array of 8 MB for a million relationships, all of it empty when the index begins to serve; requests fill pages as they
/// read relationships. Safe from any thread: every caller gets the one node kept for a position.
/// </summary>
internal sealed class KeptNodes
{
    private const int PageBits = 10;
    private const int PageMask = (1 << PageBits) - 1;
    private readonly RelationshipNode?[]?[] pages;

    /// <param name="count">How many positions there are.</param>
    public KeptNodes(int count) => pages = new RelationshipNode?[]?[(count + PageMask) >> PageBits];

    /// <summary>How many pages have been allocated.</summary>
    internal int PagesMade => pages.Count(page => page is not null);

    /// <summary>The node kept for the position, or null when none has been made.</summary>
    public RelationshipNode? At(int position) =>
        Volatile.Read(ref pages[position >> PageBits]) is { } page ? Volatile.Read(ref page[position & PageMask]) : null;

    /// <summary>Keeps the node for the position unless one is kept already, and returns the one kept.</summary>
    public RelationshipNode Keep(int position, RelationshipNode made)
    {
        var page = Volatile.Read(ref pages[position >> PageBits]) ?? NewPage(position >> PageBits);
        return Interlocked.CompareExchange(ref page[position & PageMask], made, null) ?? made;
    }

    private RelationshipNode?[] NewPage(int index)
    {
        var page = new RelationshipNode?[1 << PageBits];
        return Interlocked.CompareExchange(ref pages[index], page, null) ?? page;
    }
}
