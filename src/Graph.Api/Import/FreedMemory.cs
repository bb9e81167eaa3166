using System.Runtime;

namespace Graph.Api.Import;

/// <summary>Gives the memory a load has let go back to the system, once, at the points where a load leaves most of it.</summary>
internal static class FreedMemory
{
    /// <summary>
    /// One full, blocking collection that compacts the large objects too and decommits what it frees, so the process's
    /// resident memory is what is live rather than what the load once touched.
    /// </summary>
    public static void Return()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
