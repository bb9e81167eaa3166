using System.Diagnostics;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Bench;

/// <summary>
/// A restart's loading steps in one process: the seed file hashed (the snapshot must match it), the seed snapshot
/// read, then the index built from its rows with the parts it kept and without them, alternating. The first round is
/// cold (the runtime compiling, the heap growing), the later ones show each step's steady cost. The snapshot is
/// written first when there is none of this build's. Before the rounds, the live heap a restart holds is measured.
/// </summary>
internal static class SnapshotRestartTimes
{
    public static void Report(string seedFile, string snapshotFile, int rounds)
    {
        var fingerprint = SeedFingerprint.Of(seedFile);
        if (SeedSnapshotReader.Read(snapshotFile, fingerprint, out var refusal) is null)
        {
            Console.WriteLine($"writing the snapshot ({refusal})");
            WriteSnapshot(seedFile, snapshotFile, fingerprint);
        }

        LiveHeap(snapshotFile, fingerprint);
        for (var round = 1; round <= rounds; round++)
        {
            Collect();
            var clock = Stopwatch.StartNew();
            fingerprint = SeedFingerprint.Of(seedFile);
            var hashed = clock.Elapsed;
            clock.Restart();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var snapshot = SeedSnapshotReader.Read(snapshotFile, fingerprint, out refusal) ?? throw new InvalidOperationException(refusal);
            var read = clock.Elapsed;
            var readAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) >> 20;
            var (kept, keptAllocated) = Build(snapshot, snapshot.Prebuilt);
            // "Without" keeps the relationships as the snapshot gave them (the index's columns, or rows with their ends' positions)
            // and leaves out the search's suffixes and names.
            var (anew, _) = Build(snapshot, snapshot.Prebuilt with { SearchSuffixes = null, SearchNameOrder = null });
            Console.WriteLine($"round {round}: seed file hashed in {hashed.TotalSeconds:0.00} s, snapshot read in {read.TotalSeconds:0.00} s ({readAllocated} MiB allocated); index built with the kept parts in {kept.TotalSeconds:0.00} s ({keptAllocated} MiB allocated), without the search's kept orders and suffixes in {anew.TotalSeconds:0.00} s");
        }
    }

    // Its own frame, not inlined: the checked rows and their index held in the caller's frame made the live heap measured
    // next read several hundred MiB too high on a run that wrote the snapshot first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static void WriteSnapshot(string seedFile, string snapshotFile, SeedFingerprint fingerprint)
    {
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>())
            .Validate(SeedReader.ReadFile(seedFile, CancellationToken.None));
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        SeedSnapshotWriter.Write(snapshotFile, fingerprint, entities, relationships, index: index);
    }

    /// <summary>
    /// How long a build took, and how much it allocated: a restart collects nothing between the build and ready, so what
    /// it allocates, kept or not, is in the process's memory at ready.
    /// </summary>
    private static (TimeSpan Took, long AllocatedMiB) Build(SeedSnapshot snapshot, PrebuiltParts prebuilt)
    {
        Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(GraphIndex.Build(snapshot.Entities, snapshot.Relationships, snapshot.Input, prebuilt));
        return (clock.Elapsed, (GC.GetTotalAllocatedBytes(precise: true) - allocated) >> 20);
    }

    /// <summary>The live heap as a restart holds it: the snapshot's rows, then the index beside them, then the index alone, as it serves.</summary>
    private static void LiveHeap(string snapshotFile, SeedFingerprint fingerprint)
    {
        var (index, rows, withIndex) = IndexBesideRows(snapshotFile, fingerprint);
        Console.WriteLine($"live heap: the snapshot's rows {rows} MiB; with the index {withIndex} MiB; the index alone {Live()} MiB");
        GC.KeepAlive(index);
    }

    // Not inlined, so that no slot of the caller's frame keeps the rows once it returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (GraphIndex Index, long Rows, long WithIndex) IndexBesideRows(string snapshotFile, SeedFingerprint fingerprint)
    {
        var snapshot = SeedSnapshotReader.Read(snapshotFile, fingerprint, out var refusal) ?? throw new InvalidOperationException(refusal);
        var rows = Live();
        var index = GraphIndex.Build(snapshot.Entities, snapshot.Relationships, snapshot.Input, snapshot.Prebuilt);
        return (index, rows, Live());
    }

    private static long Live()
    {
        Collect();
        return GC.GetTotalMemory(true) >> 20;
    }

    private static void Collect() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
}
