using System.Net;
using System.Text;
using Graph.Api.Endpoint;
using Graph.Api.Index;
using Graph.Api.Tests.Support;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Graph.Api.Tests.Endpoint;

/// <summary>Health, CORS, request ids, introspection switch, error policy and body limits.</summary>
public sealed class EdgeBehaviourTests
{
    private static StringContent Body(string json, string contentType = "application/json") => new(json, Encoding.UTF8, contentType);

    [Fact]
    public async Task Health_endpoints_answer_live_and_ready()
    {
        using var factory = new GraphApiFactory();
        var client = factory.CreateGraphQLClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_until_the_index_is_built()
    {
        var holder = new GraphIndexHolder();
        var check = new IndexReadyHealthCheck(holder);
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        holder.Replace(GraphIndex.Build([], []));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task While_the_graph_loads_the_service_is_live_but_not_ready_and_queries_get_503_not_ready()
    {
        // Without the loader the index is never built: the state a large graph is in for its first seconds.
        using var factory = new GraphApiFactory().WithoutLoading();
        var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);

        using var response = await http.PostAsync("/graphql", Body("{\"query\":\"{ __typename }\"}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NOT_READY", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins()
    {
        using var factory = new GraphApiFactory().With("Graph:Cors:AllowedOrigins:0", "https://app.example.org");
        var http = factory.CreateGraphQLClient().Http;

        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        allowed.Headers.Add("Origin", "https://app.example.org");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var preflight = await http.SendAsync(allowed);
        Assert.Equal("https://app.example.org", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body("{\"query\":\"{ __typename }\"}") };
        other.Headers.Add("Origin", "https://evil.example.com");
        using var response = await http.SendAsync(other);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        using var factory = new GraphApiFactory();
        var http = factory.CreateGraphQLClient().Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body("{\"query\":\"{ __typename }\"}") };
        request.Headers.Add("Origin", "https://app.example.org");
        using var response = await http.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_that_errors_repeat_and_callers_may_set()
    {
        using var factory = new GraphApiFactory();
        var http = factory.CreateGraphQLClient().Http;
        using var failed = await http.PostAsync("/graphql", Body("{ nope"));
        var id = failed.Headers.GetValues("X-Request-Id").Single();
        var body = await GraphQLResponse.ReadAsync(failed);
        Assert.Equal(id, body.Errors![0]!["extensions"]!["requestId"]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body("{\"query\":\"{ __typename }\"}") };
        request.Headers.Add("X-Request-Id", "client-chosen-42");
        using var response = await http.SendAsync(request);
        Assert.Equal("client-chosen-42", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Introspection_can_be_switched_off_and_then_no_field_is_suggested()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:Introspection", "false");
        var client = factory.CreateGraphQLClient();
        var schema = await client.PostAsync("{ __schema { types { name } } }");
        Assert.Equal("INTROSPECTION_DISABLED", schema.FirstErrorCode);
        var type = await client.PostAsync("{ __type(name: \"Country\") { name } }");
        Assert.Equal("INTROSPECTION_DISABLED", type.FirstErrorCode);
        var typo = await client.PostAsync("{ entity(id: \"china\") { nam } }");
        Assert.DoesNotContain("Did you mean", typo.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var data = await client.QueryAsync("{ __typename entity(id: \"china\") { name } }");
        Assert.Equal("China", data["entity"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unpaged_lists_share_a_budget_per_request_nested_or_not()
    {
        // Each kind's own lists (partners, parties, ...) are not paged, so nested they multiply: a hub's ran to
        // gigabytes. A request may return MaxRelatedEntities of them together, then they fail with RESULT_LIMIT.
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxRelatedEntities", "5");
        var client = factory.CreateGraphQLClient();
        const string parties = "entity(id: \"joint-declaration-2013\") { ... on Agreement { parties { id } } }";

        var twice = await client.QueryAsync($"{{ a: {parties} b: {parties} }}");
        Assert.Equal(4, twice["a"]!["parties"]!.AsArray().Count + twice["b"]!["parties"]!.AsArray().Count);

        // Three times, so the third request takes the compiled path (the second keeps the document) and must answer the same.
        for (var run = 0; run < 3; run++)
        {
            var thrice = await client.PostAsync($"{{ a: {parties} b: {parties} c: {parties} }}");
            Assert.Equal(HttpStatusCode.OK, thrice.Status);
            Assert.Equal("RESULT_LIMIT", thrice.FirstErrorCode);
            List<System.Text.Json.Nodes.JsonNode?> answered = [thrice.Data!["a"], thrice.Data!["b"], thrice.Data!["c"]];
            Assert.Equal(2, answered.Count(entity => entity is not null));
            Assert.All(answered.OfType<System.Text.Json.Nodes.JsonNode>(), entity => Assert.Equal(2, entity["parties"]!.AsArray().Count));
        }

        // China and Belarus are each other's only partner: three levels (the most the cost allows) are three
        // lists of one, so one such chain fits the budget and the second of two does not.
        const string chain = "entity(id: \"belarus\") { ... on Country { diplomaticPartners { diplomaticPartners { diplomaticPartners { id } } } } }";
        var one = await client.QueryAsync($"{{ a: {chain} }}");
        Assert.Equal("china", one["a"]!["diplomaticPartners"]![0]!["diplomaticPartners"]![0]!["diplomaticPartners"]![0]!["id"]!.GetValue<string>());
        var two = await client.PostAsync($"{{ a: {chain} b: {chain} }}");
        Assert.Equal("RESULT_LIMIT", two.FirstErrorCode);
        Assert.Single(new[] { two.Data!["a"], two.Data!["b"] }, entity => entity is null);
    }

    [Fact]
    public async Task The_IDE_is_served_to_browsers_and_can_be_switched_off()
    {
        static HttpRequestMessage BrowserGet() => new(HttpMethod.Get, "/graphql/") { Headers = { { "Accept", "text/html,application/xhtml+xml" } } };
        using (var on = new GraphApiFactory())
        {
            using var page = await on.CreateGraphQLClient().Http.SendAsync(BrowserGet());
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var config = await on.CreateClient().GetStringAsync("/graphql/bcp-config.json");
            Assert.Contains("\"disableTelemetry\":true", config, StringComparison.Ordinal);
            Assert.Contains("\"endpoint\":\"/graphql\"", config, StringComparison.Ordinal);
        }

        using var off = new GraphApiFactory().With("Graph:Ide:Enabled", "false");
        using var response = await off.CreateGraphQLClient().Http.SendAsync(BrowserGet());
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_from_its_declared_length()
    {
        using var factory = new GraphApiFactory();
        var client = factory.CreateGraphQLClient();
        var padding = new string(' ', 32 * 1024 * 1024);
        using var response = await client.Http.PostAsync("/graphql", Body("{\"query\":\"{ __typename }\"" + padding + "}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BODY_TOO_LARGE", (await GraphQLResponse.ReadAsync(response)).FirstErrorCode);
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task Compressed_or_non_utf8_bodies_are_refused()
    {
        using var factory = new GraphApiFactory();
        var client = factory.CreateGraphQLClient();
        var gzip = Body("{\"query\":\"{ __typename }\"}");
        gzip.Headers.ContentEncoding.Add("gzip");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.Http.PostAsync("/graphql", gzip)).StatusCode);

        var invalidUtf8 = new ByteArrayContent([.. "{\"query\":\"{ __typename }\",\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        invalidUtf8.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync("/graphql", invalidUtf8)).StatusCode);

        var withBom = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"query\":\"{ __typename }\"}"u8]);
        withBom.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync("/graphql", withBom)).StatusCode);
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public void Unexpected_exceptions_reach_the_client_as_INTERNAL_without_details()
    {
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { TraceIdentifier = "req-1" } };
        var provider = new GraphErrorInfoProvider(http, new ProductionEnvironment(), Microsoft.Extensions.Options.Options.Create(new LimitsOptions()));
        var error = new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("secret connection string at /srv/db"));
        var info = provider.GetInfo(error);
        Assert.Equal("INTERNAL", info.Extensions!["code"]);
        Assert.Equal("req-1", info.Extensions["requestId"]);
        Assert.DoesNotContain("secret", info.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", info.Message, StringComparison.Ordinal);
        Assert.Contains("req-1", info.Message, StringComparison.Ordinal);
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Graph.Api";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
