using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Support;

/// <summary>The service with the seed graph loaded, in its own in-memory store, with optional setting overrides.</summary>
public sealed class GraphApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new();
    private bool withoutLoading;
    private LogCapture? logs;

    public GraphApiFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>A service whose log messages are also kept in <paramref name="capture"/>.</summary>
    public GraphApiFactory WithLogs(LogCapture capture)
    {
        logs = capture;
        return this;
    }

    /// <summary>A service whose graph never finishes loading: its loader is not started.</summary>
    public GraphApiFactory WithoutLoading()
    {
        withoutLoading = true;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (withoutLoading)
        {
            builder.ConfigureServices(services => services.Remove(
                services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Graph.Api.Import.GraphStartup))));
        }

        if (logs is not null) builder.ConfigureLogging(logging => logging.AddProvider(logs));
        builder.UseSetting("Graph:Storage:DatabaseName", $"tests-{Guid.NewGuid():N}");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client for a service that has finished loading its graph (the index builds in the background).</summary>
    public GraphQLClient CreateGraphQLClient()
    {
        var http = CreateClient();
        http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        return new GraphQLClient(http);
    }
}
