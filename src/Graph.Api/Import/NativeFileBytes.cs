using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Graph.Api.Import;

/// <summary>
/// A file's bytes read whole into memory outside the collector's heap, and given back to the system when disposed.
/// </summary>
/// <remarks>
/// A seed snapshot is read whole and parsed once. As a managed array (66 MB for a million relationships) it was freed by the
/// collection before the index build, but in about half of the restarts measured some of the arrays parsed from it had
/// been placed in the rest of its region of the heap, which then could not be given back: 45 MiB more in use at ready.
/// Memory of this size comes from the system's allocator as a mapping of its own, unmapped when freed. The bytes are
/// a copy, so a file changed or cut short meanwhile cannot take them away (mapping the file itself could): a seed snapshot's
/// index columns are mapped (<see cref="MappedSnapshot"/>), and the rest of it read so.
/// </remarks>
internal sealed unsafe class NativeFileBytes : IDisposable
{
    private byte* start;

    private NativeFileBytes(byte* start, int length)
    {
        this.start = start;
        Length = length;
    }

    public int Length { get; }

    /// <summary>All the bytes.</summary>
    public ReadOnlySpan<byte> Span => new(Start, Length);

    /// <summary>Reads the whole file; one of more than 2 GB is refused, as <see cref="File.ReadAllBytes"/> refuses it.</summary>
    public static NativeFileBytes Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        return Read(file, RandomAccess.GetLength(file));
    }

    /// <summary>Reads the first <paramref name="length"/> bytes of an open file (fewer if it is shorter now); more than 2 GB is refused, as <see cref="File.ReadAllBytes"/> refuses it.</summary>
    public static NativeFileBytes Read(SafeFileHandle file, long length)
    {
        if (length > Array.MaxLength) throw new IOException($"The file is {length} bytes long, more than can be read at once.");
        var start = (byte*)NativeMemory.Alloc((nuint)Math.Max(length, 1));
        try
        {
            // Up to the length found at the start: a file that changed meanwhile fails its checks.
            var read = 0;
            while (read < length && RandomAccess.Read(file, new Span<byte>(start + read, (int)length - read), read) is var count and > 0) read += count;
            return new NativeFileBytes(start, read);
        }
        catch
        {
            NativeMemory.Free(start);
            throw;
        }
    }

    /// <summary>A stream over a part of the bytes, which must lie within them; valid until this is disposed.</summary>
    public Stream Slice(int offset, int length)
    {
        // The parts come from the file's own counts: one that lies outside is refused here, as an array's stream refuses it.
        if (offset < 0 || length < 0 || length > Length - offset) throw new ArgumentOutOfRangeException(nameof(length), "The part lies outside the file.");
        return new UnmanagedMemoryStream(Start + offset, length);
    }

    public void Dispose()
    {
        NativeMemory.Free(start);
        start = null;
    }

    private byte* Start => start != null ? start : throw new ObjectDisposedException(nameof(NativeFileBytes));
}
