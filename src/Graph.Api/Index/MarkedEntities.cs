using System.Collections;
using System.Numerics;

namespace Graph.Api.Index;

/// <summary>
/// Entities marked in a bit set by ordinal, read as a list in ordinal (id) order: the entities of a
/// kind, named with a text, or taking part in relationships of a type. A name filter of one or two
/// letters marks tens of thousands of entities per request; as an array they took a large-object
/// allocation each (152 KB for 19k), and at a few thousand requests a second the collector ran a full
/// collection every second to return them. The set is an eighth of that, and the rank of each word
/// makes the i-th entity a binary search, so a page still starts at its cursor by halving. It is a
/// read-only <see cref="IList{T}"/> too, so that LINQ's Skip goes straight to an index.
/// </summary>
internal sealed class MarkedEntities : IReadOnlyList<EntityNode>, IList<EntityNode>
{
    private readonly ulong[] marked;
    private readonly int[] before;
    private readonly EntityNode[] byOrdinal;

    /// <param name="marked">One bit per ordinal of <paramref name="byOrdinal"/>; not changed afterwards.</param>
    /// <param name="byOrdinal">The entities by ordinal.</param>
    public MarkedEntities(ulong[] marked, EntityNode[] byOrdinal)
    {
        this.marked = marked;
        this.byOrdinal = byOrdinal;
        before = new int[marked.Length];
        var count = 0;
        for (var word = 0; word < marked.Length; word++)
        {
            before[word] = count;
            count += BitOperations.PopCount(marked[word]);
        }

        Count = count;
    }

    public int Count { get; }

    /// <summary>
    /// The entities in every one of the sets (at least one, all over the same entities), made word by word:
    /// a kind, a name and a relationship type together are a count instead of a test of each entity.
    /// </summary>
    public static MarkedEntities InAll(IReadOnlyList<MarkedEntities> sets)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sets.Count);
        var first = sets[0];
        var marked = first.marked.ToArray();
        for (var s = 1; s < sets.Count; s++)
        {
            var other = sets[s].marked;
            for (var word = 0; word < marked.Length; word++) marked[word] &= word < other.Length ? other[word] : 0;
        }

        return new MarkedEntities(marked, first.byOrdinal);
    }

    public EntityNode this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The last word with fewer marks before it than the index holds it.
            int low = 0, high = before.Length - 1;
            while (low < high)
            {
                var middle = (low + high + 1) >>> 1;
                if (before[middle] <= index) low = middle;
                else high = middle - 1;
            }

            var bits = marked[low];
            for (var skip = index - before[low]; skip > 0; skip--) bits &= bits - 1;
            return byOrdinal[(low << 6) + BitOperations.TrailingZeroCount(bits)];
        }

        set => throw ReadOnly();
    }

    public bool IsReadOnly => true;

    public IEnumerator<EntityNode> GetEnumerator()
    {
        for (var word = 0; word < marked.Length; word++)
        {
            for (var bits = marked[word]; bits != 0; bits &= bits - 1) yield return byOrdinal[(word << 6) + BitOperations.TrailingZeroCount(bits)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(EntityNode item)
    {
        var ordinal = item.Ordinal;
        var word = ordinal >> 6;
        if (ordinal >= byOrdinal.Length || !ReferenceEquals(byOrdinal[ordinal], item) || (marked[word] >> ordinal & 1) == 0) return -1;
        return before[word] + BitOperations.PopCount(marked[word] & ((1UL << ordinal) - 1));
    }

    public bool Contains(EntityNode item) => IndexOf(item) >= 0;

    public void CopyTo(EntityNode[] array, int arrayIndex)
    {
        foreach (var entity in this) array[arrayIndex++] = entity;
    }

    public void Add(EntityNode item) => throw ReadOnly();

    public void Insert(int index, EntityNode item) => throw ReadOnly();

    public bool Remove(EntityNode item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The marked entities are read-only.");
}
