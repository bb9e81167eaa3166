using System.Runtime.CompilerServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// The graph's adjacency as flat arrays of ordinals (compressed sparse rows), built once per index
/// snapshot from the relationships' ends' ordinals and their table's layout. A step reads a few ints that sit next to each other
/// instead of following an object per relationship and per entity, which is what bounded a traversal on
/// a million relationships: memory latency, not work. The lists that answers page through are runs of these rows
/// (<see cref="RelationshipRun"/>), which make a relationship's node only when it is read.
/// </summary>
/// <remarks>
/// It used to be copied from a QuikGraph <c>BidirectionalGraph</c> filled first, which held the same
/// lists a second time: the fill was one core's 1.2–1.7 s of an index build and about 35 MiB for a
/// million relationships (bench/HISTORY.md, round 29).
/// </remarks>
public sealed class CompactAdjacency
{
    // Entity e's outgoing relationships are positions outStart[e] .. outStart[e + 1] - 1 of outRelationship
    // (the relationship's ordinal) and outOther (the entity at its other end), in relationship order.
    private readonly Column<int> outStart, outRelationship, outOther;
    private readonly Column<int> inStart, inRelationship, inOther;

    // Each relationship's valid time (its place among the table's values), by ordinal, and each valid time's days: the
    // days by ordinal were three arrays (16 MB for a million relationships) where rows share some sixty thousand valid times.
    private readonly Column<int> validTimeOf;
    private readonly ValidDays[] days;

    private readonly Column<byte> relationshipTypes;
    private readonly Column<ulong> entityRelationshipTypes;
    private readonly RelationshipTable table;

    /// <param name="entities">Every entity, in ordinal order.</param>
    /// <param name="table">
    /// Every relationship, its rows laid out by the entity they start at, then by ordinal: the outgoing rows one after
    /// another, so the passes that can read the rows in this order do.
    /// </param>
    /// <param name="endsAt">
    /// Each relationship's ends' ordinals, by its position in the table: the starts are read by the build only; the far ends
    /// are the table's outgoing others, the same array.
    /// </param>
    internal CompactAdjacency(IReadOnlyList<EntityNode> entities, RelationshipTable table, RelationshipEnds endsAt)
    {
        this.table = table;
        EntityKinds = KindsOf(entities);
        var entityTypes = new ulong[entities.Count];
        var types = new byte[table.Count];
        var validTimes = new int[table.Count];
        int[] inStart = [], inRelationship = [], inOther = [];
        var outRelationship = table.OrdinalsByPosition;
        // Two independent parts side by side, each one or two passes over the relationships.
        Parallel.Invoke(
            [MethodImpl(LoadingCode.Optimised)] () =>
            {
                var ordinals = outRelationship.Span;
                for (var position = 0; position < table.Count; position++)
                {
                    ref readonly var row = ref table.RowAt(position);
                    var ordinal = ordinals[position];
                    var (from, to) = (endsAt.From[position], endsAt.To[position]);
                    types[ordinal] = (byte)row.Type;
                    entityTypes[from] |= 1UL << (int)row.Type;
                    entityTypes[to] |= 1UL << (int)row.Type;
                    validTimes[ordinal] = row.ValidTime;
                }
            },
            () => (inStart, inRelationship, inOther) = IncomingRows(entities.Count, table, endsAt));
        days = DaysOf(table);
        (entityRelationshipTypes, relationshipTypes, validTimeOf) = (entityTypes, types, validTimes);
        (outStart, this.outRelationship, outOther) = (table.OutgoingStarts, outRelationship, table.OutgoingOthers);
        (this.inStart, this.inRelationship, this.inOther) = (inStart, inRelationship, inOther);
    }

    /// <summary>An adjacency whose rows are all given as they lie (a seed snapshot's, <see cref="IndexColumns"/>).</summary>
    internal CompactAdjacency(IReadOnlyList<EntityNode> entities, RelationshipTable table, IndexColumns columns)
    {
        this.table = table;
        EntityKinds = KindsOf(entities);
        days = DaysOf(table);
        (entityRelationshipTypes, relationshipTypes, validTimeOf) = (columns.EntityRelationshipTypes, columns.RelationshipTypes, columns.ValidTimeOf);
        (outStart, outRelationship, outOther) = (columns.OutStart, columns.OrdinalAt, columns.OutOther);
        (inStart, inRelationship, inOther) = (columns.InStart, columns.InRelationship, columns.InOther);
    }

    /// <summary>The adjacency's columns, for a seed snapshot to keep as they lie (with the table's, <see cref="IndexColumns"/>).</summary>
    internal IndexColumns Columns(Column<int> typeCounts) => new(
        table.Rows, outRelationship, table.PositionsByOrdinal, outStart, outOther, inStart, inRelationship, inOther,
        validTimeOf, relationshipTypes, entityRelationshipTypes, typeCounts);

    private static byte[] KindsOf(IReadOnlyList<EntityNode> entities)
    {
        var kinds = new byte[entities.Count];
        foreach (var entity in entities) kinds[entity.Ordinal] = (byte)entity.Kind;
        return kinds;
    }

    // Each distinct valid time's days worked out once, not once for each of the rows that share it.
    private static ValidDays[] DaysOf(RelationshipTable table)
    {
        var validTimes = table.Values.ValidTimes;
        var days = new ValidDays[validTimes.Length];
        for (var i = 0; i < days.Length; i++) days[i] = ValidDays.Of(validTimes[i]);
        return days;
    }

    /// <summary>Each entity's kind, by ordinal.</summary>
    public byte[] EntityKinds { get; }

    /// <summary>
    /// The types of relationship each entity takes part in, either end, one bit per type (by ordinal):
    /// a filter on "has a relationship of this type" reads one word instead of the entity's relationships.
    /// </summary>
    public ReadOnlySpan<ulong> EntityRelationshipTypes => entityRelationshipTypes.Span;

    /// <summary>Whether the entity starts or ends a relationship of the type.</summary>
    public bool TakesPartIn(int entity, RelationshipType type) => (entityRelationshipTypes[entity] >> (int)type & 1) != 0;

    /// <summary>Each relationship's type, by ordinal.</summary>
    public ReadOnlySpan<byte> RelationshipTypes => relationshipTypes.Span;

    /// <summary>The first day the relationship holds on (a DayNumber), int.MinValue when open.</summary>
    public int ValidFrom(int relationship) => days[validTimeOf[relationship]].From;

    /// <summary>The last day the relationship holds on (a DayNumber), int.MaxValue when open.</summary>
    public int ValidTo(int relationship) => days[validTimeOf[relationship]].To;

    public int EntityCount => EntityKinds.Length;

    /// <summary>Whether the relationship holds on the day (a DayNumber), as <see cref="ValidTime.HoldsOn"/> says.</summary>
    public bool HoldsOn(int relationship, int dayNumber) => days[validTimeOf[relationship]].HoldsOn(dayNumber);

    /// <summary>
    /// Which relationships hold on the day (a DayNumber), each valid time tested once: for a pass over many relationships,
    /// which then reads one flag for each instead of its valid time's days (a pass over a million took 2.3 times as long so).
    /// </summary>
    internal HoldingOnADay HoldingOn(int dayNumber)
    {
        var holds = new bool[days.Length];
        for (var i = 0; i < holds.Length; i++) holds[i] = days[i].HoldsOn(dayNumber);
        return new HoldingOnADay(this, validTimeOf, holds);
    }

    /// <summary>The <see cref="TimelineKey"/> of a relationship with neither a start nor an end.</summary>
    public const long Undated = long.MaxValue;

    /// <summary>
    /// What a timeline sorts the relationship by: the first day its start may mean (its end's when it has no start) in the
    /// high half, the last day in the low half, so the numbers sort as the dates do; <see cref="Undated"/> when it has
    /// neither. A hub's timeline reads one number for each of its relationships instead of each one's dates through three objects.
    /// </summary>
    public long TimelineKey(int relationship) => days[validTimeOf[relationship]].TimelineKey;

    /// <summary>How many of the relationships hold on the day (a DayNumber).</summary>
    public int CountHolding(ReadOnlySpan<int> relationships, int dayNumber)
    {
        var count = 0;
        foreach (var relationship in relationships)
        {
            if (HoldsOn(relationship, dayNumber)) count++;
        }

        return count;
    }

    /// <summary>
    /// Each relationship's two ends' kinds in one byte, by ordinal: the start's kind in the high four bits, the
    /// end's in the low four. Read off the outgoing rows, which hold both ends of every relationship.
    /// </summary>
    internal byte[] EndKinds()
    {
        var kinds = new byte[RelationshipTypes.Length];
        var outRelationship = this.outRelationship.Span;
        var outOther = this.outOther.Span;
        for (var entity = 0; entity < EntityKinds.Length; entity++)
        {
            for (var position = outStart[entity]; position < outStart[entity + 1]; position++)
            {
                kinds[outRelationship[position]] = (byte)(EntityKinds[entity] << 4 | EntityKinds[outOther[position]]);
            }
        }

        return kinds;
    }

    /// <summary>The relationships' dates sorted for counting on any day (<see cref="HoldingCounts"/>).</summary>
    internal HoldingCounts Holding(ReadOnlySpan<int> relationships) => new(relationships, this);

    /// <summary>The steps from an entity in relationship order (a self-loop once), keeping what the filter keeps.</summary>
    public CompactSteps Steps(int entity, Direction direction, in CompactFilter filter)
    {
        var (outFirst, outCount) = direction == Direction.In ? default : Row(outStart, entity);
        var (inFirst, inCount) = direction == Direction.Out ? default : Row(inStart, entity);
        return new CompactSteps(
            outRelationship.Slice(outFirst, outCount), outOther.Slice(outFirst, outCount),
            inRelationship.Slice(inFirst, inCount), inOther.Slice(inFirst, inCount),
            filter);
    }

    /// <summary>
    /// How many relationships an entity has in the direction, unfiltered, a self-loop once (as its steps
    /// count it): the lengths of its rows, less the self-loops for both directions. A hub's degree was a
    /// walk over its thousand steps.
    /// </summary>
    public int Degree(int entity, Direction direction)
    {
        var (first, count) = Row(outStart, entity);
        var targets = outOther.Slice(first, count);
        var incoming = inStart[entity + 1] - inStart[entity];
        return direction switch
        {
            Direction.Out => targets.Length,
            Direction.In => incoming,
            _ => targets.Length + incoming - targets.Count(entity),
        };
    }

    /// <summary>The outgoing relationships of an entity, unfiltered, in relationship order.</summary>
    public ReadOnlySpan<int> OutgoingRelationships(int entity)
    {
        var (first, count) = Row(outStart, entity);
        return outRelationship.Slice(first, count);
    }

    /// <summary>The entities those relationships end at, position for position.</summary>
    public ReadOnlySpan<int> OutgoingTargets(int entity)
    {
        var (first, count) = Row(outStart, entity);
        return outOther.Slice(first, count);
    }

    /// <summary>An entity's outgoing relationships, in relationship order.</summary>
    public RelationshipRun OutgoingRun(int entity) => new(table, outRelationship, false, outStart[entity], outStart[entity + 1] - outStart[entity]);

    /// <summary>
    /// An entity's incoming relationships, in relationship order. A node made from it finds its row by its ordinal: the
    /// incoming rows' positions in the table, kept beside them, were 4 MB for a million relationships, for a lookup per
    /// node made, which is one trip to memory among the several that making a node takes.
    /// </summary>
    public RelationshipRun IncomingRun(int entity) => new(table, inRelationship, true, inStart[entity], inStart[entity + 1] - inStart[entity]);

    // Where an entity's row starts and how long it is, its starts' column read once.
    private static (int First, int Count) Row(Column<int> start, int entity)
    {
        var starts = start.Span;
        var first = starts[entity];
        return (first, starts[entity + 1] - first);
    }

    /// <summary>
    /// The outgoing rows, read off the ends of relationships laid out by the entity they start at: where each entity's
    /// rows start, counted from the starts, and the far ends' column itself as the rows' others.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    internal static (int[] Start, int[] Other) OutgoingRows(int entityCount, RelationshipEnds endsAt)
    {
        var start = new int[entityCount + 1];
        foreach (var from in endsAt.From) start[from + 1]++;
        for (var e = 1; e <= entityCount; e++) start[e] += start[e - 1];
        return (start, endsAt.To);
    }

    /// <summary>
    /// Each entity's row of the relationships that end at it, by a counting sort: the relationships are read in
    /// ordinal order, so every row comes out in ordinal (id) order, which paging's binary search needs, without sorting.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static (int[] Start, int[] Relationship, int[] Other) IncomingRows(int entityCount, RelationshipTable table, RelationshipEnds endsAt)
    {
        var start = new int[entityCount + 1];
        foreach (var to in endsAt.To) start[to + 1]++;
        for (var e = 1; e <= entityCount; e++) start[e] += start[e - 1];
        var next = start[..^1];
        var ordinals = new int[table.Count];
        var others = new int[table.Count];
        for (var ordinal = 0; ordinal < table.Count; ordinal++)
        {
            var position = table.PositionOf(ordinal);
            var (from, to) = (endsAt.From[position], endsAt.To[position]);
            var row = next[to]++;
            ordinals[row] = ordinal;
            others[row] = from;
        }

        return (start, ordinals, others);
    }
}
