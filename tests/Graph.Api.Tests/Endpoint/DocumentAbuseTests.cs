using System.Diagnostics;
using System.Net;
using System.Text;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>Documents built to exhaust the service: each is refused with a stable code, quickly, and the service carries on.</summary>
[Collection(SeedGraphTests.Name)]
public sealed class DocumentAbuseTests(SeedGraphFixture fixture)
{
    private async Task<GraphQLResponse> RefusedAsync(string query, string code, object? variables = null, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var client = fixture.Client;
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync(query, variables);
        watch.Stop();
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Null(response.Data);
        Assert.InRange(response.Errors!.Count, 1, 5);
        await client.AssertStillServesUnchangedAsync();
        return response;
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public Task Query_text_over_the_limit_is_413() =>
        RefusedAsync("{ __typename }" + new string(' ', 70_000) + "#" + new string('x', 10_000), "QUERY_TOO_LARGE", status: HttpStatusCode.RequestEntityTooLarge);

    [Fact]
    public Task Nesting_five_thousand_deep_is_refused_by_the_parser() =>
        RefusedAsync(Repeat("{ a ", 5000) + Repeat("}", 5000), "DOCUMENT_TOO_DEEP");

    [Fact]
    public Task Depth_one_hundred_through_relationships_is_refused_by_the_parser()
    {
        var query = new StringBuilder("{ entity(id: \"china\") ");
        for (var i = 0; i < 100; i++) query.Append("{ relationships { edges { node ");
        query.Append("{ id }");
        for (var i = 0; i < 100; i++) query.Append(" } } }");
        return RefusedAsync(query.Append(" }").ToString(), "DOCUMENT_TOO_DEEP");
    }

    [Fact]
    public Task Nested_list_literals_five_thousand_deep_are_refused_by_the_parser() =>
        RefusedAsync("{ nodes(ids: " + Repeat("[", 5000) + Repeat("]", 5000) + ") { id } }", "DOCUMENT_TOO_DEEP");

    [Fact]
    public Task Depth_through_real_relationships_is_refused_before_execution()
    {
        var query = new StringBuilder("{ entity(id: \"china\") ");
        for (var i = 0; i < 8; i++) query.Append("{ relationships(first: 1) { edges { node ");
        query.Append("{ id }");
        for (var i = 0; i < 8; i++) query.Append(" } } }");
        query.Append(" }");
        return RefusedAsync(query.ToString(), "QUERY_TOO_DEEP");
    }

    [Fact]
    public Task Ten_thousand_aliases_are_refused_by_the_text_limit() =>
        RefusedAsync("{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename")) + " }", "QUERY_TOO_LARGE", status: HttpStatusCode.RequestEntityTooLarge);

    [Fact]
    public Task Thousands_of_aliases_within_the_text_limit_are_refused_by_the_alias_limit() =>
        RefusedAsync("{ " + string.Join(" ", Enumerable.Range(0, 3000).Select(i => $"a{i}: __typename")) + " }", "TOO_MANY_ALIASES");

    [Fact]
    public Task Thousands_of_typenames_are_refused() =>
        RefusedAsync("{ " + Repeat("__typename ", 5000) + " }", "TOO_MANY_FIELDS");

    [Fact]
    public Task Thousands_of_directives_are_refused() =>
        RefusedAsync("{ __typename " + Repeat("@include(if: true) ", 3000) + " }", "TOO_MANY_DIRECTIVES");

    [Fact]
    public Task Aliased_expensive_traversals_are_refused() =>
        RefusedAsync("{ " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"n{i}: neighborhood(id: \"china\", depth: 6, limit: 500) {{ nodes {{ distance }} }}")) + " }", "TOO_MANY_ALIASES");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task More_fragments_than_the_limit_are_refused_before_validation_compares_them(bool inline)
    {
        // 101 fragments of two fields each: validation would compare them with one another, which for 200 took
        // nearly half a second of CPU; the limit refuses the document before that.
        var query = inline
            ? "{ entity(id: \"belarus\") { " + Repeat("... on Entity { name id } ", 101) + "} }"
            : BelarusQueries.WithFragments(101);
        return RefusedAsync(query, "TOO_MANY_FRAGMENTS");
    }

    [Fact]
    public async Task Fragment_cycles_are_refused_without_hanging()
    {
        var response = await fixture.Client.PostAsync("{ entity(id: \"china\") { ...A } } fragment A on Entity { relationships { edges { node { ...B } } } } fragment B on Entity { ...A }");
        Assert.Equal((HttpStatusCode)422, response.Status);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task A_two_to_the_fortieth_fragment_fan_out_is_measured_and_refused_fast()
    {
        var query = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < 40; i++) query.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        query.Append("fragment F40 on Query { __typename }");
        var response = await RefusedAsync(query.ToString(), "TOO_MANY_FIELDS");
        Assert.Contains("1,099,511,627,776", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_bombs_of_nested_lists_are_refused_with_the_computed_cost()
    {
        var response = await RefusedAsync("""
            { entities(first: 50) { edges { node { relationships(first: 50) { edges { node { relationships(first: 50) { edges { node { id } } } } } } } } } }
            """, "COST_LIMIT");
        // Both numbers written the same way, with thousands separated.
        Assert.Matches("cost [0-9]{1,3}(,[0-9]{3})+; the limit is [0-9]{1,3}(,[0-9]{3})+\\.", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ entities(last: 50) { edges { node { relationships(last: 50) { edges { node { relationships(last: 50) { edges { node { id } } } } } } } } } }", null)]
    [InlineData("query($n: Int) { entities(last: $n) { edges { node { relationships(last: $n) { edges { node { relationships(last: $n) { edges { node { id } } } } } } } } } }", 50)]
    public Task Pages_taken_from_the_end_are_costed_as_those_from_the_start(string query, int? size) =>
        RefusedAsync(query, "COST_LIMIT", size is null ? null : new { n = size });

    [Fact]
    public async Task Unpaged_lists_nested_are_costed_like_pages()
    {
        // Each level of a kind's own list counts as a default page: four levels of partners cost past the limit.
        var response = await RefusedAsync("""
            { entity(id: "belarus") { ... on Country { diplomaticPartners { diplomaticPartners { diplomaticPartners { diplomaticPartners { id } } } } } } }
            """, "COST_LIMIT");
        Assert.Matches("cost [0-9,]+", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public Task Cost_counts_page_sizes_given_in_variables() =>
        RefusedAsync("query($n: Int) { entities(first: $n) { edges { node { relationships(first: $n) { edges { node { relationships(first: $n) { edges { node { id } } } } } } } } } }", "COST_LIMIT", new { n = 60 });

    [Fact]
    public Task A_hundred_thousand_element_list_variable_is_refused() =>
        RefusedAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "VARIABLES_TOO_LARGE", new { ids = Enumerable.Repeat("x", 100_000) });

    [Fact]
    public Task A_huge_string_variable_is_refused() =>
        RefusedAsync("query($t: String!) { search(text: $t) { matchedName } }", "VARIABLES_TOO_LARGE", new { t = new string('x', 500_000) });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_string_variable_is_measured_in_characters_however_the_json_writes_them(bool escaped)
    {
        // 10,000 characters (the default limit) pass and 10,001 do not, whether each "é" arrives as two
        // bytes of UTF-8 or as the six of \u00e9: the service checks the decoded length, not the bytes.
        const string query = "query($t: ID!) { entity(id: $t) { id } }";
        async Task<GraphQLResponse> SendAsync(int length)
        {
            var text = escaped ? Repeat("\\u00e9", length) : new string('é', length);
            var body = "{\"query\":\"" + query + "\",\"variables\":{\"t\":\"" + text + "\"}}";
            using var response = await fixture.Client.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
            return await GraphQLResponse.ReadAsync(response);
        }

        var atLimit = await SendAsync(10_000);
        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Null(atLimit.Errors);
        var over = await SendAsync(10_001);
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Equal("VARIABLES_TOO_LARGE", over.FirstErrorCode);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task Variables_nested_five_thousand_deep_are_refused()
    {
        var body = "{\"query\":\"{ __typename }\",\"variables\":{\"v\":" + Repeat("[", 5000) + Repeat("]", 5000) + "}}";
        using var response = await fixture.Client.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", (await GraphQLResponse.ReadAsync(response)).FirstErrorCode);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task The_IDE_introspection_query_passes_every_limit()
    {
        var data = await fixture.Client.QueryAsync(IntrospectionQuery.Full);
        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queries_a_frontend_sends_fit_the_default_cost()
    {
        var data = await fixture.Client.QueryAsync("""
            { neighborhood(id: "belarus", depth: 2, limit: 200) { nodes { distance entity { id name kind } } relationships { id type from { id } to { id } validTime { start { text } } } }
              entity(id: "belarus") { name relationships(first: 20) { edges { relationship { type sources { paragraph } } node { id name } } } } }
            """);
        Assert.NotNull(data["neighborhood"]);
    }
}
