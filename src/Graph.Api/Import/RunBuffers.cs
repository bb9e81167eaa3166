using System.Collections.Concurrent;

namespace Graph.Api.Import;

/// <summary>
/// The buffers one read of a file passes its runs through (<see cref="SeedSplitter"/>): at most
/// <c>count</c> at a time, each used again once its run is read, so the file costs a few buffers'
/// worth of memory however large it is. Renting waits while all are out.
/// </summary>
internal sealed class RunBuffers(int count, int bytes) : IDisposable
{
    private readonly SemaphoreSlim free = new(count, count);
    private readonly ConcurrentBag<byte[]> returned = [];

    public byte[] Rent()
    {
        free.Wait();
        return returned.TryTake(out var buffer) ? buffer : new byte[bytes];
    }

    public void Return(byte[] buffer)
    {
        returned.Add(buffer);
        free.Release();
    }

    public void Dispose() => free.Dispose();
}
