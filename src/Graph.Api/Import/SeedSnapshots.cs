using Graph.Api.Index;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// The seed snapshot at startup (<c>Graph:Seed:SnapshotPath</c>): whether one stands in for the seed
/// file, and keeping one once the seed is indexed. Each outcome is logged; none of them stops a start.
/// </summary>
internal sealed partial class SeedSnapshots(IOptions<SeedOptions> seed, ILogger<SeedSnapshots> logger)
{
    /// <summary>The snapshot's file, or null when snapshots are off.</summary>
    public string? Path { get; } = seed.Value.SnapshotFile();

    /// <summary>
    /// The snapshot's rows and kept index parts when it matches the seed file as it is now and this build;
    /// otherwise null, with the reason logged. Either way, <paramref name="fingerprint"/> is the seed file's.
    /// </summary>
    public SeedSnapshot? Read(
        string seedPath, System.Diagnostics.Stopwatch started, out SeedFingerprint fingerprint)
    {
        var path = Path ?? throw new InvalidOperationException("Seed snapshots are off.");
        // The seed file's hash is worked out while the snapshot is read: the snapshot is taken only if it matches.
        var seedHashed = Task.Run(() => SeedFingerprint.Of(seedPath));
        var rows = SeedSnapshotReader.Read(path, seedHashed, out var refusal);
        fingerprint = seedHashed.GetAwaiter().GetResult();
        if (rows is null) LogRefused(logger, path, refusal);
        else LogRead(logger, path, seedPath, started.Elapsed.TotalSeconds);
        return rows;
    }

    /// <summary>
    /// Writes the seed's rows as its snapshot, with the parts of the index built from them that a restart takes
    /// as they are. One that cannot be written costs only the next start's time, so it is reported, not fatal.
    /// </summary>
    public void Keep(SeedFingerprint fingerprint, List<EntityRecord> entities, List<RelationshipRecord> relationships, GraphIndex index)
    {
        var path = Path ?? throw new InvalidOperationException("Seed snapshots are off.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            SeedSnapshotWriter.Write(path, fingerprint, entities, relationships, index: index);
            LogWritten(logger, path, clock.Elapsed.TotalSeconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, path, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Information, "Read the seed's rows from the snapshot {SnapshotPath} (it matches {Path} and this build) {Seconds:0.00} s after start.")]
    private static partial void LogRead(ILogger logger, string snapshotPath, string path, double seconds);

    [LoggerMessage(LogLevel.Information, "The seed snapshot {SnapshotPath} is not used: {Reason}. The seed file is read instead, and a snapshot written once it is indexed.")]
    private static partial void LogRefused(ILogger logger, string snapshotPath, string? reason);

    [LoggerMessage(LogLevel.Information, "Wrote the seed snapshot {SnapshotPath} in {Seconds:0.00} s.")]
    private static partial void LogWritten(ILogger logger, string snapshotPath, double seconds);

    [LoggerMessage(LogLevel.Warning, "Could not write the seed snapshot {SnapshotPath}: {Reason}. The next start reads the seed file again.")]
    private static partial void LogNotWritten(ILogger logger, string snapshotPath, string reason);
}
