using System.Net;
using System.Net.Http.Json;
using System.Text;
using Graph.Api.Endpoint;
using Graph.Api.Index;
using Graph.Api.Tests.Support;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Whole answers kept by their request: from the third time a query is asked (the second keeps it), the same bytes
/// come back marked <c>Graph-Answer-Cache: hit</c>, with the cost header and, for a GET, the entity tag. Other variables
/// or another operation are other answers; answers with errors, answers over the size kept and answers of a snapshot
/// no longer serving are never sent again; with the cache off, every request runs. Each test's queries carry an alias
/// of their own.
/// </summary>
public sealed class AnswerCacheTests(AnswerCacheTests.CachingService fixture) : IClassFixture<AnswerCacheTests.CachingService>
{
    private const string Header = AnswerCache.HeaderName;

    /// <summary>The seed graph's service with the answer cache at its default size (the tests' factory turns it off).</summary>
    public sealed class CachingService : IDisposable
    {
        public CachingService()
        {
            Http = Factory.CreateClient();
            Http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        }

        public GraphApiFactory Factory { get; } = new GraphApiFactory().With("Graph:Caching:AnswerCacheMiB", new GraphCachingOptions().AnswerCacheMiB.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public HttpClient Http { get; }

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task A_query_asked_a_third_time_is_sent_from_the_cache_with_the_same_bytes_and_cost()
    {
        const string query = "{ keptOnce: entity(id: \"belarus\") { name relationships(first: 3) { edges { node { id } } } } }";
        var (first, firstCached) = await PostAsync(fixture.Http, query);
        var (second, secondCached) = await PostAsync(fixture.Http, query);
        using var third = await SendAsync(fixture.Http, query);

        Assert.False(firstCached);
        Assert.False(secondCached);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("hit", Assert.Single(third.Headers.GetValues(Header)));
        Assert.Equal(first, second);
        Assert.Equal(first, await third.Content.ReadAsStringAsync());
        Assert.Contains("Belarus", first, StringComparison.Ordinal);
        Assert.StartsWith("12;", Assert.Single(third.Headers.GetValues("Graph-Cost")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_variables_or_another_operation_are_other_answers()
    {
        const string query = "query A($id: ID!) { keptA: entity(id: $id) { name } } query B($id: ID!) { keptB: entity(id: $id) { id } }";
        for (var i = 0; i < 3; i++) await PostAsync(fixture.Http, query, new { id = "belarus" }, "A");

        var (belarus, belarusCached) = await PostAsync(fixture.Http, query, new { id = "belarus" }, "A");
        var (china, chinaCached) = await PostAsync(fixture.Http, query, new { id = "china" }, "A");
        var (other, otherCached) = await PostAsync(fixture.Http, query, new { id = "belarus" }, "B");

        Assert.True(belarusCached);
        Assert.False(chinaCached);
        Assert.False(otherCached);
        Assert.Contains("\"keptA\":{\"name\":\"Belarus\"}", belarus, StringComparison.Ordinal);
        Assert.Contains("\"keptA\":{\"name\":\"China\"}", china, StringComparison.Ordinal);
        Assert.Contains("\"keptB\":{\"id\":\"belarus\"}", other, StringComparison.Ordinal);
    }

    [Theory]
    // Data with an error (a cursor of no list), and a document that does not validate.
    [InlineData("{ keptBadCursor: entities(after: \"bm90LWEtY3Vyc29y\") { totalCount } }", HttpStatusCode.OK)]
    [InlineData("{ keptNope: nope }", HttpStatusCode.UnprocessableEntity)]
    public async Task Answers_with_errors_are_never_kept(string query, HttpStatusCode status)
    {
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync(fixture.Http, query);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains(Header));
        }
    }

    [Fact]
    public async Task A_GET_sent_from_the_cache_has_its_tag_and_gets_304_when_the_client_holds_it()
    {
        const string url = "/graphql?query=%7BkeptGet%3Aentity(id%3A%22belarus%22)%7Bname%7D%7D";
        var tag = await TagOfTheFirstTwoAsync(url);

        using var hit = await fixture.Http.GetAsync(url);
        Assert.Equal("hit", Assert.Single(hit.Headers.GetValues(Header)));
        Assert.Equal(tag, hit.Headers.ETag!.Tag);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var notModified = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_GET_sent_from_the_cache_is_tagged_for_the_media_type_it_is_sent_as()
    {
        // An answer kept as plain JSON (what a client that names no type gets), asked for as a GraphQL response: the kept hash
        // of the bytes is the same, the tag is not, and it is the one an answer made anew as a GraphQL response gets.
        const string url = "/graphql?query=%7BkeptAs%3Aentity(id%3A%22china%22)%7Bname%7D%7D";
        var madeTag = await TagOfTheFirstTwoAsync(url);

        using var asResponse = new HttpRequestMessage(HttpMethod.Get, url);
        asResponse.Headers.Accept.ParseAdd(ResponseMediaType.GraphQLResponse);
        using var hit = await fixture.Http.SendAsync(asResponse);

        Assert.Equal("hit", Assert.Single(hit.Headers.GetValues(Header)));
        Assert.Equal(ResponseMediaType.GraphQLResponse, hit.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(madeTag, hit.Headers.ETag!.Tag);
        using var off = new GraphApiFactory();
        var http = off.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var madeAsResponse = new HttpRequestMessage(HttpMethod.Get, url);
        madeAsResponse.Headers.Accept.ParseAdd(ResponseMediaType.GraphQLResponse);
        using var made = await http.SendAsync(madeAsResponse);
        Assert.False(made.Headers.Contains(Header));
        Assert.Equal(made.Headers.ETag!.Tag, hit.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task With_the_cache_off_every_request_runs()
    {
        using var factory = new GraphApiFactory().With("Graph:Caching:AnswerCacheMiB", "0");
        var http = factory.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 4; i++) Assert.False((await PostAsync(http, "{ entity(id: \"belarus\") { name } }")).Cached);
    }

    [Fact]
    public async Task An_answer_over_the_largest_size_kept_is_not_kept()
    {
        using var factory = new GraphApiFactory().With("Graph:Caching:AnswerCacheMiB", "64").With("Graph:Caching:MaxCachedAnswerKiB", "1");
        var http = factory.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        const string large = "{ entities(first: 40) { edges { node { id name } } } }";
        const string small = "{ entity(id: \"belarus\") { name } }";

        for (var i = 0; i < 3; i++)
        {
            var (answer, cached) = await PostAsync(http, large);
            Assert.True(Encoding.UTF8.GetByteCount(answer) > 1024);
            Assert.False(cached);
        }

        for (var i = 0; i < 2; i++) await PostAsync(http, small);
        Assert.True((await PostAsync(http, small)).Cached);
    }

    [Fact]
    public void An_answer_is_sent_again_only_while_the_snapshot_it_was_made_from_serves()
    {
        var holder = new GraphIndexHolder();
        holder.Replace(TestGraphs.Build("a>b"));
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var cache = new AnswerCache(Options.Create(new GraphCachingOptions()), holder, new GraphQLSerializer(), meters.GetRequiredService<IMeterFactory>());
        var key = cache.KeyOf(new GraphQLHttpRequest("{ x }", new Inputs(new Dictionary<string, object?> { ["id"] = "a" }), null))!;
        var answer = "{\"data\":{}}"u8.ToArray();
        var made = holder.Current;

        cache.Keep(key, made, answer);
        Assert.Null(cache.Find(key));
        cache.Keep(key, made, answer);
        Assert.Equal(answer, cache.Find(key)!.Body);

        holder.Replace(TestGraphs.Build("a>c"));
        Assert.Null(cache.Find(key));
        // An answer made from the old snapshot and finished after the new one came is not kept either.
        cache.Keep(key, made, answer);
        Assert.Null(cache.Find(key));
        cache.Keep(key, holder.Current, answer);
        Assert.Equal(answer, cache.Find(key)!.Body);
        // No two requests share a key: the operation's name and the variables are told apart from the text.
        Assert.NotEqual(key, cache.KeyOf(new GraphQLHttpRequest("{ x }", null, "1:id")));
        Assert.NotEqual(cache.KeyOf(new GraphQLHttpRequest("2:{ x }", null, null)), cache.KeyOf(new GraphQLHttpRequest("{ x }", null, "")));
    }

    // A GET asked twice, as the default media type: both answers made anew (the second is kept), and the second's tag.
    private async Task<string> TagOfTheFirstTwoAsync(string url)
    {
        var tag = "";
        for (var i = 0; i < 2; i++)
        {
            using var response = await fixture.Http.GetAsync(url);
            Assert.False(response.Headers.Contains(Header));
            tag = response.Headers.ETag!.Tag;
        }

        return tag;
    }

    private static async Task<(string Answer, bool Cached)> PostAsync(HttpClient http, string query, object? variables = null, string? operationName = null)
    {
        using var response = await SendAsync(http, query, variables, operationName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Contains(Header));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string query, object? variables = null, string? operationName = null) =>
        http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
}
