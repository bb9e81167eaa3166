using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Automatic persisted queries as Apollo's and urql's clients speak them: a hash alone, then the hash with
/// the text when the hash is not known, then the hash alone again, over POST and over GET (whose short URL
/// caches can keep); a text is kept only when its hash is its own and its operation ran.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class PersistedQueryTests(SeedGraphFixture fixture)
{
    // Apollo's documentation gives this hash for this text; the tests' own hashes are checked against it.
    private const string TypenameHash = "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A text no other test sends, so each test starts with its hash unknown.</summary>
    private static string Unique(string selection, string variables = "") => $"query Q{Guid.NewGuid():N}{variables} {{ {selection} }}";

    private static string Extensions(string hash, int version = 1) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version, sha256Hash = hash } });

    private static async Task<GraphQLResponse> PostAsync(HttpClient http, string? query, string extensions, object? variables = null)
    {
        var body = new Dictionary<string, object?> { ["extensions"] = JsonDocument.Parse(extensions).RootElement, ["variables"] = variables };
        if (query is not null) body["query"] = query;
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static string GetUrl(string hash, string variables) =>
        "/graphql?extensions=" + Uri.EscapeDataString(Extensions(hash)) + "&variables=" + Uri.EscapeDataString(variables);

    [Fact]
    public void The_tests_hash_is_the_sha256_apollo_gives_for_its_example() => Assert.Equal(TypenameHash, Sha256("{__typename}"));

    [Fact]
    public async Task A_hash_alone_is_not_found_until_sent_with_its_text_then_it_is_enough()
    {
        var http = fixture.Client.Http;
        var query = Unique("entity(id: \"belarus\") { name }");
        var hash = Sha256(query);

        var miss = await PostAsync(http, null, Extensions(hash));
        Assert.Equal(HttpStatusCode.NotFound, miss.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.FirstErrorCode);
        // The words the clients compare before they send the text.
        Assert.Equal("PersistedQueryNotFound", miss.Errors![0]!["message"]!.GetValue<string>());
        Assert.Null(miss.Data);

        var registered = await PostAsync(http, query, Extensions(hash));
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Equal("Belarus", registered.Data!["entity"]!["name"]!.GetValue<string>());

        var hit = await PostAsync(http, null, Extensions(hash));
        Assert.Equal(HttpStatusCode.OK, hit.Status);
        Assert.Equal(registered.Body.ToJsonString(), hit.Body.ToJsonString());
    }

    [Fact]
    public async Task A_kept_text_runs_with_each_requests_own_variables_over_get_and_its_answer_can_be_revalidated()
    {
        var http = fixture.Client.Http;
        var query = Unique("entity(id: $id) { name }", "($id: ID!)");
        var hash = Sha256(query);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, query, Extensions(hash), new { id = "china" })).Status);

        using var belarus = await http.GetAsync(GetUrl(hash, "{\"id\":\"belarus\"}"));
        Assert.Equal(HttpStatusCode.OK, belarus.StatusCode);
        var answer = await GraphQLResponse.ReadAsync(belarus);
        Assert.Equal("Belarus", answer.Data!["entity"]!["name"]!.GetValue<string>());
        Assert.NotNull(belarus.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, GetUrl(hash, "{\"id\":\"belarus\"}"));
        again.Headers.TryAddWithoutValidation("If-None-Match", belarus.Headers.ETag!.ToString());
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var china = await http.GetAsync(GetUrl(hash, "{\"id\":\"china\"}"));
        Assert.Equal("China", (await GraphQLResponse.ReadAsync(china)).Data!["entity"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_text_can_be_kept_over_get_and_a_hash_in_capitals_is_the_same_hash()
    {
        var http = fixture.Client.Http;
        var query = Unique("graphStatistics { entityCount }");
        var hash = Sha256(query);
        using var registered = await http.GetAsync(GetUrl(hash.ToUpperInvariant(), "{}") + "&query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var hit = await PostAsync(http, null, Extensions(hash));
        Assert.Equal(HttpStatusCode.OK, hit.Status);
        Assert.True(hit.Data!["graphStatistics"]!["entityCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused_and_nothing_is_kept_under_it()
    {
        var http = fixture.Client.Http;
        var other = Sha256(Unique("__typename"));
        var refused = await PostAsync(http, Unique("graphStatistics { entityCount }"), Extensions(other));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", refused.FirstErrorCode);
        Assert.Null(refused.Data);

        // Nothing can be made to answer under a hash that is not its own.
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(http, null, Extensions(other))).FirstErrorCode);
    }

    [Theory]
    [InlineData("nope", HttpStatusCode.UnprocessableEntity)]
    [InlineData("entity(id: ", HttpStatusCode.BadRequest)]
    public async Task A_text_that_does_not_parse_or_validate_is_not_kept(string selection, HttpStatusCode status)
    {
        var http = fixture.Client.Http;
        var query = Unique(selection);
        var hash = Sha256(query);
        Assert.Equal(status, (await PostAsync(http, query, Extensions(hash))).Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(http, null, Extensions(hash))).FirstErrorCode);
    }

    [Theory]
    [InlineData("{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"" + TypenameHash + "\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": \"1\", \"sha256Hash\": \"" + TypenameHash + "\"}}")]
    [InlineData("{\"persistedQuery\": {\"sha256Hash\": \"" + TypenameHash + "\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ab\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + "g" + "cf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": 7}}")]
    [InlineData("{\"persistedQuery\": \"" + TypenameHash + "\"}")]
    public async Task A_persisted_query_that_is_not_apollos_shape_is_400_with_its_own_code(string extensions)
    {
        // With and without the text: neither runs.
        foreach (var query in new[] { "{__typename}", null })
        {
            var response = await PostAsync(fixture.Client.Http, query, extensions);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("PERSISTED_QUERY_INVALID", response.FirstErrorCode);
            Assert.Null(response.Data);
        }
    }

    [Fact]
    public async Task A_kept_text_answers_to_its_document_id_as_the_graphql_over_http_draft_sends_it()
    {
        var http = fixture.Client.Http;
        var query = Unique("entity(id: $id) { name }", "($id: ID!)");
        var documentId = "sha256:" + Sha256(query);
        var body = JsonSerializer.Serialize(new { documentId, variables = new { id = "belarus" } });

        using (var miss = await http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
            Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLResponse.ReadAsync(miss)).FirstErrorCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, query, Extensions(Sha256(query)), new { id = "china" })).Status);
        using (var hit = await http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal("Belarus", (await GraphQLResponse.ReadAsync(hit)).Data!["entity"]!["name"]!.GetValue<string>());
        }

        using var get = await http.GetAsync("/graphql?documentId=" + Uri.EscapeDataString(documentId.ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal)) + "&variables=" + Uri.EscapeDataString("{\"id\":\"china\"}"));
        Assert.Equal("China", (await GraphQLResponse.ReadAsync(get)).Data!["entity"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"documentId\": \"sha256:" + TypenameHash + "\", \"query\": \"{__typename}\"}", "INVALID_REQUEST")]
    [InlineData("{\"documentId\": \"sha256:" + TypenameHash + "\", \"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + TypenameHash + "\"}}}", "INVALID_REQUEST")]
    [InlineData("{\"documentId\": \"" + TypenameHash + "\"}", "PERSISTED_QUERY_INVALID")]
    [InlineData("{\"documentId\": \"md5:0cc175b9c0f1b6a831c399e269772661\"}", "PERSISTED_QUERY_INVALID")]
    [InlineData("{\"documentId\": 7}", "INVALID_REQUEST")]
    public async Task A_document_id_beside_a_text_or_not_a_sha256_is_400(string body, string code)
    {
        using var response = await fixture.Client.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await GraphQLResponse.ReadAsync(response)).FirstErrorCode);
    }

    [Fact]
    public async Task Switched_off_a_hash_alone_says_not_supported_and_a_text_with_its_hash_still_runs()
    {
        using var factory = new GraphApiFactory().With("Graph:PersistedQueries:Enabled", "false");
        var http = factory.CreateGraphQLClient().Http;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{__typename}", Extensions(TypenameHash))).Status);
        var alone = await PostAsync(http, null, Extensions(TypenameHash));
        Assert.Equal(HttpStatusCode.BadRequest, alone.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", alone.FirstErrorCode);
        // The words that make the clients stop sending hashes alone.
        Assert.Equal("PersistedQueryNotSupported", alone.Errors![0]!["message"]!.GetValue<string>());
    }

    /// <summary>A service with a file of trusted documents: a query by name and one with a variable.</summary>
    private static (GraphApiFactory Factory, string File, string Belarus, string Entity) WithTrustedDocuments(bool only)
    {
        const string belarus = "query TrustedBelarus { entity(id: \"belarus\") { name } }";
        const string entity = "query TrustedEntity($id: ID!) { entity(id: $id) { name } }";
        var file = Path.Combine(Path.GetTempPath(), $"graph-documents-{Guid.NewGuid():N}.json");
        // A name in capitals is the same hash.
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, string> { [Sha256(belarus)] = belarus, [Sha256(entity).ToUpperInvariant()] = entity }));
        var factory = new GraphApiFactory().With("Graph:PersistedQueries:DocumentsPath", file).With("Graph:PersistedQueries:OnlyTrustedDocuments", only ? "true" : "false");
        return (factory, file, belarus, entity);
    }

    [Fact]
    public async Task Trusted_documents_answer_by_hash_from_the_start()
    {
        var (factory, file, belarus, entity) = WithTrustedDocuments(only: false);
        try
        {
            var http = factory.CreateGraphQLClient().Http;
            Assert.Equal("Belarus", (await PostAsync(http, null, Extensions(Sha256(belarus)))).Data!["entity"]!["name"]!.GetValue<string>());
            using var china = await http.GetAsync(GetUrl(Sha256(entity), "{\"id\":\"china\"}"));
            Assert.Equal("China", (await GraphQLResponse.ReadAsync(china)).Data!["entity"]!["name"]!.GetValue<string>());
            // Any other text still runs, and is kept as before.
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{ __typename }", Extensions(Sha256("{ __typename }")))).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, null, Extensions(Sha256("{ __typename }")))).Status);
        }
        finally
        {
            factory.Dispose();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Only_trusted_documents_run_when_so_configured_by_hash_or_as_text()
    {
        var (factory, file, belarus, entity) = WithTrustedDocuments(only: true);
        try
        {
            var http = factory.CreateGraphQLClient().Http;
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, null, Extensions(Sha256(belarus)))).Status);
            Assert.Equal("China", (await factory.CreateGraphQLClient().PostAsync(entity, new { id = "china" })).Data!["entity"]!["name"]!.GetValue<string>());

            // Any other text is refused, with or without its hash, and is not kept.
            var other = "{ graphStatistics { entityCount } }";
            foreach (var response in new[] { await factory.CreateGraphQLClient().PostAsync(other), await PostAsync(http, other, Extensions(Sha256(other))) })
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.Status);
                Assert.Equal("QUERY_NOT_IN_SAFELIST", response.FirstErrorCode);
                Assert.Null(response.Data);
            }

            Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(http, null, Extensions(Sha256(other)))).FirstErrorCode);
            // The same document with a character more is another text.
            Assert.Equal("QUERY_NOT_IN_SAFELIST", (await factory.CreateGraphQLClient().PostAsync(belarus + " ")).FirstErrorCode);
        }
        finally
        {
            factory.Dispose();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_kept_texts_stay_within_their_configured_size()
    {
        using var factory = new GraphApiFactory().With("Graph:PersistedQueries:MaxCharacters", "1024");
        var http = factory.CreateGraphQLClient().Http;
        // Each counts 64 + its length (about 300), so no more than three fit.
        var queries = Enumerable.Range(0, 8).Select(i => Unique($"a{i}: __typename" + string.Concat(Enumerable.Repeat(" __typename", 22)))).ToList();
        foreach (var query in queries) Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, query, Extensions(Sha256(query)))).Status);

        var known = 0;
        foreach (var query in queries)
        {
            var response = await PostAsync(http, null, Extensions(Sha256(query)));
            if (response.Status == HttpStatusCode.OK) known++;
            else Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.FirstErrorCode);
        }

        Assert.InRange(known, 1, 1024 / (64 + queries[0].Length));
    }
}
