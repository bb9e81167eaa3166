namespace Graph.Api.Import;

/// <summary>
/// Lists compared by their items, in order (the items are records, equal by value): for a seed snapshot's tables of property
/// and citation lists, so that rows with equal lists share one entry, and one list once read back, even when the seed file
/// gave each its own. A million synthetic relationships held 77 thousand property lists made of a thousand distinct ones,
/// 9 MB kept by every restart.
/// </summary>
internal sealed class ListValueComparer<T> : IEqualityComparer<IReadOnlyList<T>>
{
    public static ListValueComparer<T> Instance { get; } = new();

    public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Count != y.Count) return false;
        for (var i = 0; i < x.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(x[i], y[i])) return false;
        }

        return true;
    }

    public int GetHashCode(IReadOnlyList<T> list)
    {
        var hash = new HashCode();
        hash.Add(list.Count);
        for (var i = 0; i < list.Count; i++) hash.Add(list[i]);
        return hash.ToHashCode();
    }
}
