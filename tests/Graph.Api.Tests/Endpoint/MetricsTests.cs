using System.Globalization;
using System.Net;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Metrics for Prometheus at /metrics: the requests ASP.NET Core counts by route and status with their
/// durations, Kestrel's connections, the runtime's collections and the answer cache's hits, misses and size.
/// <c>Graph:Metrics</c> moves or turns them off.
/// </summary>
public sealed class MetricsTests
{
    private const string RequestCounts = "http_server_request_duration_seconds_count{";

    [Fact]
    public async Task The_requests_answered_are_counted_by_route_and_status()
    {
        // A process of its own, as in production: in the tests' process every host's meters feed every host's
        // exporter, and a host that ends takes its series along.
        using var service = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path);
        using var http = new HttpClient { BaseAddress = service.Address };
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var client = new GraphQLClient(http);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync("{ nope }")).Status);

        // A scrape is kept for a moment: ask again, boundedly, until it shows the three.
        var counted = 0L;
        for (var polls = 0; polls < 40 && counted < 3; polls++)
        {
            counted = await RefusedGraphQLRequestsAsync(http);
            if (counted < 3) await Task.Delay(100);
        }

        Assert.Equal(3, counted);
        var text = await http.GetStringAsync("/metrics");
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", text, StringComparison.Ordinal);

        // The answer cache, on as the service starts by default: a query asked three times is one hit, two misses.
        for (var i = 0; i < 3; i++) await client.QueryAsync("{ metricsProbe: entity(id: \"belarus\") { name } }");
        var hits = 0L;
        for (var polls = 0; polls < 40 && hits < 1; polls++)
        {
            hits = Figure(await http.GetStringAsync("/metrics"), "graph_answer_cache_hits_total");
            if (hits < 1) await Task.Delay(100);
        }

        text = await http.GetStringAsync("/metrics");
        Assert.Equal(1, hits);
        Assert.True(Figure(text, "graph_answer_cache_misses_total") >= 2);
        Assert.True(Figure(text, "graph_answer_cache_size_bytes") > 0);
    }

    // The value of a series with no labels but the exporter's own (the last number on its line).
    private static long Figure(string text, string series) => text.Split('\n')
        .Where(line => line.StartsWith(series, StringComparison.Ordinal))
        .Select(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture))
        .DefaultIfEmpty(0)
        .Sum();

    [Fact]
    public async Task Metrics_can_be_moved_or_turned_off()
    {
        using var moved = new GraphApiFactory().With("Graph:Metrics:Path", "/ops/metrics");
        var http = moved.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var there = await http.GetAsync("/ops/metrics");
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
        Assert.StartsWith("text/plain", there.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);

        using var off = new GraphApiFactory().With("Graph:Metrics:Enabled", "false");
        var offHttp = off.CreateClient();
        await offHttp.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotFound, (await offHttp.GetAsync("/metrics")).StatusCode);
    }

    // The count of 422 answers from /graphql in the Prometheus text (each series' _count line).
    private static async Task<long> RefusedGraphQLRequestsAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n')
            .Where(line => line.StartsWith(RequestCounts, StringComparison.Ordinal)
                && line.Contains("http_route=\"/graphql\"", StringComparison.Ordinal)
                && line.Contains("http_response_status_code=\"422\"", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
