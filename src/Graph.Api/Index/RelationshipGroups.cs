namespace Graph.Api.Index;

/// <summary>
/// Every relationship's ordinal grouped by its type and its ends' kinds, each group in id order: the group of a
/// relationship is its type * 256 + its ends' kinds byte (<see cref="CompactAdjacency.EndKinds"/>). A graph-wide list
/// filtered by types and kinds then reads only the groups its filter keeps, and its total on a date adds a count for
/// each of them (<see cref="HoldingCounts"/>), where both passed over all million relationships: 12 ms of a core for
/// a total by kinds on a date, and a page that kept few walked all of them to fill itself (bench/HISTORY.md, round 67).
/// </summary>
internal sealed class RelationshipGroups
{
    private readonly int[] ordinals;
    // Group g is ordinals[starts[g] .. starts[g + 1] - 1].
    private readonly int[] starts;
    private readonly HoldingCounts?[] holding;
    private readonly CompactAdjacency compact;

    /// <param name="compact">The index's adjacency, which gives each relationship's type and dates.</param>
    /// <param name="endKinds">Each relationship's ends' kinds byte, by ordinal.</param>
    /// <param name="typeCount">How many relationship types there are.</param>
    public RelationshipGroups(CompactAdjacency compact, byte[] endKinds, int typeCount)
    {
        this.compact = compact;
        var types = compact.RelationshipTypes;
        // A counting sort: how many fall in each group, where each group starts, then each ordinal put in its place.
        starts = new int[typeCount * 256 + 1];
        for (var i = 0; i < types.Length; i++) starts[types[i] * 256 + endKinds[i] + 1]++;
        for (var group = 1; group < starts.Length; group++) starts[group] += starts[group - 1];
        var next = starts[..^1]; // a copy, moved on as each group fills
        ordinals = new int[types.Length];
        for (var i = 0; i < types.Length; i++) ordinals[next[types[i] * 256 + endKinds[i]]++] = i;
        holding = new HoldingCounts?[typeCount * 256];
        NonEmpty = [.. Enumerable.Range(0, holding.Length).Where(group => Size(group) > 0)];
    }

    /// <summary>The groups that hold a relationship, in order: a few dozen of the thousands a type and two kinds could make.</summary>
    public int[] NonEmpty { get; }

    /// <summary>How many groups there are (some empty).</summary>
    public int Count => holding.Length;

    /// <summary>Every group's ordinals one after another, each group in id order.</summary>
    public ReadOnlySpan<int> Ordinals => ordinals;

    /// <summary>Where the group's ordinals lie in <see cref="Ordinals"/>: the first place and the place past its last.</summary>
    public (int Start, int End) Places(int group) => (starts[group], starts[group + 1]);

    /// <summary>How many relationships the group holds.</summary>
    public int Size(int group) => starts[group + 1] - starts[group];

    /// <summary>
    /// How many of the group's relationships hold on the day (a DayNumber), from the group's sorted dates, made the
    /// first time a count on a date asks for the group and kept with the index (8 bytes a relationship).
    /// </summary>
    public int HoldingOn(int group, int dayNumber) =>
        LazyInitializer.EnsureInitialized(ref holding[group], () => compact.Holding(ordinals.AsSpan(starts[group], Size(group)))).On(dayNumber);
}
