using System.IO.MemoryMappedFiles;
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
internal static unsafe class MappedSnapshot
{
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
}
