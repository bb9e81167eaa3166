using System.Runtime;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// Loads the graph in the background while the service already answers liveness checks: seeds an
/// empty store, or builds the index from a store that has data. Until the index is swapped in,
/// /health/ready fails and GraphQL requests get 503 NOT_READY. A seed that cannot be loaded stops the host.
/// </summary>
internal sealed partial class GraphStartup(
    GraphStore store, GraphImporter importer, IOptions<SeedOptions> seed, IOptions<StorageOptions> storage, ILogger<GraphStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (storage.Value.Provider == "InMemory")
        {
            LogNotDurable(logger);
        }

        var path = Path.IsPathRooted(seed.Value.Path) ? seed.Value.Path : Path.Combine(AppContext.BaseDirectory, seed.Value.Path);
        // Read in its own method, and used before the first await below: a local that lived across an
        // await would keep the parsed file alive until the store is written.
        var file = seed.Value.Enabled ? await ReadSeedIfEmptyAsync(path, started, cancellationToken) : null;
        if (file is not null)
        {
            var (entities, relationships) = await importer.ImportAsync(file, cancellationToken);
            LogSeeded(logger, entities, relationships, path, started.Elapsed.TotalSeconds);
        }
        else
        {
            await importer.RebuildIndexAsync(cancellationToken);
        }

        // Loading leaves the parsed file, the records and the save's change tracking behind as garbage;
        // one full, compacting collection now returns that memory instead of carrying it until the next
        // one. It must run after the import's own frame has unwound: this continuation runs inline,
        // inside the import's completion, whose state (the save's context) is only let go when that
        // frame returns.
        await Task.Yield();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LogLoaded(logger, started.Elapsed.TotalSeconds, GC.GetTotalMemory(false) / (1024 * 1024));
    }

    /// <summary>
    /// The seed, read while the store is asked whether it is empty: EF Core's first query takes most of a
    /// second while the runtime compiles it, and an in-memory store (the only kind) is empty at start.
    /// Null when the store has data; the read is then let go, a failure of it ignored as before.
    /// </summary>
    private async Task<SeedFile?> ReadSeedIfEmptyAsync(string path, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        var reading = Task.Run(() => ReadSeed(path, started, cancellationToken), cancellationToken);
        if (await store.IsEmptyAsync(cancellationToken)) return await reading;
        _ = reading.ContinueWith(static read => read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return null;
    }

    private SeedFile ReadSeed(string path, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        var file = SeedReader.ReadFile(path, cancellationToken);
        LogRead(logger, path, started.Elapsed.TotalSeconds);
        return file;
    }

    [LoggerMessage(LogLevel.Information, "Graph loaded (index and store) after {Seconds:0.00} s; live managed heap {HeapMiB} MiB.")]
    private static partial void LogLoaded(ILogger logger, double seconds, long heapMiB);

    [LoggerMessage(LogLevel.Information, "Read the seed file {Path} {Seconds:0.00} s after start.")]
    private static partial void LogRead(ILogger logger, string path, double seconds);

    [LoggerMessage(LogLevel.Warning, "The store is the in-memory provider: the graph is not durable and is lost when the service stops.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Seeded {Entities} entities and {Relationships} relationships from {Path}; the store was written {Seconds:0.00} s after start (the index was ready before).")]
    private static partial void LogSeeded(ILogger logger, int entities, int relationships, string path, double seconds);
}
