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

    /// <summary>A candidate's rank as one number: lower ranks first.</summary>
    public static long Key(MatchKind match, int length, int ordinal) => ((long)match << 56) | ((long)Math.Min(length, 0xFFFFFF) << 32) | (uint)ordinal;

    public void Add(MatchKind match, int length, int ordinal, int name)
    {
        if (Count == keys.Length) Grow(Count * 2);
        keys[Count] = Key(match, length, ordinal);
        names[Count++] = name;
    }

    /// <summary>Room for <paramref name="more"/> candidates, so thousands of them are not copied each time the arrays double.</summary>
    public void Expect(int more)
    {
        if (Count + more > keys.Length) Grow(Count + more);
    }

    /// <summary>
    /// The candidates best first, as (match, index of the name). The caller usually stops after
    /// <paramref name="wanted"/> of them, so when there are many more (a one-letter prefix matches
    /// thousands of names) the best <paramref name="wanted"/> are found and sorted first, and the rest
    /// is sorted only if the caller reads on (when some entities took several places).
    /// </summary>
    public IEnumerable<(MatchKind Match, int Name)> InRankOrder(int wanted)
    {
        var best = wanted > 0 && wanted < Count / 4 ? MoveBestToFront(wanted) : Count;
        foreach (var candidate in Sorted(0, best)) yield return candidate;
        foreach (var candidate in Sorted(best, Count)) yield return candidate;
    }

    private IEnumerable<(MatchKind Match, int Name)> Sorted(int start, int end)
    {
        Array.Sort(keys, names, start, end - start);
        for (var i = start; i < end; i++)
        {
            // Names of one entity with the same rank (equal keys) come in name order.
            if (i + 1 < end && keys[i + 1] == keys[i] && (i == start || keys[i - 1] != keys[i]))
            {
                var run = i + 1;
                while (run < end && keys[run] == keys[i]) run++;
                Array.Sort(names, i, run - i);
            }

            yield return ((MatchKind)(keys[i] >> 56), names[i]);
        }
    }

    // Finds the wanted-th best key (a heap of the best seen, worst on top) and moves every candidate
    // ranked no worse to the front, ties included, so that names of one rank stay together; returns how many.
    private int MoveBestToFront(int wanted)
    {
        // Keys are not negative, so a key's negation ranks the worst first under the default comparer, which
        // the queue calls directly; a comparison delegate cost a call for each of thousands of candidates.
        var worstFirst = new PriorityQueue<long, long>(wanted);
        var i = 0;
        for (; i < Count && worstFirst.Count < wanted; i++) worstFirst.Enqueue(keys[i], -keys[i]);
        // Most candidates rank below the worst of those kept: one comparison with a local each.
        var threshold = worstFirst.Peek();
        for (; i < Count; i++)
        {
            if (keys[i] >= threshold) continue;
            worstFirst.EnqueueDequeue(keys[i], -keys[i]);
            threshold = worstFirst.Peek();
        }

        var front = 0;
        for (i = 0; i < Count; i++)
        {
            if (keys[i] > threshold) continue;
            (keys[front], keys[i]) = (keys[i], keys[front]);
            (names[front], names[i]) = (names[i], names[front]);
            front++;
        }

        return front;
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(names);
    }

    private void Grow(int size)
    {
        var biggerKeys = ArrayPool<long>.Shared.Rent(size);
        var biggerNames = ArrayPool<int>.Shared.Rent(size);
        keys.AsSpan(0, Count).CopyTo(biggerKeys);
        names.AsSpan(0, Count).CopyTo(biggerNames);
        Dispose();
        (keys, names) = (biggerKeys, biggerNames);
    }
}
