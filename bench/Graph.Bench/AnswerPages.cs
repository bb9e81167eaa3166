using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Graph.Bench;

/// <summary>
/// How many 4 KiB pages the load run's neighbourhood reads its data from, by what lies there: each page is an entry the
/// processor's TLB must hold, and after any entry to the kernel on a machine whose kernel isolates its page tables without
/// PCID (the Firecracker VM of most rounds since 73: PTI, no pcid flag) every one of them is looked up again.
/// </summary>
/// <remarks>
/// Counts the objects and texts the answer writes and the adjacency's rows the traversal reads; not the answer's own buffer,
/// the kept nodes' slots or the row starts, which are internal to the index.
/// </remarks>
internal static class AnswerPages
{
    public static void Report()
    {
        var index = ExecutionBenchmarks.LoadLargeGraph();
        // The first answer makes the relationships' nodes; the collection then places them as a server's would be by now.
        ExecutionBenchmarks.LoadRunNeighborhood(index);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var pages = new Dictionary<string, HashSet<long>>();
        var neighborhood = ExecutionBenchmarks.LoadRunNeighborhood(index);
        foreach (var reached in neighborhood.Nodes)
        {
            Add(pages, "reached entities' nodes", AddressOf(reached.Entity), 1);
            Add(pages, "their ids' and names' text", AddressOf(reached.Entity.IdJson.Utf8), reached.Entity.IdJson.Utf8.Length);
            Add(pages, "their ids' and names' text", AddressOf(reached.Entity.NameJson.Utf8), reached.Entity.NameJson.Utf8.Length);
            Add(pages, "the answer's reached objects", AddressOf(reached), 1);
            var targets = index.Compact.OutgoingTargets(reached.Entity.Ordinal);
            Add(pages, "outgoing rows' far ends", AddressOf(MemoryMarshal.AsBytes(targets)), targets.Length * sizeof(int));
        }

        foreach (var relationship in neighborhood.Relationships)
        {
            Add(pages, "relationships' nodes", AddressOf(relationship), 1);
            Add(pages, "their ids' text", AddressOf(relationship.IdJson.Utf8), relationship.IdJson.Utf8.Length);
        }

        var all = new HashSet<long>();
        foreach (var (what, set) in pages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-30} {set.Count,6} pages"));
            all.UnionWith(set);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"all",-30} {all.Count,6} pages, for {neighborhood.Nodes.Count} entities and {neighborhood.Relationships.Count} relationships"));
    }

    // Every page from the first byte's to the last's.
    private static void Add(Dictionary<string, HashSet<long>> pages, string what, nint address, int bytes)
    {
        if (!pages.TryGetValue(what, out var set)) pages[what] = set = [];
        for (var page = address >> 12; page <= (address + Math.Max(bytes, 1) - 1) >> 12; page++) set.Add(page);
    }

    // Where an object lies now (the collection above is the last one this process makes before reading it).
    private static nint AddressOf(object value) => Unsafe.As<object, nint>(ref value);

    private static unsafe nint AddressOf(ReadOnlySpan<byte> bytes) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(bytes));
}
