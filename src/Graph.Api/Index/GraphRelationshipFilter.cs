using System.Runtime.CompilerServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// What the graph-wide list of relationships keeps: some types, those holding on a date, those starting at and
/// ending at entities of some kinds; null for no condition. Tested on flat arrays by ordinal, as bit masks.
/// </summary>
public sealed class GraphRelationshipFilter
{
    private readonly ulong typeMask;
    private readonly uint fromKindMask;
    private readonly uint toKindMask;
    private readonly int dayNumber;
    private HoldingOnADay? holding;

    public GraphRelationshipFilter(IReadOnlySet<RelationshipType>? types, DateOnly? asOf, IReadOnlySet<EntityKind>? fromKinds, IReadOnlySet<EntityKind>? toKinds)
    {
        (Types, AsOf) = (types, asOf);
        typeMask = types is null ? ulong.MaxValue : types.Aggregate(0UL, (mask, type) => mask | 1UL << (int)type);
        fromKindMask = KindMask(fromKinds);
        toKindMask = KindMask(toKinds);
        dayNumber = asOf?.DayNumber ?? 0;
        HasKinds = fromKinds is not null || toKinds is not null;
    }

    public IReadOnlySet<RelationshipType>? Types { get; }

    public DateOnly? AsOf { get; }

    /// <summary>Whether the ends' kinds are asked about, so <see cref="NextKept"/> needs them.</summary>
    public bool HasKinds { get; }

    /// <summary>An empty list of types or kinds keeps no relationship.</summary>
    public bool KeepsNothing => typeMask == 0 || fromKindMask == 0 || toKindMask == 0;

    /// <summary>
    /// The first relationship the filter keeps walking from <paramref name="from"/> by <paramref name="step"/>
    /// (1 or -1), or <paramref name="to"/> when none is kept before it. One tight loop over the flat arrays, the
    /// masks in locals: through a call per relationship, a pass over a million took 25 ms.
    /// </summary>
    /// <param name="from">The first ordinal to test.</param>
    /// <param name="to">The ordinal the walk stops at, untested.</param>
    /// <param name="step">1 to walk forward, -1 backward.</param>
    /// <param name="compact">The index's flat arrays of types and days.</param>
    /// <param name="endKinds">Each relationship's ends' kinds, start in the high four bits; needed only when <see cref="HasKinds"/>.</param>
    public int NextKept(int from, int to, int step, CompactAdjacency compact, byte[]? endKinds)
    {
        var types = compact.RelationshipTypes;
        var (typeBits, fromBits, toBits) = (typeMask, fromKindMask, toKindMask);
        var holding = AsOf is null ? null : HoldingIn(compact);
        for (var i = from; i != to; i += step)
        {
            if ((typeBits >> types[i] & 1) == 0) continue;
            if (holding is not null && !holding.Of(i)) continue;
            if (endKinds is not null && !KindsKept(fromBits, toBits, endKinds[i])) continue;
            return i;
        }

        return to;
    }

    // Which relationships hold on the day, worked out once for the index the filter is used with: a page's walk calls
    // NextKept for each item it keeps. One reference, so resolvers reading the filter side by side see a whole one.
    private HoldingOnADay HoldingIn(CompactAdjacency compact)
    {
        var known = Volatile.Read(ref holding);
        if (known is not null && ReferenceEquals(known.Adjacency, compact)) return known;
        Volatile.Write(ref holding, known = compact.HoldingOn(dayNumber));
        return known;
    }

    /// <summary>Whether the filter keeps the relationships of a group (<see cref="RelationshipGroups"/>): of a type, between two kinds.</summary>
    public bool KeepsGroup(int group) => (typeMask >> (group >> 8) & 1) != 0 && KindsKept(fromKindMask, toKindMask, group & 255);

    // Whether a relationship whose ends' kinds byte is this (start high, end low) starts and ends at kinds the masks keep.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KindsKept(uint fromBits, uint toBits, int kinds) => ((fromBits >> (kinds >> 4)) & (toBits >> (kinds & 15)) & 1) != 0;

    // One bit per kind asked for; every bit when none are.
    private static uint KindMask(IReadOnlySet<EntityKind>? kinds) =>
        kinds is null ? uint.MaxValue : kinds.Aggregate(0U, (mask, kind) => mask | 1U << (int)kind);
}
