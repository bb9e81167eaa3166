namespace Graph.Api.Index;

/// <summary>
/// How many of a fixed list of relationships hold on a given day, by two binary searches instead of a
/// pass over the list. A relationship holds on day d when its first day is at most d and its last day at
/// least d. Of those whose first day is at most d, the ones that do not hold are those whose last day is
/// before d; and every relationship whose last day is before d also began by then, provided its first day
/// is not after its last (one that is holds on no day, and is left out). So the count is the number of
/// first days at most d less the number of last days before d. Made for a document's citations: one cited
/// by a million relationships took 7.6 ms of a core to count for a date, every request.
/// </summary>
internal sealed class HoldingCounts
{
    private readonly int[] firstDays;
    private readonly int[] lastDays;

    /// <param name="relationships">The relationships' ordinals.</param>
    /// <param name="adjacency">The index's adjacency, which gives each relationship's first and last day (DayNumbers).</param>
    public HoldingCounts(ReadOnlySpan<int> relationships, CompactAdjacency adjacency)
    {
        var first = new int[relationships.Length];
        var last = new int[relationships.Length];
        var count = 0;
        foreach (var relationship in relationships)
        {
            var (from, to) = (adjacency.ValidFrom(relationship), adjacency.ValidTo(relationship));
            if (from > to) continue;
            (first[count], last[count]) = (from, to);
            count++;
        }

        Array.Resize(ref first, count);
        Array.Resize(ref last, count);
        Array.Sort(first);
        Array.Sort(last);
        (firstDays, lastDays) = (first, last);
    }

    /// <summary>How many of the relationships hold on the day (a DayNumber).</summary>
    public int On(int dayNumber) => CountBefore(firstDays, (long)dayNumber + 1) - CountBefore(lastDays, dayNumber);

    /// <summary>How many of the sorted numbers are below the bound.</summary>
    private static int CountBefore(int[] sorted, long bound)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < bound) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
