using System.Collections;

namespace Graph.Api.Index;

/// <summary>
/// One entity's outgoing or incoming relationships, in ordinal order: a run of the adjacency's rows. Its ordinals are
/// read without a node; a node is made (<see cref="RelationshipTable.NodeAt"/>) only for an item asked for, so a page
/// or a merge that skips most of a hub's thousand relationships makes nodes for the ones it keeps.
/// </summary>
public readonly struct RelationshipRun : IReadOnlyList<RelationshipNode>
{
    private readonly RelationshipTable? table;
    private readonly Column<int> ordinals;
    private readonly bool placedByOrdinal;
    private readonly int start;

    /// <param name="table">The relationships.</param>
    /// <param name="ordinals">The rows' relationship ordinals, of which this run is a part.</param>
    /// <param name="placedByOrdinal">
    /// Whether a row's place in the table is looked up by its ordinal (the incoming rows) rather than being its position
    /// in the rows (the outgoing rows, which list the relationships in the table's own order).
    /// </param>
    /// <param name="start">Where the run begins in the rows.</param>
    /// <param name="count">How long it is.</param>
    internal RelationshipRun(RelationshipTable table, Column<int> ordinals, bool placedByOrdinal, int start, int count) =>
        (this.table, this.ordinals, this.placedByOrdinal, this.start, Count) = (table, ordinals, placedByOrdinal, start, count);

    public int Count { get; }

    public RelationshipNode this[int index] => table!.NodeAt(PositionAt(index));

    /// <summary>The relationship at an index of the run, its node not kept if no request has made it (<see cref="RelationshipTable.Uncached"/>).</summary>
    internal RelationshipNode UncachedAt(int index) => table!.Uncached(PositionAt(index));

    /// <summary>The ordinal of the relationship at an index of the run, without its node.</summary>
    public int OrdinalAt(int index) => (uint)index < (uint)Count ? ordinals[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<RelationshipNode> GetEnumerator()
    {
        for (var index = 0; index < Count; index++) yield return this[index];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Where the item at an index of the run lies in the table.
    private int PositionAt(int index) =>
        (uint)index < (uint)Count ? (placedByOrdinal ? table!.PositionOf(ordinals[start + index]) : start + index) : throw new ArgumentOutOfRangeException(nameof(index));
}
