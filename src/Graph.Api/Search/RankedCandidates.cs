using System.Buffers;

namespace Graph.Api.Search;

/// <summary>
/// Search candidates ranked by match kind, then name length, then entity order, then name order. Each
/// rank is packed into one integer so the sort compares numbers in pooled arrays instead of calling a
/// comparison that reads the names: a short prefix can match tens of thousands of names.
/// </summary>
internal sealed class RankedCandidates : IDisposable
{
    private long[] keys = ArrayPool<long>.Shared.Rent(64);
    private int[] names = ArrayPool<int>.Shared.Rent(64);

    public int Count { get; private set; }

    public void Add(MatchKind match, int length, int ordinal, int name)
    {
        if (Count == keys.Length) Grow();
        keys[Count] = ((long)match << 56) | ((long)Math.Min(length, 0xFFFFFF) << 32) | (uint)ordinal;
        names[Count++] = name;
    }

    /// <summary>The candidates best first, as (match, index of the name).</summary>
    public IEnumerable<(MatchKind Match, int Name)> InRankOrder()
    {
        Array.Sort(keys, names, 0, Count);
        for (var i = 0; i < Count; i++)
        {
            // Names of one entity with the same rank (equal keys) come in name order.
            if (i + 1 < Count && keys[i + 1] == keys[i] && (i == 0 || keys[i - 1] != keys[i]))
            {
                var end = i + 1;
                while (end < Count && keys[end] == keys[i]) end++;
                Array.Sort(names, i, end - i);
            }

            yield return ((MatchKind)(keys[i] >> 56), names[i]);
        }
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(names);
    }

    private void Grow()
    {
        var biggerKeys = ArrayPool<long>.Shared.Rent(keys.Length * 2);
        var biggerNames = ArrayPool<int>.Shared.Rent(keys.Length * 2);
        keys.AsSpan(0, Count).CopyTo(biggerKeys);
        names.AsSpan(0, Count).CopyTo(biggerNames);
        Dispose();
        (keys, names) = (biggerKeys, biggerNames);
    }
}
