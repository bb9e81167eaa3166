namespace Graph.Api.Index;

/// <summary>Lists of relationship ordinals kept in increasing order, where a page's cursor is found by halving.</summary>
internal static class SortedOrdinals
{
    /// <summary>Where the ordinal stands in the sorted ordinals, or would: the place of the first one at or after it.</summary>
    public static int Place(ReadOnlySpan<int> sorted, int ordinal)
    {
        var found = sorted.BinarySearch(ordinal);
        return found < 0 ? ~found : found;
    }
}
