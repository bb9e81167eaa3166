using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Graph.Api.Import;

/// <summary>
/// A 128-bit hash of bytes that every core can work on: the bytes are cut into pieces of <see cref="PieceBytes"/>, each
/// piece is hashed with XxHash128 on its own, and the pieces' hashes, in order, are hashed again with the bytes' length.
/// </summary>
/// <remarks>
/// A restart hashes the seed file (180 MB for a million relationships) and the snapshot (93 MB) while the hashing library's
/// code is still the runtime's first, unoptimised compilation. Each in one piece, that took 250 and 110 ms of one core, one
/// after the other, with the other core idle once the host had started; in pieces both cores take a share, beside the
/// snapshot's parse (<see cref="SeedSnapshotReader"/>; bench/HISTORY.md, round 64).
/// </remarks>
internal static class PiecewiseHash
{
    public const int PieceBytes = 4 << 20;

    // What one read of a file takes: a piece is read and hashed in a few of these.
    private const int ReadBytes = 1 << 20;

    /// <summary>
    /// The hash of the file's bytes from <paramref name="start"/> to <paramref name="end"/>. A file cut short meanwhile gives
    /// the hash of what each piece still held, which matches nothing written from the whole file.
    /// </summary>
    public static UInt128 Of(SafeFileHandle file, long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        var pieces = new UInt128[(end - start + PieceBytes - 1) / PieceBytes];
        Parallel.For(0, pieces.Length, piece =>
        {
            var (from, to) = (start + (long)piece * PieceBytes, Math.Min(end, start + (long)(piece + 1) * PieceBytes));
            var hash = new XxHash128();
            var buffer = ArrayPool<byte>.Shared.Rent(ReadBytes);
            try
            {
                for (var at = from; at < to;)
                {
                    var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(ReadBytes, to - at)), at);
                    if (read == 0) break;
                    hash.Append(buffer.AsSpan(0, read));
                    at += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            pieces[piece] = hash.GetCurrentHashAsUInt128();
        });
        return Combined(pieces, end - start);
    }

    /// <summary>The hash of <paramref name="bytes"/>, as <see cref="Of(SafeFileHandle, long, long)"/> gives it for the same bytes in a file.</summary>
    public static UInt128 Of(ReadOnlySpan<byte> bytes)
    {
        var pieces = new UInt128[(bytes.Length + PieceBytes - 1) / PieceBytes];
        for (var piece = 0; piece < pieces.Length; piece++)
        {
            pieces[piece] = XxHash128.HashToUInt128(bytes.Slice(piece * PieceBytes, Math.Min(PieceBytes, bytes.Length - piece * PieceBytes)));
        }

        return Combined(pieces, bytes.Length);
    }

    private static UInt128 Combined(UInt128[] pieces, long length)
    {
        var whole = new XxHash128();
        Span<byte> value = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(value, length);
        whole.Append(value[..8]);
        foreach (var piece in pieces)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(value, piece);
            whole.Append(value);
        }

        return whole.GetCurrentHashAsUInt128();
    }
}
