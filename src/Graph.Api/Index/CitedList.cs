namespace Graph.Api.Index;

/// <summary>
/// The ordinals of the relationships citing one document or paragraph, in id order, with their dates sorted for counting on a
/// day once a count asks (<see cref="HoldingCounts"/>), kept as long as the list.
/// </summary>
internal sealed class CitedList(ReadOnlyMemory<int> ordinals)
{
    private HoldingCounts? holding;

    /// <summary>The list of a document or paragraph no relationship cites, shared by every index: being empty, it never sorts dates.</summary>
    public static CitedList None { get; } = new(ReadOnlyMemory<int>.Empty);

    public ReadOnlyMemory<int> Ordinals { get; } = ordinals;

    /// <summary>The list's dates sorted for counting on a day, made on first use from the index's adjacency.</summary>
    public HoldingCounts Holding(CompactAdjacency adjacency) => LazyInitializer.EnsureInitialized(ref holding, () => adjacency.Holding(Ordinals.Span));
}
