using Graph.Api.Storage;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// Before the service takes requests: seeds an empty store, then builds the index from the store.
/// Runs as a hosted service so the host does not start listening until the index is ready.
/// </summary>
internal sealed partial class GraphStartup(
    GraphStore store, GraphImporter importer, IOptions<SeedOptions> seed, IOptions<StorageOptions> storage, ILogger<GraphStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider == "InMemory")
        {
            LogNotDurable(logger);
        }

        if (seed.Value.Enabled && await store.IsEmptyAsync(cancellationToken))
        {
            var path = Path.IsPathRooted(seed.Value.Path) ? seed.Value.Path : Path.Combine(AppContext.BaseDirectory, seed.Value.Path);
            SeedFile file;
            await using (var stream = File.OpenRead(path))
            {
                file = await SeedReader.ReadAsync(stream, cancellationToken);
            }

            var (entities, relationships) = await importer.ImportAsync(file, cancellationToken);
            LogSeeded(logger, entities, relationships, path);
        }
        else
        {
            await importer.RebuildIndexAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "The store is the in-memory provider: the graph is not durable and is lost when the service stops.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Seeded {Entities} entities and {Relationships} relationships from {Path}.")]
    private static partial void LogSeeded(ILogger logger, int entities, int relationships, string path);
}
