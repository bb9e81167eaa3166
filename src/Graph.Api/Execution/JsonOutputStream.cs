namespace Graph.Api.Execution;

/// <summary>
/// A stream that appends what is written to a <see cref="JsonOutput"/>, so the engine's serializer can
/// write its answer into the same pooled buffer a compiled plan writes into, and the answer be complete
/// in memory before it is sent. Write-only.
/// </summary>
internal sealed class JsonOutputStream(JsonOutput output) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => output.WrittenCount;

    public override long Position
    {
        get => output.WrittenCount;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer) => output.WriteRaw(buffer);

    public override void Write(byte[] buffer, int offset, int count) => output.WriteRaw(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        output.WriteRaw(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
