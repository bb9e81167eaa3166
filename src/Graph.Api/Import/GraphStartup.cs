using System.Runtime;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// Loads the graph in the background while the service already answers liveness checks: seeds an
/// empty store, or builds the index from a store that has data. Until the index is swapped in,
/// /health/ready fails and GraphQL requests get 503 NOT_READY. A seed that cannot be loaded stops the host,
/// and the process ends with exit code 1.
/// With seed snapshots on, the seed's rows come from a matching snapshot, or a snapshot is kept of them.
/// </summary>
internal sealed partial class GraphStartup(
    GraphStore store, GraphImporter importer, SeedRead read, SeedSnapshots snapshots, IOptions<SeedOptions> seed, IOptions<StorageOptions> storage,
    IHostApplicationLifetime lifetime, ILogger<GraphStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var path = seed.Value.SeedFile();
        try
        {
            await using var stopReading = cancellationToken.Register(read.Stop);
            await LoadAsync(cancellationToken);
        }
        catch (Exception refused) when (!cancellationToken.IsCancellationRequested && SeedRefusal(refused, path) is { } reason)
        {
            // The operator's mistake, not the program's: what is wrong with the file, every problem found, and no stack trace.
            LogSeedRefused(logger, path, reason);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Thrown on, this stops the host (BackgroundServiceExceptionBehavior.StopHost), which then ends the
            // process with exit code 0 (dotnet/runtime#67146). A graph that could not be loaded is a failed
            // start, and whatever supervises the service (systemd, Kubernetes, a script) must be told so.
            Environment.ExitCode = 1;
            throw;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Begun with the seed's read, if that began before the loader.
        var started = read.Started;
        started.Start();
        if (storage.Value.Provider == "InMemory")
        {
            LogNotDurable(logger);
        }

        var path = seed.Value.SeedFile();
        // Read and checked in its own method, so the parsed file is let go once checked, and the rows handed
        // on before the first await below: a local that lived across an await would keep them alive until
        // the store is written.
        var load = seed.Value.Enabled ? await ReadSeedIfEmptyAsync(cancellationToken) : null;
        var importing = load?.ImportAsync(importer, snapshots, cancellationToken);
        load = null;
        if (importing is not null)
        {
            var (entities, relationships) = await importing;
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
    /// The seed, read and checked (<see cref="SeedRead"/>) while a durable store is asked whether it is empty: EF Core's
    /// first query takes a good part of a second while the runtime compiles it, so for a small seed the check is then
    /// already done (the in-memory store, the only kind today, is not asked: <see cref="GraphStore.IsEmptyAtStartAsync"/>).
    /// Null when the store has data; the read is then stopped and let go, a failure of it ignored as before.
    /// </summary>
    private async Task<SeedRead.SeedLoad?> ReadSeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var rows = read.Take();
        if (await store.IsEmptyAtStartAsync(cancellationToken)) return await rows;
        read.Stop();
        _ = rows.ContinueWith(static stopped => stopped.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return null;
    }

    /// <summary>Why the seed file could not be loaded, when the file itself is the reason; null for a fault of the program.</summary>
    private static string? SeedRefusal(Exception exception, string path) => exception switch
    {
        ImportRejectedException rejected => $"it was refused, and nothing of it loaded. {rejected.Errors.Count} problem(s)"
            + (rejected.Errors.Count == GraphImportValidator.MaxErrors ? $" (the first {GraphImportValidator.MaxErrors} found)" : "") + ":"
            + string.Concat(rejected.Errors.Select(error => $"{Environment.NewLine}  {error.Path}: {error.Message} ({error.Code})")),
        FileNotFoundException or DirectoryNotFoundException => "there is no such file.",
        // Opening a folder as a file is refused as access denied, which would send the operator to its permissions.
        UnauthorizedAccessException when Directory.Exists(path) => "it is a folder, not a file.",
        IOException or UnauthorizedAccessException => $"it cannot be read ({exception.Message}).",
        _ => null,
    };

    [LoggerMessage(LogLevel.Critical, "The seed file {Path} was not loaded, so the service stops: {Reason}")]
    private static partial void LogSeedRefused(ILogger logger, string path, string reason);

    [LoggerMessage(LogLevel.Information, "Graph loaded (index and store) after {Seconds:0.00} s; live managed heap {HeapMiB} MiB.")]
    private static partial void LogLoaded(ILogger logger, double seconds, long heapMiB);

    [LoggerMessage(LogLevel.Warning, "The store is the in-memory provider: the graph is not durable and is lost when the service stops.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Seeded {Entities} entities and {Relationships} relationships from {Path}; the store was written {Seconds:0.00} s after start (the index was ready before).")]
    private static partial void LogSeeded(ILogger logger, int entities, int relationships, string path, double seconds);
}
