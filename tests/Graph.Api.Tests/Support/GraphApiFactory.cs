using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Api.Tests.Support;

/// <summary>The service with the seed graph loaded, in its own in-memory store, with optional setting overrides.</summary>
public sealed class GraphApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new();

    public GraphApiFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Graph:Storage:DatabaseName", $"tests-{Guid.NewGuid():N}");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public GraphQLClient CreateGraphQLClient() => new(CreateClient());
}
