using Graph.Api.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Support;

/// <summary>The service with the seed graph loaded, in its own in-memory store, with optional setting overrides.</summary>
public sealed class GraphApiFactory : WebApplicationFactory<Program>
{
    // The service keeps whole answers to send again by default (Endpoint/AnswerCache.cs); here it is off, so that a test
    // asking a query again sees it run again. AnswerCacheTests turns it on.
    private readonly Dictionary<string, string?> settings = new() { ["Graph:Caching:AnswerCacheMiB"] = "0" };
    private bool withoutLoading;
    private LogCapture? logs;
    private IInterceptor? storeInterceptor;

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

    /// <summary>A service whose store contexts run <paramref name="interceptor"/> (to watch or hold the seed's saves).</summary>
    public GraphApiFactory WithStoreInterceptor(IInterceptor interceptor)
    {
        storeInterceptor = interceptor;
        return this;
    }

    /// <summary>A service whose graph never finishes loading: its loader is not started.</summary>
    public GraphApiFactory WithoutLoading()
    {
        withoutLoading = true;
        return this;
    }

    /// <summary>
    /// The service on a real Kestrel, on 127.0.0.1 and a port the system picks. The address is given as a
    /// setting, before the start: <c>UseKestrel(port)</c> rewrites the server's addresses after the app has
    /// begun to start Kestrel and now and then loses that race ("Addresses cannot be modified after the
    /// server has started", dotnet/aspnetcore#67714).
    /// </summary>
    public GraphApiFactory OnLoopbackKestrel()
    {
        settings[WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0";
        UseKestrel();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (withoutLoading)
        {
            builder.ConfigureServices(services =>
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Graph.Api.Import.GraphStartup)));
                services.Remove(services.Single(d => d.ServiceType == typeof(Graph.Api.Import.SeedRead)));
            });
        }

        if (logs is not null) builder.ConfigureLogging(logging => logging.AddProvider(logs));
        if (storeInterceptor is { } interceptor)
        {
            builder.ConfigureTestServices(services => services.ConfigureDbContext<GraphDbContext>(options => options.AddInterceptors(interceptor)));
        }

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
