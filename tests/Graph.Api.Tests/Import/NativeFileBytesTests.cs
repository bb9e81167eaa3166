using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>A seed snapshot's bytes are read outside the collector's heap: the same bytes, parts only within them, nothing after disposal.</summary>
public sealed class NativeFileBytesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("graph-native-bytes-").FullName;

    [Fact]
    public void The_file_s_bytes_are_read_whole_and_a_part_is_read_as_a_stream()
    {
        var path = Path.Combine(folder, "file");
        var written = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, written);

        using var bytes = NativeFileBytes.Read(path);
        using var part = new BinaryReader(bytes.Slice(10, 20));

        Assert.Equal(written, bytes.Span.ToArray());
        Assert.Equal(written[10..30], part.ReadBytes(100));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(0, 11)]
    [InlineData(10, 1)]
    [InlineData(11, 0)]
    [InlineData(5, int.MaxValue)]
    public void A_part_outside_the_bytes_is_refused(int offset, int length)
    {
        var path = Path.Combine(folder, "ten");
        File.WriteAllBytes(path, new byte[10]);
        using var bytes = NativeFileBytes.Read(path);

        Assert.Throws<ArgumentOutOfRangeException>(() => bytes.Slice(offset, length));
    }

    [Fact]
    public void An_empty_file_has_no_bytes_and_disposed_bytes_cannot_be_read()
    {
        var path = Path.Combine(folder, "empty");
        File.WriteAllBytes(path, []);
        var bytes = NativeFileBytes.Read(path);
        Assert.Equal(0, bytes.Span.Length);

        bytes.Dispose();

        Assert.Throws<ObjectDisposedException>(() => bytes.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => bytes.Slice(0, 0));
        bytes.Dispose();
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        Assert.Throws<FileNotFoundException>(() => NativeFileBytes.Read(Path.Combine(folder, "none")));
        Assert.Throws<UnauthorizedAccessException>(() => NativeFileBytes.Read(folder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
