namespace Graph.Api.Search;

/// <summary>
/// Whether two words are at most one typing slip apart: one letter left out, added, changed, or two
/// neighbouring letters swapped (the optimal string alignment distance is at most 1). Only that bound is
/// asked, so one pass from each end answers it, without the table a full edit distance fills.
/// </summary>
internal static class OneEdit
{
    public static bool Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var start = a.CommonPrefixLength(b);
        if (start == a.Length && start == b.Length) return true;
        // What is left past the common start and before the common end must be one slip.
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[a.Length - 1 - end] == b[b.Length - 1 - end]) end++;
        var restA = a.Length - start - end;
        var restB = b.Length - start - end;
        if (restA <= 1 && restB <= 1) return true;
        // Two neighbouring letters swapped: "ab" against "ba", with everything around equal.
        return restA == 2 && restB == 2 && a[start] == b[start + 1] && a[start + 1] == b[start];
    }
}
