using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Thousands of broken requests (<see cref="RequestMutations"/>) each get a well-formed answer: never
/// a 5xx or an INTERNAL error, always JSON, request errors with a stable code and no data, at most five errors. This is how
/// lone surrogate escapes and lone carriage returns were found to crash requests.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class RequestFuzzTests(SeedGraphFixture fixture)
{
    private const int RequestsPerSeed = 700;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Broken_requests_get_well_formed_answers(int seed)
    {
        var client = fixture.Client;
        var mutations = new RequestMutations(seed);
        for (var i = 0; i < RequestsPerSeed; i++)
        {
            var body = mutations.Next();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.Http.PostAsync("/graphql", content);
            await AssertWellFormedAsync(response, $"seed {seed}, request {i}: {Convert.ToBase64String(body)}");
        }

        await client.AssertStillServesUnchangedAsync();
    }

    /// <summary>The same over GET, the parameters broken one by one: how a GET's extensions were found to fail with INTERNAL.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Broken_get_requests_get_well_formed_answers(int seed)
    {
        var client = fixture.Client;
        var mutations = new RequestMutations(seed);
        for (var i = 0; i < RequestsPerSeed; i++)
        {
            var url = "/graphql" + mutations.NextQueryString();
            using var response = await client.Http.GetAsync(url);
            await AssertWellFormedAsync(response, $"seed {seed}, request {i}: {url}");
        }

        await client.AssertStillServesUnchangedAsync();
    }

    private static async Task AssertWellFormedAsync(HttpResponseMessage response, string request)
    {
        var text = await response.Content.ReadAsStringAsync();
        var context = $"{request}\n{(int)response.StatusCode}: {text}";

        Assert.True((int)response.StatusCode < 500, context);
        JsonNode answer;
        try
        {
            answer = JsonNode.Parse(text)!;
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"not JSON: {context}");
        }

        var errors = answer["errors"]?.AsArray() ?? [];
        Assert.True(errors.Count <= 5, context);
        AnswerChecks.AssertNoFault((int)response.StatusCode, errors, context);
        if (response.StatusCode != HttpStatusCode.OK) Assert.True(answer["data"] is null && errors.Count > 0, context);
    }
}
