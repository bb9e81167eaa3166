using System.Numerics;

namespace Graph.Api.Traversal;

/// <summary>
/// A set of entity ordinals as one bit each, for a traversal that needs only membership. A hundred
/// thousand entities take 12.5 KB, small enough to stay in a core's nearest caches, where
/// <see cref="EntityMarks"/> spends two ints per entity (800 KB), of which a membership test reads
/// the generation's 400 KB. The bits are kept per thread and reused; disposing clears only the bits
/// that were set, so a traversal's cost follows the entities it keeps, not the size of the graph.
/// The neighbourhood, aggregates, reachability and the shortest path (a bit for each side) use them.
/// </summary>
internal sealed class EntityBits : IDisposable
{
    [ThreadStatic]
    private static EntityBits? spare;

    private readonly List<int> members = [];
    private ulong[] words = [];

    private EntityBits()
    {
    }

    public static EntityBits Rent(int entityCount)
    {
        var bits = spare ?? new EntityBits();
        spare = null;
        var length = (entityCount + 63) >> 6;
        if (bits.words.Length < length) bits.words = new ulong[length];
        return bits;
    }

    public bool Contains(int entity) => (words[entity >> 6] & (1UL << entity)) != 0;

    /// <summary>Adds the entity; false when it was already in the set.</summary>
    public bool Add(int entity)
    {
        ref var word = ref words[entity >> 6];
        var bit = 1UL << entity;
        if ((word & bit) != 0) return false;
        word |= bit;
        members.Add(entity);
        return true;
    }

    /// <summary>
    /// Writes the members in ascending order, reading the words from the lowest member's to the highest's:
    /// <paramref name="lowest"/> and <paramref name="highest"/> must bound them, and the destination hold them all.
    /// </summary>
    public void CopyAscending(Span<int> destination, int lowest, int highest)
    {
        var n = 0;
        for (var w = lowest >> 6; w <= highest >> 6; w++)
        {
            for (var word = words[w]; word != 0; word &= word - 1) destination[n++] = (w << 6) + BitOperations.TrailingZeroCount(word);
        }
    }

    public void Dispose()
    {
        foreach (var entity in members) words[entity >> 6] = 0;
        members.Clear();
        spare = this;
    }
}
