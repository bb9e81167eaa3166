using Graph.Api.Schema;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Schema;

/// <summary>The schema is built once the service is ready, so the first query does not wait for it.</summary>
public sealed class SchemaWarmUpTests
{
    [Fact]
    public async Task The_schema_is_initialized_once_ready_before_any_GraphQL_request()
    {
        using var factory = new GraphApiFactory();
        factory.CreateGraphQLClient(); // waits until ready, and sends no GraphQL request

        var schema = factory.Services.GetRequiredService<GraphSchema>();
        for (var attempt = 0; attempt < 300 && !schema.Initialized; attempt++) await Task.Delay(50);
        Assert.True(schema.Initialized);
    }

    [Fact]
    public async Task A_service_that_never_becomes_ready_stops_cleanly_with_the_warm_up_still_waiting()
    {
        var logs = new LogCapture();
        var factory = new GraphApiFactory().WithoutLoading().WithLogs(logs);
        using (var client = factory.CreateClient())
        {
            using var live = await client.GetAsync("/health/live");
            live.EnsureSuccessStatusCode();
        }

        await factory.DisposeAsync();
        Assert.DoesNotContain(logs.Messages, m => m.StartsWith("Error", StringComparison.Ordinal) || m.StartsWith("Critical", StringComparison.Ordinal));
    }
}
