using Microsoft.Extensions.ObjectPool;

namespace Graph.Api.Traversal;

/// <summary>
/// Per-entity scratch for one traversal, indexed by ordinal: a value (reachability's distance, or the
/// distances from both ends that simple paths pack into one). The arrays are reused; a generation number tells this
/// traversal's marks from older ones, so starting a traversal clears nothing and its cost follows the
/// entities it touches, not the size of the graph. A traversal takes a set of arrays for its duration
/// and gives it back on dispose.
/// </summary>
/// <remarks>
/// The spare sets are shared by every thread, not kept one per thread: the thread pool retires idle
/// threads and starts new ones all the time under load (its 40 threads changed by up to 6 every 10 s of a soak run), and each
/// new thread's first traversal allocated a set anew, 1.6 MB for 100k entities then (800 KB now) on the large object heap,
/// which only a full collection frees (bench/HISTORY.md, round 33). Beyond the pool's spares, a set given
/// back is left to the collector.
/// </remarks>
internal sealed class EntityMarks : IDisposable
{
    // At least as many spares as traversals may run at once: the lanes let 18 requests run together by
    // default (16 cheap, 2 expensive; Graph:Limits), and a slow traversal holds its set for the whole
    // request. With 8 spares, 16 clients asking for simple paths went through new sets faster than full
    // collections freed them (four full collections in 45 s); with 32, none (bench/HISTORY.md, round 33).
    private const int SpareSets = 32;
    private static readonly DefaultObjectPool<EntityMarks> Spares = new(new Policy(), SpareSets);

    private int[] generations = [];
    private int[] values = [];
    private int generation;

    private EntityMarks()
    {
    }

    public static EntityMarks Rent(int entityCount)
    {
        var marks = Spares.Get();
        marks.Begin(entityCount);
        return marks;
    }

    /// <summary>The entity's value, 0 when this traversal has not marked it.</summary>
    public int this[int entity] => generations[entity] == generation ? values[entity] : 0;

    public bool IsMarked(int entity) => generations[entity] == generation;

    public void Set(int entity, int value)
    {
        generations[entity] = generation;
        values[entity] = value;
    }

    public void Dispose() => Spares.Return(this);

    private void Begin(int entityCount)
    {
        if (generations.Length < entityCount)
        {
            generations = new int[entityCount];
            values = new int[entityCount];
            generation = 0;
        }

        if (generation == int.MaxValue)
        {
            Array.Clear(generations);
            generation = 0;
        }

        generation++;
    }

    private sealed class Policy : IPooledObjectPolicy<EntityMarks>
    {
        public EntityMarks Create() => new();

        public bool Return(EntityMarks obj) => true;
    }
}
