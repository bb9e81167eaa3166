using System.Diagnostics;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Bench;

/// <summary>Time of each loading step, and the live managed heap after it (measured after a full blocking collection).</summary>
internal static class MemoryFootprint
{
    public static void Report(string file)
    {
        var baseline = Live();
        var collections = Collections.Start();
        var clock = Stopwatch.StartNew();
        var seed = SeedReader.ReadFile(file, CancellationToken.None);
        var readTime = clock.Elapsed;
        var readCollections = collections.Stop();
        Console.WriteLine($"parsed import file      {Live() - baseline,6} MiB  read in {readTime.TotalSeconds:0.00} s ({readCollections})");
        collections = Collections.Start();
        clock.Restart();
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(seed);
        var validateTime = clock.Elapsed;
        var validateCollections = collections.Stop();
        var afterRecords = Live();
        Console.WriteLine($"+ validated records     {afterRecords - baseline,6} MiB  validated in {validateTime.TotalSeconds:0.00} s ({validateCollections})");
        seed = null;
        GC.KeepAlive(seed);
        var recordsOnly = Live();
        Console.WriteLine($"records alone           {recordsOnly - baseline,6} MiB");
        collections = Collections.Start();
        clock.Restart();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity).ToArray(), relationships, RecordMapping.ForIndex());
        Console.WriteLine($"index built in {clock.Elapsed.TotalSeconds:0.00} s ({collections.Stop()})");
        Console.WriteLine($"+ index                 {Live() - baseline,6} MiB (index alone {Live() - recordsOnly} MiB, sharing strings with the records)");
        GC.KeepAlive(index);
        GC.KeepAlive(entities);
        GC.KeepAlive(relationships);
    }

    /// <summary>The collections during one step: how many of each generation, how long they paused the program, and how much it allocated.</summary>
    private readonly record struct Collections(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
    {
        public static Collections Start() =>
            new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));

        public string Stop() =>
            $"collections gen0/1/2 {GC.CollectionCount(0) - Gen0}/{GC.CollectionCount(1) - Gen1}/{GC.CollectionCount(2) - Gen2}, paused {(GC.GetTotalPauseDuration() - Paused).TotalSeconds:0.00} s, " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - Allocated) >> 20} MiB";
    }

    private static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(true) / (1024 * 1024);
    }
}
