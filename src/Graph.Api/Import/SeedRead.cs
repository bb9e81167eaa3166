using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// The seed's read and check, on a thread of its own, begun as soon as the settings are checked (Program), or for a restart
/// from a snapshot before the host is even built (<see cref="EarlySeedRead"/>): it then runs beside the host's own start,
/// a third of a restart's time to ready, instead of after it. It needs nothing the store or
/// the host is made of, so it begins before those are built. The loader (<see cref="GraphStartup"/>) takes what it read,
/// or stops it when the store turns out to hold data already; the host stops it when it stops.
/// </summary>
internal sealed partial class SeedRead : IDisposable
{
    private readonly SeedSnapshots snapshots;
    private readonly ILogger<SeedRead> logger;
    private readonly CancellationTokenSource notNeeded = new();
    private readonly Lock gate = new();
    private readonly string path;
    private readonly bool enabled;
    private Task<SeedLoad>? reading;
    private bool taken;

    public SeedRead(SeedSnapshots snapshots, IOptions<SeedOptions> seed, ILogger<SeedRead> logger)
    {
        this.snapshots = snapshots;
        this.logger = logger;
        enabled = seed.Value.Enabled;
        path = seed.Value.SeedFile();
    }

    /// <summary>Runs from when the read began; the loader's later steps are logged against it too.</summary>
    public System.Diagnostics.Stopwatch Started { get; } = new();

    /// <summary>Begins the read, if the seed is to be loaded (<see cref="SeedOptions.Enabled"/>) and nothing has begun it yet.</summary>
    public void Begin()
    {
        lock (gate)
        {
            if (enabled && !taken) reading ??= Start();
        }
    }

    /// <summary>
    /// The read's rows, begun now if nothing began it, and handed over once: this lets go of them, so they live only as
    /// long as the loader keeps them (half a gigabyte for a million relationships read from the file).
    /// </summary>
    public Task<SeedLoad> Take()
    {
        lock (gate)
        {
            var rows = reading ?? Start();
            (reading, taken) = (null, true);
            return rows;
        }
    }

    /// <summary>Stops the read: the store holds data already, or the host stops.</summary>
    public void Stop() => notNeeded.Cancel();

    private Task<SeedLoad> Start()
    {
        Started.Start();
        var token = notNeeded.Token;
        return Task.Run(() => Read(token), token);
    }

    /// <summary>
    /// A host whose start failed never runs its loader: a read begun for it stops here, when the host is let go. The token's
    /// source is cancelled, not disposed: it holds nothing to free, and the loader may still call <see cref="Stop"/> late.
    /// </summary>
    public void Dispose() => notNeeded.Cancel();

    /// <summary>
    /// The seed's rows from its snapshot when one matches the file and this build; otherwise the file
    /// read as JSON and checked, with the fingerprint a snapshot of it is to carry (none when snapshots
    /// are off, or when the file changed while it was read). Either way, with what the index can take
    /// as it is (<see cref="PrebuiltParts"/>).
    /// </summary>
    private SeedLoad Read(CancellationToken cancellationToken)
    {
        if (snapshots.Path is null)
        {
            var (checkedRows, checkedParts) = Check(ReadJson(cancellationToken));
            return new CheckedSeed(checkedRows.Entities, checkedRows.Relationships, null, checkedParts);
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (snapshots.Read(path, Started, out var fingerprint) is { } snapshot) return new SnapshotSeed(snapshot);
        var file = ReadJson(cancellationToken);
        var unchanged = File.GetLastWriteTimeUtc(path) == written && new FileInfo(path).Length == fingerprint.Length;
        if (!unchanged) LogChangedWhileRead(logger, path);
        var (rows, prebuilt) = Check(file);
        return new CheckedSeed(rows.Entities, rows.Relationships, unchanged ? fingerprint : null, prebuilt);
    }

    private SeedFile ReadJson(CancellationToken cancellationToken)
    {
        var file = SeedReader.ReadFile(path, cancellationToken);
        LogRead(logger, path, Started.Elapsed.TotalSeconds);
        return file;
    }

    /// <summary>
    /// Checks the seed as an import meant for an empty store, which the seed is (nothing else is imported): with nothing
    /// stored to check it against, so it can run while a durable store is still being asked whether it is empty;
    /// <see cref="GraphImporter.ImportValidatedAsync"/> then writes it only if the store is.
    /// </summary>
    /// <returns>The rows, and each relationship's ends as positions among the entities, for the index (<see cref="PrebuiltParts.Ends"/>).</returns>
    private ((List<EntityRecord> Entities, List<RelationshipRecord> Relationships) Rows, PrebuiltParts Prebuilt) Check(SeedFile file)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new GraphImportValidator(new Dictionary<string, EntityKind>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal))
            .Validate(file, out var ends);
        LogValidated(logger, rows.Entities.Count, rows.Relationships.Count, clock.Elapsed.TotalSeconds);
        return (rows, new PrebuiltParts(null, ends));
    }

    /// <summary>The seed's checked rows, from its JSON (<see cref="CheckedSeed"/>) or from a matching snapshot (<see cref="SnapshotSeed"/>).</summary>
    internal abstract record SeedLoad
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

    [LoggerMessage(LogLevel.Information, "Read the seed file {Path} {Seconds:0.00} s after start.")]
    private static partial void LogRead(ILogger logger, string path, double seconds);

    [LoggerMessage(LogLevel.Warning, "The seed file {Path} changed while it was read: no snapshot is kept of it this time.")]
    private static partial void LogChangedWhileRead(ILogger logger, string path);

    [LoggerMessage(LogLevel.Information, "Import validated: {Entities} entities and {Relationships} relationships in {Seconds:0.00} s.")]
    private static partial void LogValidated(ILogger logger, int entities, int relationships, double seconds);
}
