using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Graph.Api.Tests.Import;

/// <summary>
/// At startup an empty store is seeded from the file (the in-memory store, each host's own, is empty when
/// it starts); with the seed switched off, the index is built from what the store holds. A seed that fails its
/// checks stops the service.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task With_the_seed_switched_off_the_index_is_built_from_what_the_store_holds()
    {
        using var factory = new GraphApiFactory()
            .With("Graph:Seed:Enabled", "false")
            .With("Graph:Seed:Path", "/nonexistent/seed.json")
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                // Runs before the loader, as a store that was written before this start would be.
                services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StoreWithOneEntity>())));

        var client = new GraphQLClient(factory.CreateClient());
        var data = await WhenReadyAsync(client, "{ entities(first: 5) { edges { node { id name } } } }");

        var edge = Assert.Single(data["entities"]!["edges"]!.AsArray());
        Assert.Equal("stored-country", edge!["node"]!["id"]!.GetValue<string>());
        Assert.Equal("Stored country", edge["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_store_is_seeded_from_the_file()
    {
        using var factory = new GraphApiFactory();

        var data = await WhenReadyAsync(factory.CreateGraphQLClient(), """{ entity(id: "belarus") { id } }""");

        Assert.Equal("belarus", data["entity"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_seed_that_fails_its_checks_stops_the_service_and_the_log_says_why()
    {
        using var seed = new RefusedSeedFile();
        var logs = new LogCapture();
        var stopping = new TaskCompletionSource();
        using var factory = new GraphApiFactory().With("Graph:Seed:Path", seed.Path).WithLogs(logs)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                // First, so it listens before the loader can fail.
                services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => new StopWatch(provider.GetRequiredService<IHostApplicationLifetime>(), stopping)))));
        try
        {
            factory.CreateClient().Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The host may already have stopped, and let go of its services, before the test client is made.
        }

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(logs.Messages, m => m.Contains("was not loaded, so the service stops: it was refused", StringComparison.Ordinal) && m.Contains(RefusedSeedFile.MissingEntity, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Index built", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seed_is_being_read_before_the_host_starts_its_services()
    {
        bool? readingAtHostStart = null;
        using var factory = new GraphApiFactory()
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                // First, so it runs as the host begins to start its services, the loader among them.
                services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => new AtStart(
                    // The read's clock runs from when the read began.
                    () => readingAtHostStart = provider.GetRequiredService<SeedRead>().Started.IsRunning)))));

        await WhenReadyAsync(new GraphQLClient(factory.CreateClient()), "{ __typename }");

        Assert.True(readingAtHostStart, "the seed's read had not begun when the host started its services");
    }

    [Fact]
    public async Task The_index_serves_before_the_store_is_set_up_and_says_how_much_memory_it_then_holds()
    {
        var logs = new LogCapture();
        WatchedContexts? watched = null;
        using var factory = new GraphApiFactory().WithLogs(logs)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                var registered = services.Single(d => d.ServiceType == typeof(IDbContextFactory<GraphDbContext>));
                services.Remove(registered);
                services.AddSingleton<IDbContextFactory<GraphDbContext>>(provider => watched = new WatchedContexts(
                    (IDbContextFactory<GraphDbContext>)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
                    provider.GetRequiredService<GraphIndexHolder>()));
            }));
        await WhenReadyAsync(new GraphQLClient(factory.CreateClient()), "{ __typename }");
        await logs.WaitForAsync("Seeded");

        Assert.NotNull(watched);
        Assert.True(watched.IndexServedWhenMade, "EF Core's context factory was made before the index served");
        Assert.True(watched.IndexServedAtFirstContext, "the store's first context was made before the index served");
        var serving = Assert.Single(logs.Messages, m => m.Contains("Index built and serving", StringComparison.Ordinal));
        var resident = System.Text.RegularExpressions.Regex.Match(serving, "resident in ([0-9]+) MiB");
        Assert.True(resident.Success && int.Parse(resident.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, serving);
        // The test process started long before this host: its age, not the host's, but more than nothing.
        var sinceStart = System.Text.RegularExpressions.Regex.Match(serving, @"\(([0-9]+\.[0-9]+) s after the process started\)");
        Assert.True(sinceStart.Success && double.Parse(sinceStart.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, serving);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WhenReadyAsync(GraphQLClient client, string query)
    {
        await client.Http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        return await client.QueryAsync(query);
    }

    /// <summary>Reports when the host begins to stop.</summary>
    private sealed class StopWatch(IHostApplicationLifetime lifetime, TaskCompletionSource stopping) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="started"/> when the host starts it.</summary>
    private sealed class AtStart(Action started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The store's contexts, noting whether the index already served when this factory and the first context were made.</summary>
    private sealed class WatchedContexts(IDbContextFactory<GraphDbContext> contexts, GraphIndexHolder index) : IDbContextFactory<GraphDbContext>
    {
        private bool? indexServedAtFirstContext;

        public bool IndexServedWhenMade { get; } = index.IsReady;

        public bool IndexServedAtFirstContext => indexServedAtFirstContext ?? false;

        public GraphDbContext CreateDbContext()
        {
            indexServedAtFirstContext ??= index.IsReady;
            return contexts.CreateDbContext();
        }
    }

    private sealed class StoreWithOneEntity(IDbContextFactory<GraphDbContext> contexts) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Entities.Add(new EntityRecord { Id = "stored-country", Kind = EntityKind.Country, Name = "Stored country", Aliases = [], Properties = [] });
            await db.SaveChangesAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
