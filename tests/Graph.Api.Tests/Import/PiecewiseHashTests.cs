using System.IO.Hashing;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The hash that snapshots and seed fingerprints carry: worked out on every core from a file, and the same as the hash of
/// the same bytes in memory, whatever the length and wherever the range starts; any byte changed, or a byte more, changes it.
/// </summary>
public sealed class PiecewiseHashTests : IDisposable
{
    private const int Piece = PiecewiseHash.PieceBytes;

    private readonly string folder = Directory.CreateTempSubdirectory("graph-piecewise-hash-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Piece - 1)]
    [InlineData(Piece)]
    [InlineData(Piece + 1)]
    [InlineData(3 * Piece + 12_345)]
    public void A_file_s_range_hashes_as_the_same_bytes_in_memory(int length)
    {
        const int start = 77;
        var bytes = Bytes(start + length + 5);
        var path = Write(bytes);

        using var file = File.OpenHandle(path);
        var fromFile = PiecewiseHash.Of(file, start, start + length);

        Assert.Equal(PiecewiseHash.Of(bytes.AsSpan(start, length)), fromFile);
    }

    [Fact]
    public void Any_byte_changed_or_added_changes_the_hash()
    {
        var bytes = Bytes(2 * Piece + 100);
        var hash = PiecewiseHash.Of(bytes);

        foreach (var at in new[] { 0, Piece - 1, Piece, 2 * Piece + 99 })
        {
            var changed = (byte[])bytes.Clone();
            changed[at] ^= 1;
            Assert.NotEqual(hash, PiecewiseHash.Of(changed));
        }

        Assert.NotEqual(hash, PiecewiseHash.Of([.. bytes, 0]));
        // Not the plain hash of the bytes: a snapshot of the format before is not taken for one of this.
        Assert.NotEqual(XxHash128.HashToUInt128(bytes), hash);
    }

    [Fact]
    public void Two_pieces_swapped_change_the_hash()
    {
        var bytes = Bytes(2 * Piece);
        var swapped = bytes[Piece..].Concat(bytes[..Piece]).ToArray();

        Assert.NotEqual(PiecewiseHash.Of(bytes), PiecewiseHash.Of(swapped));
    }

    [Fact]
    public void A_file_cut_short_gives_the_hash_of_what_it_holds_and_no_error()
    {
        var bytes = Bytes(Piece + 10);
        var path = Write(bytes);

        using var file = File.OpenHandle(path);
        var hash = PiecewiseHash.Of(file, 0, bytes.Length + Piece);

        Assert.NotEqual(PiecewiseHash.Of(bytes), hash);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
