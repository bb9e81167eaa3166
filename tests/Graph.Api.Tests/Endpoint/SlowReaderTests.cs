using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// A client that asks for a large answer and then reads it slowly, or not at all, holds its connection,
/// but not the lane's slot: the slot bounds the work of answering, and the answer, once written, waits
/// for the client in the answers' memory budget. Only when that budget is spent does a slow reader keep
/// its slot until its answer has been taken, so memory stays bounded either way.
/// </summary>
public sealed class SlowReaderTests
{
    // Thirty pages of every entity with its texts: about 140 KB, twice what the test server's transport
    // holds for a client that does not read, and costly enough for the expensive lane.
    private static readonly string LargeQuery =
        "{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"p{i}: entities(first: 100) {{ edges {{ node {{ id name description aliases }} }} }} ")) + "}";

    [Fact]
    public async Task A_client_that_does_not_read_its_answer_leaves_the_expensive_lane_to_others()
    {
        using var factory = OneSlotEach();
        var client = factory.CreateGraphQLClient();

        using var unread = await StartUnreadAsync(factory, LargeQuery);
        var other = await client.PostAsync(LargeQuery);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.True(other.Body.ToJsonString().Length > 100_000);
        Assert.Equal(other.BodyWithoutRequestIds().ToJsonString(), (await ReadAsync(unread)).ToJsonString());
    }

    [Fact]
    public async Task A_client_that_does_not_read_an_answer_of_the_engine_leaves_the_cheap_lane_to_others()
    {
        using var factory = OneSlotEach();
        var client = factory.CreateGraphQLClient();

        // Introspection is answered by the engine, not by a compiled plan, and its answer is large.
        using var unread = await StartUnreadAsync(factory, IntrospectionQuery.Full);
        var other = await client.PostAsync(IntrospectionQuery.Full);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(other.BodyWithoutRequestIds().ToJsonString(), (await ReadAsync(unread)).ToJsonString());
    }

    [Fact]
    public async Task With_the_answers_budget_spent_a_client_that_does_not_read_keeps_its_slot()
    {
        using var factory = OneSlotEach().With("Graph:Limits:MaxAnswerBytesInFlight", "50000");
        var client = factory.CreateGraphQLClient();

        using var unread = await StartUnreadAsync(factory, LargeQuery);
        var other = await client.PostAsync(LargeQuery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, other.Status);
        Assert.Equal("OVERLOADED", other.FirstErrorCode);
        Assert.NotNull((await ReadAsync(unread))["data"]?["p29"]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(LargeQuery)).Status);
    }

    private static GraphApiFactory OneSlotEach() => new GraphApiFactory()
        .With("Graph:Limits:MaxConcurrentExpensive", "1")
        .With("Graph:Limits:MaxConcurrentCheap", "1")
        .With("Graph:Limits:MaxQueueWaitMilliseconds", "500");

    /// <summary>Sends the query and takes the answer's headers, leaving its body unread.</summary>
    private static async Task<HttpResponseMessage> StartUnreadAsync(GraphApiFactory factory, string query)
    {
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        (await GraphQLResponse.ReadAsync(response)).BodyWithoutRequestIds();
}
