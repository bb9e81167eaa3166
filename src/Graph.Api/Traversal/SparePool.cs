namespace Graph.Api.Traversal;

/// <summary>
/// A few spare scratch objects shared by every thread: taken for one traversal, given back after it.
/// Kept here rather than one per thread because the thread pool retires idle threads and starts new
/// ones all the time under load, and each new thread's first traversal then allocated its scratch anew
/// (1.6 MB of <see cref="EntityMarks"/> for 100k entities, on the large object heap, which only a full
/// collection frees). Beyond <c>capacity</c> spares, what is given back is left to the collector.
/// <see cref="EntityBits"/> (12.5 KB) stays one per thread: shared, the neighbourhood served fewer
/// answers in 3 of 4 alternating pairs, as each thread's bits no longer stayed in its core's caches.
/// </summary>
internal sealed class SparePool<T>(int capacity)
    where T : class
{
    private readonly T?[] spares = new T?[capacity];

    /// <summary>A spare, now the caller's alone, or null when none is left.</summary>
    public T? Take()
    {
        var first = FirstSlot();
        for (var n = 0; n < spares.Length; n++)
        {
            var i = (first + n) % spares.Length;
            if (Volatile.Read(ref spares[i]) is not null && Interlocked.Exchange(ref spares[i], null) is { } spare) return spare;
        }

        return null;
    }

    /// <summary>Keeps the object for the next <see cref="Take"/> if a slot is free.</summary>
    public void Give(T spare)
    {
        var first = FirstSlot();
        for (var n = 0; n < spares.Length; n++)
        {
            if (Interlocked.CompareExchange(ref spares[(first + n) % spares.Length], spare, null) is null) return;
        }
    }

    // Each core looks first where it left its last spare, whose lines may still be in that core's caches.
    private int FirstSlot() => Thread.GetCurrentProcessorId() % spares.Length;
}
