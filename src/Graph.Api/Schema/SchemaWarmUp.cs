using Graph.Api.Index;

namespace Graph.Api.Schema;

/// <summary>
/// Builds the GraphQL schema as soon as the service is ready, instead of inside the first request:
/// initializing it takes 0.3–0.6 s of first-use compiling, which the first query (often the IDE's
/// schema query) used to wait for. It starts only once the graph is ready, so it never delays
/// readiness (begun beside the loading, it competed with it for the two cores and made the service
/// ready later); a request that comes first waits for the same initialization, which GraphQL.NET
/// runs once, under a lock.
/// </summary>
internal sealed partial class SchemaWarmUp(GraphIndexHolder index, IServiceProvider services, ILogger<SchemaWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await index.WhenReady.WaitAsync(stoppingToken);
        // On a thread of its own: holding a pool thread for half a second, beside the store's write, left
        // requests (the readiness probe among them) waiting for a free one on a two-core machine.
        await Task.Factory.StartNew(Initialize, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Initialize()
    {
        try
        {
            // Resolved here, not injected: hosted services are made on the host's start path, and making
            // the schema (every graph type) there would put it back before readiness.
            services.GetRequiredService<GraphSchema>().Initialize();
        }
#pragma warning disable CA1031 // A schema that cannot be built fails every request the same way; here it is only logged, not a reason to stop.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogFailed(logger, failure);
        }
    }

    [LoggerMessage(LogLevel.Error, "The GraphQL schema could not be initialized once the graph was ready.")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
