using System.Runtime;
using Graph.Api.Index;
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
    GraphStore store, GraphImporter importer, SeedSnapshots snapshots, IOptions<SeedOptions> seed, IOptions<StorageOptions> storage,
    IHostApplicationLifetime lifetime, ILogger<GraphStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var path = SeedOptions.InApplicationFolder(seed.Value.Path);
        try
        {
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
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (storage.Value.Provider == "InMemory")
        {
            LogNotDurable(logger);
        }

        var path = SeedOptions.InApplicationFolder(seed.Value.Path);
        // Read and checked in its own method, so the parsed file is let go once checked, and the rows handed
        // on before the first await below: a local that lived across an await would keep them alive until
        // the store is written.
        var load = seed.Value.Enabled ? await ReadSeedIfEmptyAsync(path, started, cancellationToken) : null;
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
    /// The seed, read and checked while a durable store is asked whether it is empty: EF Core's first
    /// query takes a good part of a second while the runtime compiles it, so for a small seed the check
    /// is then already done (the in-memory store, the only kind today, is not asked:
    /// <see cref="GraphStore.IsEmptyAtStartAsync"/>). Null when the store has data; the read is then
    /// stopped and let go, a failure of it ignored as before.
    /// </summary>
    private async Task<SeedLoad?> ReadSeedIfEmptyAsync(string path, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        using var notNeeded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadSeed(path, started, notNeeded.Token), notNeeded.Token);
        if (await store.IsEmptyAtStartAsync(cancellationToken)) return await reading;
        await notNeeded.CancelAsync();
        _ = reading.ContinueWith(static read => read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return null;
    }

    /// <summary>
    /// The seed's rows from its snapshot when one matches the file and this build; otherwise the file
    /// read as JSON and checked, with the fingerprint a snapshot of it is to carry (none when snapshots
    /// are off, or when the file changed while it was read). Either way, with what the index can take
    /// as it is (<see cref="PrebuiltParts"/>).
    /// </summary>
    private SeedLoad ReadSeed(string path, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        if (snapshots.Path is null)
        {
            var (checkedRows, checkedParts) = importer.ValidateForEmptyStore(ReadJson(path, started, cancellationToken));
            return new CheckedSeed(checkedRows.Entities, checkedRows.Relationships, null, checkedParts);
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (snapshots.Read(path, started, out var fingerprint) is { } snapshot) return new SnapshotSeed(snapshot);
        var file = ReadJson(path, started, cancellationToken);
        var unchanged = File.GetLastWriteTimeUtc(path) == written && new FileInfo(path).Length == fingerprint.Length;
        if (!unchanged) LogChangedWhileRead(logger, path);
        var (rows, prebuilt) = importer.ValidateForEmptyStore(file);
        return new CheckedSeed(rows.Entities, rows.Relationships, unchanged ? fingerprint : null, prebuilt);
    }

    private SeedFile ReadJson(string path, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        var file = SeedReader.ReadFile(path, cancellationToken);
        LogRead(logger, path, started.Elapsed.TotalSeconds);
        return file;
    }

    /// <summary>The seed's checked rows, from its JSON (<see cref="CheckedSeed"/>) or from a matching snapshot (<see cref="SnapshotSeed"/>).</summary>
    private abstract record SeedLoad
    {
        /// <summary>Starts indexing the rows and writing them into the store.</summary>
        public abstract Task<(int Entities, int Relationships)> ImportAsync(GraphImporter importer, SeedSnapshots snapshots, CancellationToken cancellationToken);
    }

    /// <summary>
    /// The rows of the seed's JSON as checked, with the ends the check found, and the fingerprint for a snapshot of them
    /// if one is to be kept: it is written from these rows once the index is built, before the store.
    /// </summary>
    private sealed record CheckedSeed(List<EntityRecord> Entities, List<RelationshipRecord> Relationships, SeedFingerprint? Fingerprint, PrebuiltParts Prebuilt)
        : SeedLoad
    {
        public override Task<(int Entities, int Relationships)> ImportAsync(GraphImporter importer, SeedSnapshots snapshots, CancellationToken cancellationToken) =>
            importer.ImportValidatedAsync(RecordMapping.ToEntities(Entities), Relationships, RecordMapping.ForIndex(), cancellationToken,
                Fingerprint is { } fingerprint ? index => snapshots.Keep(fingerprint, Entities, Relationships, index) : null, Prebuilt);
    }

    /// <summary>The rows of a snapshot that matches the seed file and this build, with the parts of the index it kept.</summary>
    private sealed record SnapshotSeed(SeedSnapshot Snapshot) : SeedLoad
    {
        public override Task<(int Entities, int Relationships)> ImportAsync(GraphImporter importer, SeedSnapshots snapshots, CancellationToken cancellationToken) =>
            importer.ImportValidatedAsync(Snapshot.Entities, Snapshot.Relationships, Snapshot.Input, cancellationToken, prebuilt: Snapshot.Prebuilt);
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

    [LoggerMessage(LogLevel.Information, "Read the seed file {Path} {Seconds:0.00} s after start.")]
    private static partial void LogRead(ILogger logger, string path, double seconds);

    [LoggerMessage(LogLevel.Warning, "The seed file {Path} changed while it was read: no snapshot is kept of it this time.")]
    private static partial void LogChangedWhileRead(ILogger logger, string path);

    [LoggerMessage(LogLevel.Warning, "The store is the in-memory provider: the graph is not durable and is lost when the service stops.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Seeded {Entities} entities and {Relationships} relationships from {Path}; the store was written {Seconds:0.00} s after start (the index was ready before).")]
    private static partial void LogSeeded(ILogger logger, int entities, int relationships, string path, double seconds);
}
