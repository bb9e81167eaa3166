using System.Net;
using System.Text;
using Graph.Api.Endpoint;
using Graph.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Endpoint;

public sealed class OverloadTests
{
    private static StringContent Body(string query) => new($$"""{"query": {{System.Text.Json.JsonSerializer.Serialize(query)}} }""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_burst_of_200_concurrent_requests_is_all_answered_without_5xx_other_than_503()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxConcurrentCheap", "4").With("Graph:Limits:MaxQueued", "50");
        var client = factory.CreateGraphQLClient();
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await client.Http.PostAsync("/graphql", Body(i % 2 == 0
                ? "{ neighborhood(id: \"belarus\", depth: 3) { nodes { entity { id } } } }"
                : "{ entity(id: \"china\") { name } }"));
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter is not null);
        });
        var answers = await Task.WhenAll(requests);
        Assert.Equal(200, answers.Length);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"Unexpected {a.StatusCode}"));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable), a => Assert.True(a.RetryAfter));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task A_full_lane_answers_503_with_retry_after_at_once()
    {
        var options = Options.Create(new LimitsOptions { MaxConcurrentCheap = 1, MaxConcurrentExpensive = 1, MaxQueued = 0 });
        using var gate = new ExecutionGate(options);
        using var held = await gate.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RequestError>(() => gate.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None));
        Assert.Equal(503, refused.Status);
        Assert.Equal("1", refused.Headers["Retry-After"]);
        // The expensive lane is separate: a busy cheap lane does not block it, and the reverse.
        using var expensive = await gate.EnterAsync(cost: 1_000_000, largeNewDocument: false, CancellationToken.None);
        Assert.True(expensive.IsAcquired);
    }

    [Fact]
    public async Task A_wait_for_a_slot_past_its_limit_answers_503_and_a_slot_freed_in_time_is_taken()
    {
        var options = Options.Create(new LimitsOptions { MaxConcurrentCheap = 1, MaxQueued = 10, MaxQueueWaitMilliseconds = 50 });
        using var gate = new ExecutionGate(options);
        using var held = await gate.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None);

        // Bounded by WaitAsync: without the wait limit the request would wait for as long as the slot is held.
        var refused = await Assert.ThrowsAsync<RequestError>(() => gate.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal((503, "OVERLOADED", "1"), (refused.Status, refused.Code, refused.Headers["Retry-After"]));

        using var patient = new ExecutionGate(Options.Create(new LimitsOptions { MaxConcurrentCheap = 1, MaxQueued = 10, MaxQueueWaitMilliseconds = 60_000 }));
        var first = await patient.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None);
        var waiting = patient.EnterAsync(cost: 1, largeNewDocument: false, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        first.Dispose();
        using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(second.IsAcquired);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:RequestsPerSecondPerClient", "1").With("Graph:Limits:ClientBurst", "3");
        var http = factory.CreateClient();
        // A graph still loading would answer every request 503; readiness probes do not spend the client's tokens.
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var statuses = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsync("/graphql", Body("{ __typename }"));
            statuses.Add((response.StatusCode, response.Headers.RetryAfter?.ToString()));
        }

        Assert.Contains(statuses, s => s.Item1 == HttpStatusCode.OK);
        var limited = statuses.Where(s => s.Item1 == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, s => Assert.False(string.IsNullOrEmpty(s.Item2)));
    }

    [Fact]
    public async Task A_client_changing_its_ipv6_address_within_its_network_is_still_held_to_its_rate()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:RequestsPerSecondPerClient", "1").With("Graph:Limits:ClientBurst", "3");
        await factory.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        // Each request from a new address of one /64, as a single IPv6 host can send them; then one from another network.
        var statuses = new List<int>();
        for (var i = 1; i <= 6; i++) statuses.Add(await RequestsFrom.PostTypenameAsync(factory, $"2001:db8:1:2::{i:x}"));
        var otherNetwork = await RequestsFrom.PostTypenameAsync(factory, "2001:db8:1:3::1");

        Assert.Contains(StatusCodes.Status429TooManyRequests, statuses);
        Assert.Equal(StatusCodes.Status200OK, otherNetwork);
    }

    [Fact]
    public async Task The_cost_of_a_traversal_follows_how_far_it_may_walk()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCost", "300");
        var client = factory.CreateGraphQLClient();
        const string query = "query($d: Int) { neighborhood(id: \"belarus\", depth: $d, limit: 10) { truncated } }";
        Assert.NotNull((await client.QueryAsync(query, new { d = 1 }))["neighborhood"]);
        var deep = await client.PostAsync(query, new { d = 6 });
        Assert.Equal("COST_LIMIT", deep.FirstErrorCode);
        var far = await client.PostAsync("{ shortestPath(from: \"china\", to: \"europe\", maxLength: 8) { length } }");
        Assert.Equal("COST_LIMIT", far.FirstErrorCode);
        var near = await client.QueryAsync("{ shortestPath(from: \"china\", to: \"europe\", maxLength: 2) { length } }");
        Assert.Equal(2, near["shortestPath"]!["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_operation_past_the_time_limit_is_cancelled_with_TIMEOUT()
    {
        using var factory = new GraphApiFactory()
            // A second: the query below needs 20-30 s without a limit, and the plain query after it still
            // has room on a busy machine (with 10 ms it once timed out too, on a clean clone under CI load).
            .With("Graph:Limits:ExecutionTimeoutSeconds", "1")
            .WithRoomForHugeDocuments();
        var client = factory.CreateGraphQLClient();
        var query = "{ " + HugeDocuments.PathSearches("8") + " }";
        var response = await client.PostAsync(query);
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal("TIMEOUT", response.FirstErrorCode);
        Assert.Null(response.Data);
        await client.AssertStillServesUnchangedAsync();
    }
}
