using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Graph.Api.Search;

/// <summary>
/// Which names hold each run of a fixed number of letters (three and four for search). A run found in
/// many names (at least one in 64) is kept as a bit set, a rarer one as a sorted list of name indices.
/// "Contains" then checks only the names that hold every run of the text: the shortest list filtered
/// by the sets' bits and the other lists, or, when every run is common, the word-by-word AND of the
/// sets. Checking every name holding just one common run ("gra" in a graph of granites) cost more than
/// the rest of a search request.
/// </summary>
internal sealed class RunPostings
{
    private readonly int run;

    private readonly record struct CommonRun(ulong[] Bits, int Count);

    private static readonly Comparer<CommonRun> SmallestFirst = Comparer<CommonRun>.Create(static (a, b) => a.Count.CompareTo(b.Count));

    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> rare;
    private readonly Dictionary<string, CommonRun>.AlternateLookup<ReadOnlySpan<char>> common;

    /// <param name="names">Folded names; a name's position is its index.</param>
    /// <param name="run">The number of letters in a run.</param>
    public RunPostings(IReadOnlyList<string> names, int run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(run, 1);
        this.run = run;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = postings.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < names.Count; i++)
        {
            var folded = names[i].AsSpan();
            for (var at = 0; at + run <= folded.Length; at++)
            {
                var gram = folded.Slice(at, run);
                if (!lookup.TryGetValue(gram, out var list)) lookup[gram] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }

        var words = (names.Count + 63) / 64;
        var rareRuns = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var commonRuns = new Dictionary<string, CommonRun>(StringComparer.Ordinal);
        var sameSets = new Dictionary<ulong[], ulong[]>(SameWords.Instance);
        foreach (var (gram, list) in postings)
        {
            if ((long)list.Count * 64 < names.Count)
            {
                rareRuns[gram] = [.. list];
                continue;
            }

            var bits = new ulong[words];
            foreach (var i in list) bits[i >> 6] |= 1UL << i;
            // Runs that always occur together ("gra", "ran", "ani" in a graph of granites) share one set, so a
            // search for the word tests and reads it once (the query keeps each set once, by reference).
            ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(sameSets, bits, out _);
            bits = shared ??= bits;
            commonRuns[gram] = new CommonRun(bits, list.Count);
        }

        rare = rareRuns.GetAlternateLookup<ReadOnlySpan<char>>();
        common = commonRuns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Indices of the names holding every run of <paramref name="text"/> (none when the text is shorter
    /// than a run), ascending: a superset of the names that contain it. The caller disposes the result.
    /// </summary>
    public Candidates NamesHoldingAllRuns(string text)
    {
        var result = new Candidates();
        var runs = Math.Max(0, text.Length - run + 1);
        if (runs == 0) return result;

        var lists = ArrayPool<int[]>.Shared.Rent(runs);
        var listCount = 0;
        var sets = ArrayPool<CommonRun>.Shared.Rent(runs);
        var setCount = 0;
        try
        {
            for (var at = 0; at < runs; at++)
            {
                var gram = text.AsSpan(at, run);
                if (rare.TryGetValue(gram, out var list))
                {
                    if (Array.IndexOf(lists, list, 0, listCount) < 0) lists[listCount++] = list;
                }
                else if (common.TryGetValue(gram, out var set))
                {
                    if (!Contains(sets, setCount, set)) sets[setCount++] = set;
                }
                else
                {
                    return result;
                }
            }

            // The smallest first: most candidates fail on them, and the rest is not read.
            Array.Sort(sets, 0, setCount, SmallestFirst);
            Array.Sort(lists, 0, listCount, ShortestFirst);
            if (listCount > 0) Filter(lists.AsSpan(0, listCount), sets.AsSpan(0, setCount), ref result);
            else Intersect(sets.AsSpan(0, setCount), ref result);
            return result;
        }
        finally
        {
            ArrayPool<CommonRun>.Shared.Return(sets, clearArray: true);
            ArrayPool<int[]>.Shared.Return(lists, clearArray: true);
        }
    }

    private static readonly Comparer<int[]> ShortestFirst = Comparer<int[]>.Create(static (a, b) => a.Length.CompareTo(b.Length));

    private static bool Contains(CommonRun[] sets, int count, CommonRun set)
    {
        for (var k = 0; k < count; k++)
        {
            if (ReferenceEquals(sets[k].Bits, set.Bits)) return true;
        }

        return false;
    }

    // The shortest list's names, kept when every set has their bit and every other list holds them.
    // Names come in ascending order, so each other list is walked once with a cursor (a merge).
    private static void Filter(ReadOnlySpan<int[]> lists, ReadOnlySpan<CommonRun> sets, ref Candidates result)
    {
        var others = lists[1..];
        var cursors = ArrayPool<int>.Shared.Rent(others.Length);
        try
        {
            Array.Clear(cursors, 0, others.Length);
            foreach (var i in lists[0])
            {
                if (HasAllBits(i, sets) && InAllLists(i, others, cursors)) result.Add(i);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(cursors);
        }
    }

    private static bool HasAllBits(int i, ReadOnlySpan<CommonRun> sets)
    {
        foreach (var set in sets)
        {
            if ((set.Bits[i >> 6] & (1UL << i)) == 0) return false;
        }

        return true;
    }

    private static bool InAllLists(int i, ReadOnlySpan<int[]> lists, int[] cursors)
    {
        for (var k = 0; k < lists.Length; k++)
        {
            var list = lists[k];
            var at = cursors[k];
            while (at < list.Length && list[at] < i) at++;
            cursors[k] = at;
            if (at == list.Length || list[at] != i) return false;
        }

        return true;
    }

    private static void Intersect(ReadOnlySpan<CommonRun> sets, ref Candidates result)
    {
        var first = sets[0].Bits;
        for (var w = 0; w < first.Length; w++)
        {
            var word = first[w];
            for (var k = 1; k < sets.Length && word != 0; k++) word &= sets[k].Bits[w];
            while (word != 0)
            {
                result.Add((w << 6) + BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
    }

    private sealed class SameWords : IEqualityComparer<ulong[]>
    {
        public static readonly SameWords Instance = new();

        public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(ulong[] words)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(words.AsSpan()));
            return hash.ToHashCode();
        }
    }

    /// <summary>Name indices in a pooled array.</summary>
    public struct Candidates : IDisposable
    {
        private int[]? items;

        public int Count { get; private set; }

        public readonly ReadOnlySpan<int> Items => items.AsSpan(0, Count);

        public void Add(int index)
        {
            if (items is null || Count == items.Length)
            {
                var bigger = ArrayPool<int>.Shared.Rent(Math.Max(64, Count * 2));
                if (items is not null)
                {
                    items.AsSpan(0, Count).CopyTo(bigger);
                    ArrayPool<int>.Shared.Return(items);
                }

                items = bigger;
            }

            items[Count++] = index;
        }

        public void Dispose()
        {
            if (items is not null) ArrayPool<int>.Shared.Return(items);
            items = null;
            Count = 0;
        }
    }
}
