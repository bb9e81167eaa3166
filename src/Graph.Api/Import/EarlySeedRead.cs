using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// The seed's read begun as soon as the configuration is known (Program, right after the builder is made), before the
/// host's services are registered and built. That first stretch of a start runs on one core (the runtime, the builder,
/// the container, the settings' checks: 0.35-0.5 s on the million-relationship graph), and the read takes the other.
/// Only when a snapshot is configured: a restart, where the read is most of the way to ready; a start from the file is
/// long anyway, and the essay's read is too small to matter.
/// </summary>
/// <remarks>
/// The host takes the read (<see cref="Take"/>) only if its own settings name the same seed and snapshot: a host may change
/// its settings while it is built (the tests' hosts do). Otherwise the read is stopped and the host reads for itself, as
/// it does when there is no early read. What the read logged before the host's logging existed is logged once it is taken.
/// </remarks>
internal sealed partial class EarlySeedRead : IDisposable
{
    private readonly SeedOptions options;
    private readonly LaterLogger<SeedRead> readLogger = new();
    private readonly LaterLogger<SeedSnapshots> snapshotsLogger = new();

    // Let go once the host has decided: a read it did not take would otherwise keep its rows for as long as the host runs.
    private SeedRead? read;

    private EarlySeedRead(SeedOptions options)
    {
        this.options = options;
        var settings = Options.Create(options);
        read = new SeedRead(new SeedSnapshots(settings, snapshotsLogger), settings, readLogger);
        read.Begin();
    }

    /// <summary>Begins the read when the configuration loads a seed and names a snapshot for it; otherwise null.</summary>
    public static EarlySeedRead? BeginIfSnapshot(IConfiguration configuration)
    {
        SeedOptions? options;
        try
        {
            options = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>();
        }
        catch (InvalidOperationException)
        {
            // A value the settings cannot take: the host's own check of them reports it and stops the start.
            return null;
        }

        return options is { Enabled: true } && options.SnapshotFile() is not null ? new EarlySeedRead(options) : null;
    }

    /// <summary>
    /// The read, for a host whose settings name the same seed and snapshot, with what it logged so far passed to the host's
    /// logging; otherwise null, and the read stopped. Decided once: a second call gets null.
    /// </summary>
    public SeedRead? Take(SeedOptions hostOptions, ILoggerFactory loggers)
    {
        if (Interlocked.Exchange(ref read, null) is not { } began) return null;
        if (!SameSeed(options, hostOptions))
        {
            began.Stop();
            return null;
        }

        LogTaken(loggers.CreateLogger<EarlySeedRead>());
        readLogger.PassTo(loggers.CreateLogger<SeedRead>());
        snapshotsLogger.PassTo(loggers.CreateLogger<SeedSnapshots>());
        return began;
    }

    /// <summary>Stops the read if no host took it (the start failed first, or the host has no loader).</summary>
    public void Dispose() => Interlocked.Exchange(ref read, null)?.Dispose();

    private static bool SameSeed(SeedOptions early, SeedOptions host) =>
        early.Enabled == host.Enabled
        && string.Equals(early.SeedFile(), host.SeedFile(), StringComparison.Ordinal)
        && string.Equals(early.SnapshotFile(), host.SnapshotFile(), StringComparison.Ordinal);

    [LoggerMessage(LogLevel.Information, "The seed's read began before the host was built, as the service started, and the host took it.")]
    private static partial void LogTaken(ILogger logger);
}
