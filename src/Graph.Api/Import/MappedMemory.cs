using System.Buffers;

namespace Graph.Api.Import;

/// <summary>
/// A stretch of a mapped seed snapshot (<see cref="MappedSnapshot"/>) as memory that spans can slice
/// (<see cref="MemoryManager{T}.Memory"/>), like an array's: the relationships' ids' JSON text (<see cref="Index.JsonText"/>) and
/// the lists of relationships citing each document (<see cref="Index.CitedList"/>), which a restart leaves in the file instead of
/// copying them into the heap.
/// </summary>
/// <remarks>The mapping is never undone, so nothing needs pinning and there is nothing to dispose.</remarks>
internal sealed unsafe class MappedMemory<T>(T* start, int length) : MemoryManager<T>
    where T : unmanaged
{
    public override Span<T> GetSpan() => new(start, length);

    public override MemoryHandle Pin(int elementIndex = 0) =>
        (uint)elementIndex <= (uint)length ? new MemoryHandle(start + elementIndex) : throw new ArgumentOutOfRangeException(nameof(elementIndex));

    public override void Unpin()
    {
        // Mapped memory does not move.
    }

    protected override void Dispose(bool disposing)
    {
        // The mapping lives as long as the process.
    }
}
