using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Support;

/// <summary>Sends GraphQL over HTTP the way a frontend does and reads the JSON answer.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>Posts and fails the test when the answer has errors; returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data!;
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode Body)
{
    public JsonNode? Data => Body["data"];
    public JsonArray? Errors => Body["errors"]?.AsArray();
    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>The body without the request ids that errors carry: two services answering one request differ only there.</summary>
    public JsonNode BodyWithoutRequestIds()
    {
        var copy = Body.DeepClone();
        foreach (var error in copy["errors"]?.AsArray() ?? [])
        {
            error?["extensions"]?.AsObject().Remove("requestId");
        }

        return copy;
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode body;
        try
        {
            body = JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Not JSON ({(int)response.StatusCode}): {text}");
        }

        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
