using System.Net;
using System.Text;
using Graph.Api.Endpoint;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Every GraphQL answer says what its operation cost, as the limit measured it before it ran, and the
/// limit (<c>Graph-Cost: 16; limit=50000</c>), so a client sees how close a query is to the limit before
/// it is refused; a refusal for cost says it too, and browsers on allowed origins may read it.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class CostHeaderTests(SeedGraphFixture fixture)
{
    // By the README's rule: each field 1, and a page multiplies what it selects by its size
    // (entities(first: n) { edges { node { id } } } costs 1 + n × 3).
    private const string Page = "query($n: Int) { entities(first: $n) { edges { node { id } } } }";

    [Theory]
    [InlineData("{ __typename }", null, "1; limit=50000")]
    [InlineData(Page, 5, "16; limit=50000")]
    [InlineData(Page, 10, "31; limit=50000")]
    [InlineData("{ entity(id: \"belarus\") { name relationships(first: 4) { edges { node { id } } } } }", null, "15; limit=50000")]
    // A field that is not there fails validation after it was measured: the answer still says the cost.
    [InlineData("{ nope }", null, "1; limit=50000")]
    public async Task An_answer_says_what_its_operation_cost_and_the_limit(string query, int? size, string expected)
    {
        using var response = await PostAsync(fixture.Client.Http, query, size is null ? null : new { n = size });
        Assert.Equal(expected, Cost(response));
    }

    // A search costs 50 a word of its text besides its field (README, "Cost"): search(first: 2) { match } is
    // 1 + 50 × words + 2 × 1.
    [Theory]
    [InlineData("great stone", "103; limit=50000")]
    [InlineData("  great   stone ", "103; limit=50000")]
    [InlineData("minsk", "53; limit=50000")]
    [InlineData("", "53; limit=50000")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t", "1003; limit=50000")]
    public async Task A_search_costs_by_the_words_of_its_text_given_inline_or_as_a_variable(string text, string expected)
    {
        var inline = $"{{ search(text: \"{text}\", first: 2) {{ match }} }}";
        using var literal = await PostAsync(fixture.Client.Http, inline);
        Assert.Equal(expected, Cost(literal));

        using var variable = await PostAsync(fixture.Client.Http, "query($t: String!) { search(text: $t, first: 2) { match } }", new { t = text });
        Assert.Equal(expected, Cost(variable));
    }

    [Fact]
    public async Task Two_searches_of_twenty_words_in_one_document_cost_more_than_the_expensive_lane_starts_at()
    {
        const string words = "amber birch cobalt delta ember falcon granite harbor iris juniper krypton lumen meridian nova onyx prairie quartz river summit tundra";
        using var response = await PostAsync(fixture.Client.Http, $"{{ a: search(text: \"{words}\") {{ match }} b: search(text: \"{words} x\") {{ match }} }}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cost = long.Parse(Cost(response)!.Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cost > new LimitsOptions().ExpensiveCost, $"cost {cost}");
    }

    // The graph-wide list on a date may read every relationship to fill its page, so it costs 2,000 besides its page
    // (README, "Cost"); by types and kinds alone it reads only what it keeps; an entity's own list, bounded by its degree,
    // costs as a page whatever its filter.
    [Theory]
    [InlineData("{ relationships(first: 2) { edges { node { id } } } }", "7")]
    [InlineData("{ relationships(types: [DIPLOMATIC_RELATIONS], first: 2) { edges { node { id } } } }", "7")]
    [InlineData("{ relationships(asOf: \"2014-01-01\", first: 2) { totalCount } }", "2003")]
    [InlineData("{ relationships(types: [PARTY_TO], fromKinds: [COUNTRY], toKinds: [AGREEMENT], asOf: \"2014-01-01\", first: 2) { totalCount } }", "2003")]
    [InlineData("{ relationships(fromKinds: [COUNTRY], toKinds: null, first: 2) { totalCount } }", "3")]
    [InlineData("{ relationships(types: null, first: 2) { totalCount } }", "3")]
    [InlineData("{ ...All } fragment All on Query { relationships(asOf: \"2014-01-01\", first: 2) { totalCount } }", "2003")]
    [InlineData("{ entity(id: \"belarus\") { relationships(types: [DIPLOMATIC_RELATIONS], first: 2) { edges { node { id } } } } }", "8")]
    [InlineData("{ entity(id: \"belarus\") { ...Ties } } fragment Ties on Entity { relationships(asOf: \"2014-01-01\", first: 2) { edges { node { id } } } }", "8")]
    public async Task The_graph_wide_list_of_relationships_costs_a_scan_on_a_date(string query, string expected)
    {
        using var response = await PostAsync(fixture.Client.Http, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected + "; limit=50000", Cost(response));
    }

    [Theory]
    [InlineData(null, "3")]
    [InlineData("2014-01-01", "2003")]
    public async Task A_date_given_as_a_variable_is_a_filter_and_none_given_is_not(string? day, string expected)
    {
        using var response = await PostAsync(fixture.Client.Http, "query($d: Date) { relationships(asOf: $d, first: 2) { totalCount } }", new { d = day });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected + "; limit=50000", Cost(response));
    }

    [Fact]
    public async Task A_GET_answer_and_its_304_say_the_cost_too()
    {
        const string url = "/graphql?query=%7Bentities(first%3A2)%7Bedges%7Bnode%7Bid%7D%7D%7D%7D";
        using var first = await fixture.Client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("7; limit=50000", Cost(first));

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        using var notModified = await fixture.Client.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("7; limit=50000", Cost(notModified));
    }

    [Fact]
    public async Task A_refusal_for_cost_says_the_cost_and_the_configured_limit()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCost", "20");
        var http = factory.CreateGraphQLClient().Http;

        using var under = await PostAsync(http, Page, new { n = 5 });
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal("16; limit=20", Cost(under));

        using var over = await PostAsync(http, Page, new { n = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("\"COST_LIMIT\"", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("31; limit=20", Cost(over));
    }

    [Fact]
    public async Task A_request_refused_before_it_is_measured_says_no_cost()
    {
        using var response = await fixture.Client.Http.PostAsync("/graphql", new StringContent("{ nope", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Graph-Cost"));
    }

    [Fact]
    public async Task Browsers_on_an_allowed_origin_may_read_the_cost_the_tag_and_a_cache_hit()
    {
        using var factory = new GraphApiFactory().With("Graph:Cors:AllowedOrigins:0", "https://app.example.org");
        var http = factory.CreateGraphQLClient().Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ __typename }", null) };
        request.Headers.Add("Origin", "https://app.example.org");
        using var response = await http.SendAsync(request);

        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',')).Select(v => v.Trim()).ToList();
        Assert.Contains("Graph-Cost", exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("ETag", exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Graph-Answer-Cache", exposed, StringComparer.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string query, object? variables = null) => http.PostAsync("/graphql", Json(query, variables));

    private static StringContent Json(string query, object? variables) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");

    private static string? Cost(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Graph-Cost", out var values) ? values.Single() : null;
}
