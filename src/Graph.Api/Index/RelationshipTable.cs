using System.Collections;
using System.Runtime.CompilerServices;

namespace Graph.Api.Index;

/// <summary>
/// Every relationship of one index snapshot, as a list in ordinal (id) order: the fields as numbers in one array
/// (<see cref="RelationshipRow"/>) with the values they refer to (<see cref="Values"/>), laid out by the entity each relationship starts at and then by ordinal (a
/// position), and each relationship's node made from its row the first time something asks for it, then kept.
/// </summary>
/// <remarks>
/// An index used to make a node object for each relationship before it served: for a million relationships the
/// longest step of a restart's way to ready (a quarter of a second on two cores), 88 MB of its heap, and 24 MB more
/// for the arrays that held them. A row is a value in an array the build fills in place or, from a seed snapshot, keeps as
/// the reader filled it; a node (<see cref="RelationshipNode"/>) is now a small handle onto its row, made for the
/// relationships that requests read. Passes over every relationship (counts, citations, the store's and the
/// snapshot's writes) read the rows, or nodes that are not kept (<see cref="Uncached"/>), and make no node to keep.
/// </remarks>
internal sealed class RelationshipTable : IReadOnlyList<RelationshipNode>
{
    private readonly Column<RelationshipRow> rows;
    private readonly Column<int> ordinalAt;
    private readonly Column<int> positionOf;
    private readonly KeptNodes nodes;
    private readonly EntityNode[] entities;

    // Each entity's rows are positions outStart[e] .. outStart[e + 1] - 1, and outOther holds each position's far end: the
    // adjacency's outgoing rows (CompactAdjacency), from which a node finds its ends. Each relationship's ends by ordinal
    // were two more arrays (8 MB for a million); the build reads the ends position by position, keeps the far ends' column
    // as outOther and lets the starts go.
    private readonly Column<int> outStart;
    private readonly Column<int> outOther;

    /// <param name="rows">The rows, by position.</param>
    /// <param name="values">What the rows refer to by place.</param>
    /// <param name="ordinalAt">Each position's ordinal: by the entity each starts at, then ascending.</param>
    /// <param name="outgoing">Where each entity's rows start (and, last, the count), and each position's far end's ordinal.</param>
    /// <param name="entities">Every entity, by ordinal.</param>
    [MethodImpl(LoadingCode.Optimised)]
    public RelationshipTable(RelationshipRow[] rows, RelationshipValues values, int[] ordinalAt, (int[] Start, int[] Other) outgoing, EntityNode[] entities)
    {
        var positionOf = new int[rows.Length];
        for (var position = 0; position < ordinalAt.Length; position++) positionOf[ordinalAt[position]] = position;
        (this.rows, Values, this.ordinalAt, this.positionOf, (outStart, outOther), this.entities) = (rows, values, ordinalAt, positionOf, outgoing, entities);
        nodes = new KeptNodes(rows.Length);
    }

    /// <summary>A table whose columns are all given as they lie (a seed snapshot's, <see cref="IndexColumns"/>).</summary>
    public RelationshipTable(IndexColumns columns, RelationshipValues values, EntityNode[] entities)
    {
        (rows, Values, ordinalAt, positionOf, outStart, outOther, this.entities) =
            (columns.Rows, values, columns.OrdinalAt, columns.PositionOf, columns.OutStart, columns.OutOther, entities);
        nodes = new KeptNodes(rows.Length);
    }

    public int Count => rows.Length;

    /// <summary>How many pages of kept nodes have been allocated (<see cref="KeptNodes"/>).</summary>
    internal int NodePagesMade => nodes.PagesMade;

    /// <summary>What the rows refer to by place: their ids' text, descriptions, valid times and lists.</summary>
    public RelationshipValues Values { get; }

    /// <summary>Where each entity's rows start, by its ordinal, and last the count: the adjacency's outgoing rows.</summary>
    public Column<int> OutgoingStarts => outStart;

    /// <summary>The ordinal of the entity at each position's far end: the adjacency's outgoing rows' others.</summary>
    public Column<int> OutgoingOthers => outOther;

    /// <summary>Each position's ordinal: the outgoing rows of the adjacency list relationships in this same order.</summary>
    public Column<int> OrdinalsByPosition => ordinalAt;

    /// <summary>Each ordinal's position: <see cref="OrdinalsByPosition"/> turned round.</summary>
    public Column<int> PositionsByOrdinal => positionOf;

    /// <summary>The node of the relationship with this ordinal.</summary>
    public RelationshipNode this[int ordinal] => NodeAt(positionOf[ordinal]);

    /// <summary>The rows, by position.</summary>
    public Column<RelationshipRow> Rows => rows;

    public ref readonly RelationshipRow RowAt(int position) => ref rows[position];

    public ref readonly RelationshipRow RowOf(int ordinal) => ref rows[positionOf[ordinal]];

    public int PositionOf(int ordinal) => positionOf[ordinal];

    /// <summary>The JSON text of the id of the relationship with this ordinal, with no node made.</summary>
    public JsonText IdJsonOf(int ordinal) => Values.IdJson(in rows[positionOf[ordinal]]);

    /// <summary>The ordinal of the entity the relationship at a position starts at: the one whose rows hold the position.</summary>
    public int FromAt(int position)
    {
        // The last entity whose rows start at or before the position (entities with no rows start where the next does).
        var outStart = this.outStart.Span;
        int low = 0, high = outStart.Length - 2;
        while (low < high)
        {
            var mid = (low + high + 1) >>> 1;
            if (outStart[mid] <= position) low = mid;
            else high = mid - 1;
        }

        return low;
    }

    /// <summary>The ordinal of the entity the relationship at a position ends at.</summary>
    public int ToAt(int position) => outOther[position];

    /// <summary>The node at a position, made now if no request has made it yet; every caller gets the same node.</summary>
    public RelationshipNode NodeAt(int position) => nodes.At(position) ?? nodes.Keep(position, Make(position));

    /// <summary>
    /// A node for one read, not kept: the kept node if there is one, a new one otherwise. For passes over every
    /// relationship, which would otherwise keep a node for each (72 MB for a million) that no request may read.
    /// </summary>
    public RelationshipNode Uncached(int position) => nodes.At(position) ?? Make(position);

    private RelationshipNode Make(int position)
    {
        var ordinal = ordinalAt[position];
        return new RelationshipNode(this, position, ordinal, entities[FromAt(position)], entities[ToAt(position)]);
    }

    public IEnumerator<RelationshipNode> GetEnumerator()
    {
        for (var ordinal = 0; ordinal < rows.Length; ordinal++) yield return this[ordinal];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
