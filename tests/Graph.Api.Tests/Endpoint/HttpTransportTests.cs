using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>GraphQL over HTTP: methods, media types, status codes and error shape.</summary>
[Collection(SeedGraphTests.Name)]
public sealed class HttpTransportTests(SeedGraphFixture fixture)
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8);
        if (request.Content is not null)
        {
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await fixture.Client.Http.SendAsync(request);
        return await Support.GraphQLResponse.ReadAsync(response);
    }

    private Task StillServesAsync() => fixture.Client.AssertStillServesUnchangedAsync();

    [Fact]
    public async Task Get_runs_a_query_with_variables_and_operation_name()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($id: ID!) { entity(id: $id) { name } }")
            + "&variables=" + Uri.EscapeDataString("{\"id\":\"china\"}") + "&operationName=Q";
        var response = await SendAsync(HttpMethod.Get, url, accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLResponse, response.ContentType);
        Assert.Equal("China", response.Data!["entity"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutation_over_get_is_405_with_allow_post_and_not_executed()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("mutation { importGraph }");
        using var response = await fixture.Client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var body = await Support.GraphQLResponse.ReadAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", body.FirstErrorCode);
        Assert.Null(body.Data);
        await StillServesAsync();
    }

    [Theory]
    [InlineData("mutation { importGraph }")]
    [InlineData("subscription S { changes }")]
    [InlineData("query Q { __typename } mutation M { importGraph }", "M")]
    public async Task A_mutation_or_subscription_over_post_is_a_request_error_without_data(string query, string? operationName = null)
    {
        var response = await fixture.Client.PostAsync(query, operationName: operationName);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("INVALID_OPERATION", response.FirstErrorCode);
        Assert.Null(response.Body["data"]);
        await StillServesAsync();
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("HEAD")]
    [InlineData("TRACE")]
    public async Task Other_methods_are_405_with_allow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");
        if (method is not ("HEAD" or "TRACE")) request.Content = new StringContent("{}");
        using var response = await fixture.Client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        await StillServesAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Bodies_that_are_not_json_are_415_and_never_executed(string? contentType)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ __typename }\"}", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstErrorCode);
        Assert.Null(response.Data);
        await StillServesAsync();
    }

    [Theory]
    [InlineData("{not json", "INVALID_JSON")]
    [InlineData("\"a string\"", "INVALID_REQUEST")]
    [InlineData("42", "INVALID_REQUEST")]
    [InlineData("{}", "INVALID_REQUEST")]
    [InlineData("{\"extensions\": {\"tracing\": true}}", "INVALID_REQUEST")]
    [InlineData("{\"extensions\": {\"persistedQuery\": {\"version\": 1}}}", "PERSISTED_QUERY_INVALID")]
    [InlineData("{\"query\": 7}", "INVALID_REQUEST")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}", "INVALID_REQUEST")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 3}", "INVALID_REQUEST")]
    [InlineData("{\"query\": \"{ __typename }\", \"query\": \"{ entities { totalCount } }\"}", "INVALID_JSON")]
    [InlineData("[{\"query\": \"{ __typename }\"}]", "BATCHING_NOT_SUPPORTED")]
    [InlineData("{\"query\": \"{ entity(id: \"}", "SYNTAX_ERROR")]
    // A \u escape of half a surrogate pair is well-formed JSON but no text: in the query, a property's name, the operation name and variables.
    [InlineData("{\"query\": \"{ __typename }\", \"extra\\ud800\": 1}", "INVALID_JSON")]
    [InlineData("{\"query\": \"{ __typename \\ud800}\"}", "INVALID_JSON")]
    [InlineData("{\"query\": \"query A { __typename }\", \"operationName\": \"A\\udc00\"}", "INVALID_JSON")]
    [InlineData("{\"query\": \"query($id: ID!) { entity(id: $id) { id } }\", \"variables\": {\"id\": \"china\\ud800\"}}", "INVALID_JSON")]
    [InlineData("{\"query\": \"query($f: EntityFilter) { entities(filter: $f) { totalCount } }\", \"variables\": {\"f\": {\"nameContains\": [\"\\ud800\\ud800\\ud800\"]}}}", "INVALID_JSON")]
    public async Task Malformed_requests_are_400_with_a_stable_code(string body, string code)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Null(response.Data);
        await StillServesAsync();
    }

    [Theory]
    [InlineData("", "INVALID_REQUEST")]
    [InlineData("&extensions=%7Bx", "INVALID_JSON")]
    [InlineData("&extensions=%7B%22%5Cud800%22%3A1%7D", "INVALID_JSON")]
    [InlineData("&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22ab%22%7D%7D", "PERSISTED_QUERY_INVALID")]
    public async Task A_get_without_query_text_is_400_and_names_persisted_queries_when_it_asks_for_one(string extensions, string code)
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?operationName=A" + extensions, accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        await StillServesAsync();
    }

    /// <summary>A GET's extensions are checked as a POST body's are: JSON, and an object or null.</summary>
    [Theory]
    [InlineData("5", HttpStatusCode.BadRequest, "INVALID_REQUEST")]
    [InlineData("%5B%5D", HttpStatusCode.BadRequest, "INVALID_REQUEST")]
    [InlineData("%7Bbad", HttpStatusCode.BadRequest, "INVALID_JSON")]
    // A member's name escaping half a surrogate pair failed with INTERNAL when the request had no query text.
    [InlineData("%7B%22%5Cud800%22%3A1%7D", HttpStatusCode.BadRequest, "INVALID_JSON")]
    [InlineData("null", HttpStatusCode.OK, null)]
    [InlineData("%7B%22tracing%22%3Atrue%7D", HttpStatusCode.OK, null)]
    public async Task A_get_with_extensions_that_are_not_an_object_is_400(string extensions, HttpStatusCode status, string? code)
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=%7B__typename%7D&extensions=" + extensions, accept: GraphQLResponse);
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task Lone_surrogates_in_long_variables_and_in_get_variables_are_400()
    {
        // Over the variable length limit in bytes, so the size check decodes the string.
        var longBody = "{\"query\": \"query($t: String!) { search(text: $t) { match } }\", \"variables\": {\"t\": \"" + string.Concat(Enumerable.Repeat("\\ud800", 2_000)) + "\"}}";
        var response = await SendAsync(HttpMethod.Post, "/graphql", longBody);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_JSON"), (response.Status, response.FirstErrorCode));

        var query = Uri.EscapeDataString("query($id: ID!) { entity(id: $id) { id } }");
        var variables = Uri.EscapeDataString("{\"id\": \"\\udc00china\"}");
        response = await SendAsync(HttpMethod.Get, $"/graphql?query={query}&variables={variables}", accept: "application/json");
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_JSON"), (response.Status, response.FirstErrorCode));
        await StillServesAsync();
    }

    [Fact]
    public async Task Unknown_body_properties_and_null_optionals_are_ignored()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ __typename }\",\"variables\":null,\"operationName\":null,\"extensions\":null,\"somethingElse\":1}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_document_still_reads_its_arguments_and_checks_its_variables()
    {
        const string query = "query Repeat($n: Int, $id: ID!) { entities(first: $n) { edges { node { id } } } entity(id: $id) { name } }";
        var two = await fixture.Client.QueryAsync(query, new { n = 2, id = "china" });
        var three = await fixture.Client.QueryAsync(query, new { n = 3, id = "belarus" });
        Assert.Equal(2, two["entities"]!["edges"]!.AsArray().Count);
        Assert.Equal(3, three["entities"]!["edges"]!.AsArray().Count);
        Assert.Equal("Belarus", three["entity"]!["name"]!.GetValue<string>());
        var wrong = await fixture.Client.PostAsync(query, new { n = "three", id = "china" });
        Assert.Equal((HttpStatusCode)422, wrong.Status);
        var missing = await fixture.Client.PostAsync(query, new { n = 1 });
        Assert.Equal((HttpStatusCode)422, missing.Status);
    }

    [Fact]
    public async Task Syntax_errors_carry_locations()
    {
        var response = await fixture.Client.PostAsync("{ entity(id: \"china\") { name ");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Errors![0]!["locations"]);
    }

    /// <summary>
    /// Carriage returns are line breaks, alone or before a line feed: a query using them runs, and a
    /// syntax error after them is located by lines counted that way (the parser's own message once
    /// failed on a lone one).
    /// </summary>
    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task Carriage_returns_break_lines_in_queries_and_in_syntax_error_locations(string lineBreak)
    {
        var ok = await fixture.Client.PostAsync(string.Join(lineBreak, "query {", "  # a comment", "  entity(id: \"china\") { name }", "}"));
        Assert.Equal("China", ok.Data!["entity"]!["name"]!.GetValue<string>());

        var broken = await fixture.Client.PostAsync(string.Join(lineBreak, "{", "  entity(id: \"china\") {", "    name", "  } }", "  }", "}"));
        Assert.Equal((HttpStatusCode.BadRequest, "SYNTAX_ERROR"), (broken.Status, broken.FirstErrorCode));
        Assert.Equal(5, broken.Errors![0]!["locations"]![0]!["line"]!.GetValue<int>());
        Assert.Equal(3, broken.Errors![0]!["locations"]![0]!["column"]!.GetValue<int>());
        await StillServesAsync();
    }

    [Theory]
    [InlineData("{ entity(id: \"china\") { nope } }")]
    [InlineData("query A { __typename } query B { __typename }")]
    public async Task Documents_that_fail_validation_are_422_without_data(string query)
    {
        var response = await fixture.Client.PostAsync(query);
        Assert.Equal((HttpStatusCode)422, response.Status);
        Assert.Null(response.Data);
        Assert.False(string.IsNullOrEmpty(response.FirstErrorCode));
    }

    [Fact]
    public async Task Unknown_operation_name_and_uncoercible_variables_are_422()
    {
        var unknown = await fixture.Client.PostAsync("query A { __typename }", operationName: "B");
        Assert.Equal((HttpStatusCode)422, unknown.Status);
        var badVariable = await fixture.Client.PostAsync("query($n: Int) { entities(first: $n) { totalCount } }", new { n = "ten" });
        Assert.Equal((HttpStatusCode)422, badVariable.Status);
        var outOfRange = await fixture.Client.PostAsync("query($n: Int) { entities(first: $n) { totalCount } }", new { n = 1L << 40 });
        Assert.Equal((HttpStatusCode)422, outOfRange.Status);
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("*/*", GraphQLResponse)]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLResponse)]
    public async Task Response_media_type_follows_accept(string? accept, string expected)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ __typename }\"}", accept: accept);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.ContentType);
    }

    [Fact]
    public async Task Accept_without_json_is_406()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ __typename }\"}", accept: "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("NOT_ACCEPTABLE", response.FirstErrorCode);
        await StillServesAsync();
    }

    [Fact]
    public async Task Request_errors_reveal_no_internals()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{broken");
        var text = response.Body.ToJsonString();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", text, StringComparison.Ordinal);
        Assert.NotNull(response.Errors![0]!["extensions"]!["requestId"]);
    }
}
