using System.Net;
using System.Text;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// A flood of refused requests costs the operator's log one line per ten seconds, not one each: each
/// refusal is logged at Debug and counted, and the counts are reported together.
/// </summary>
public sealed class RefusedRequestsLogTests
{
    [Fact]
    public async Task Refused_requests_are_counted_in_a_summary_instead_of_a_line_each()
    {
        var logs = new LogCapture();
        using var factory = new GraphApiFactory().WithLogs(logs);
        var client = factory.CreateGraphQLClient();

        // The first refusal after a quiet spell is reported at once; the next 49 only counted.
        for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.BadRequest, (await PostBrokenAsync(client)).StatusCode);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("answered 400", StringComparison.Ordinal));
        Assert.Equal(["Refused 1 requests (4xx) and turned away 0 for load (429, 503) since the last report; each is logged at Debug."], Summaries(logs));

        // Ten seconds on, the next refusal brings the report of all fifty since.
        await Task.Delay(TimeSpan.FromSeconds(10.5));
        await PostBrokenAsync(client);
        Assert.Equal("Refused 50 requests (4xx) and turned away 0 for load (429, 503) since the last report; each is logged at Debug.", Summaries(logs)[^1]);
    }

    private static Task<HttpResponseMessage> PostBrokenAsync(GraphQLClient client) =>
        client.Http.PostAsync("/graphql", new StringContent("{\"query\":", Encoding.UTF8, "application/json"));

    private static string[] Summaries(LogCapture logs) =>
        logs.Messages.Where(m => m.StartsWith("Information: Refused", StringComparison.Ordinal)).Select(m => m["Information: ".Length..]).ToArray();
}
