namespace Graph.Api.Index;

/// <summary>
/// A <see cref="RelationshipFilter"/> turned into bit masks and a day number, tested against the
/// compact adjacency's arrays: a step is kept or dropped without touching any object.
/// </summary>
public readonly struct CompactFilter
{
    private readonly ulong types;
    private readonly ulong kinds;
    private readonly int asOf;
    private readonly bool hasAsOf;
    private readonly bool keepsAll;
    private readonly CompactAdjacency adjacency;

    public CompactFilter(CompactAdjacency adjacency, RelationshipFilter filter)
    {
        this.adjacency = adjacency;
        types = Mask(filter.Types);
        kinds = Mask(filter.OtherKinds);
        hasAsOf = filter.AsOf is not null;
        asOf = filter.AsOf?.DayNumber ?? 0;
        keepsAll = types == ulong.MaxValue && kinds == ulong.MaxValue && !hasAsOf;
    }

    /// <summary>Whether every step is kept: no types, kinds or date to test.</summary>
    public bool KeepsAll => keepsAll;

    // With no filter nothing is read: the type and kind arrays are large, and each probe lands anywhere in them.
    public bool Keeps(int relationship, int other) =>
        keepsAll
        || (Includes(types, adjacency.RelationshipTypes[relationship])
            && Includes(kinds, adjacency.EntityKinds[other])
            && (!hasAsOf || adjacency.HoldsOn(relationship, asOf)));

    /// <summary>Whether a <see cref="Mask"/> holds the value (a kind's or type's number).</summary>
    public static bool Includes(ulong mask, int value) => (mask >> value & 1) != 0;

    /// <summary>A set of kinds or types as one bit per value; no set means every value. Both enums have well under 64 members (a test keeps it so).</summary>
    public static ulong Mask<T>(IReadOnlySet<T>? values) where T : struct, Enum
    {
        if (values is null) return ulong.MaxValue;
        var mask = 0UL;
        foreach (var value in values) mask |= 1UL << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return mask;
    }
}
