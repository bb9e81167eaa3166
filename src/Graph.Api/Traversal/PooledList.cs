using System.Buffers;
using System.Runtime.CompilerServices;

namespace Graph.Api.Traversal;

/// <summary>
/// A list for one traversal's scratch, in an array rented from the shared pool: it grows by renting a larger array and
/// gives its array back on dispose, so a traversal run thousands of times a second leaves no garbage of its own. An
/// array of items that hold references is cleared as it goes back, so the pool keeps no node alive, nor through it an
/// index no longer served.
/// </summary>
internal sealed class PooledList<T>(int capacity) : IDisposable
{
    private T[] items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));

    public int Count { get; private set; }

    public T this[int index] => (uint)index < (uint)Count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(T item)
    {
        if (Count == items.Length) Grow();
        items[Count++] = item;
    }

    /// <summary>The items, in the order added.</summary>
    public ReadOnlySpan<T> AsSpan() => items.AsSpan(0, Count);

    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        (items, Count) = ([], 0);
    }

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(items.Length * 2);
        AsSpan().CopyTo(bigger);
        ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        items = bigger;
    }
}
