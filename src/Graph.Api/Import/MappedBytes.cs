using System.Buffers;

namespace Graph.Api.Import;

/// <summary>
/// A stretch of a mapped seed snapshot (<see cref="MappedSnapshot"/>) as memory that spans and texts can slice
/// (<see cref="MemoryManager{T}.Memory"/>), like an array's: the relationships' ids' JSON text, which a restart leaves in the file instead of
/// copying it into the heap (<see cref="Index.JsonText"/>).
/// </summary>
/// <remarks>The mapping is never undone, so nothing needs pinning and there is nothing to dispose.</remarks>
internal sealed unsafe class MappedBytes(byte* start, int length) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => new(start, length);

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
