using System.Collections;
using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// The entities a reachability search keeps, nearest first and then in id order, held as ordinals and made
/// into <see cref="Reached"/> entries only when read. A search near a hub keeps up to the visit cap's
/// 10,000 entities to serve a page of twenty: as entries they took 160 KB, on the large object heap, for
/// every such request; as ordinals they take 40 KB, and the cursor is found among ints instead of by
/// reading each entity's id.
/// </summary>
public sealed class ReachedEntities : IReadOnlyList<Reached>
{
    private readonly GraphIndex index;
    private readonly int[] ordinals;
    private readonly int[] ringEnds;
    private readonly int nearest;

    /// <param name="index">The index the ordinals belong to.</param>
    /// <param name="ordinals">The kept entities' ordinals, ring after ring, each ring in ordinal (so id) order.</param>
    /// <param name="ringEnds">Where each ring ends in <paramref name="ordinals"/> (exclusive), the nearest ring first.</param>
    /// <param name="nearest">The distance of the first ring.</param>
    internal ReachedEntities(GraphIndex index, int[] ordinals, int[] ringEnds, int nearest)
    {
        this.index = index;
        this.ordinals = ordinals;
        this.ringEnds = ringEnds;
        this.nearest = nearest;
    }

    public int Count => ordinals.Length;

    public Reached this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)ordinals.Length, nameof(position));
            var ring = 0;
            while (position >= ringEnds[ring]) ring++;
            return new Reached(index.EntityAt(ordinals[position]), nearest + ring);
        }
    }

    /// <summary>The position of the entity, or -1 when it was not kept.</summary>
    public int IndexOf(EntityNode entity) => Array.IndexOf(ordinals, entity.Ordinal);

    /// <summary>The entries from a position on: a page deep in the list reads none of the entities before it.</summary>
    public IEnumerable<Reached> From(int position)
    {
        for (var i = position; i < ordinals.Length; i++) yield return this[i];
    }

    public IEnumerator<Reached> GetEnumerator() => From(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
