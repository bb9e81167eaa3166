using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Graph.Api.Import;

/// <summary>
/// A seed snapshot's file mapped into memory, read-only, for the rest of the process's life: the index's columns are read
/// where they lie (<see cref="SnapshotColumns"/>). Its pages are the file's own, which the system reads in as requests touch
/// them and may drop again under pressure, not a private copy; a second process on the same file shares them.
/// </summary>
/// <remarks>
/// A mapping is never undone: an index's columns point into it, and a span a request still reads must not outlive it. A
/// process maps one snapshot a start. The file is mapped through the handle it was checked through, so a snapshot written
/// meanwhile (under another name, then moved over it, as <see cref="SeedSnapshotWriter"/> writes) does not change what is
/// mapped. A file cut short in place while mapped would stop the process at the first read past its end, as for any
/// program that maps a file: the service never writes a snapshot in place, and nothing else should.
/// </remarks>
internal static unsafe partial class MappedSnapshot
{
    // MADV_DONTNEED on Linux: the pages leave the process's page tables; a file's stay in the system's cache.
    private const int DontNeed = 4;

    private static readonly List<(MemoryMappedFile File, MemoryMappedViewAccessor View)> Kept = [];

    /// <summary>Maps the first <paramref name="length"/> bytes of the open file and gives where they start.</summary>
    public static byte* Map(SafeFileHandle file, long length)
    {
        var mapping = MemoryMappedFile.CreateFromFile(file, mapName: null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        lock (Kept) Kept.Add((mapping, view));
        return start + view.PointerOffset;
    }

    /// <summary>
    /// Gives the whole pages of a mapped range back to the file: the next read of them finds them in the system's cache, or
    /// reads them from the file again. For a check that reads a column once before ready, whose pages would otherwise count
    /// in the process's memory as if requests used them. Only on Linux, where the call is known; elsewhere nothing happens.
    /// </summary>
    public static void LetGo(void* start, long length)
    {
        if (!OperatingSystem.IsLinux()) return;
        var page = Environment.SystemPageSize;
        var first = ((long)start + page - 1) / page * page;
        var end = ((long)start + length) / page * page;
        if (end > first) _ = Advise((nint)first, (nuint)(end - first), DontNeed);
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Advise(nint address, nuint length, int advice);
}
