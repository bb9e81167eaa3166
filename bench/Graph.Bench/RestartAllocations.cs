using Graph.Api.Import;
using Graph.Api.Index;

namespace Graph.Bench;

/// <summary>
/// What a restart allocates on its way to ready, by type: the seed snapshot read, then the index built with its kept parts.
/// A restart collects nothing between the build and ready, so all of it is in the process's memory at ready. The runtime's
/// allocation events sample one allocation every 100 KB or so, each standing for the bytes since the one before: a large
/// array is counted whole, small objects by how often they cross the mark.
/// </summary>
internal static class RestartAllocations
{
    public static void Report(string seedFile, string snapshotFile)
    {
        var fingerprint = SeedFingerprint.Of(seedFile);
        if (SeedSnapshotReader.Read(snapshotFile, fingerprint, out var refusal) is null)
        {
            Console.WriteLine($"writing the snapshot ({refusal})");
            SnapshotRestartTimes.WriteSnapshot(seedFile, snapshotFile, fingerprint);
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var sampled = new AllocationSampler();
        sampled.Step = "read";
        var snapshot = SeedSnapshotReader.Read(snapshotFile, fingerprint, out refusal) ?? throw new InvalidOperationException(refusal);
        sampled.Step = "build";
        GC.KeepAlive(GraphIndex.Build(snapshot.Entities, snapshot.Relationships, snapshot.Input, snapshot.Prebuilt));
        sampled.Step = null;
        // Events arrive on the listener's own thread a little after the fact.
        Thread.Sleep(2000);
        foreach (var step in new[] { "read", "build" })
        {
            var byType = sampled.Bytes.Where(x => x.Key.Step == step).OrderByDescending(x => x.Value).ToList();
            Console.WriteLine($"{step}: {byType.Sum(x => x.Value) >> 20} MiB sampled");
            foreach (var (key, bytes) in byType.Take(15)) Console.WriteLine($"  {bytes / (1024.0 * 1024),8:F1} MiB  {key.Type}");
        }
    }
}
