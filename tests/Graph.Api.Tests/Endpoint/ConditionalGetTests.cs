using System.Net;
using System.Net.Http.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// A GET answer carries an entity tag and Cache-Control, so a browser or CDN may keep it and ask again with
/// If-None-Match: the same answer then comes back as 304 without its body. Answers with errors, refusals
/// and POSTs are not for keeping. <c>Graph:Caching:MaxAgeSeconds</c> lets caches reuse answers unasked.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class ConditionalGetTests(SeedGraphFixture fixture)
{
    private const string Belarus = "/graphql?query=%7Bentity(id%3A%22belarus%22)%7Bname%20description%7D%7D";
    private const string China = "/graphql?query=%7Bentity(id%3A%22china%22)%7Bname%20description%7D%7D";

    [Fact]
    public async Task A_GET_answer_has_a_tag_and_a_request_naming_it_gets_304_without_the_answer()
    {
        using var first = await GetAsync(fixture.Client.Http, Belarus);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak);
        Assert.True(first.Headers.CacheControl!.NoCache);
        Assert.Contains("Accept", first.Headers.Vary);

        // Asked again (the engine answered first, a compiled plan answers now): the same bytes, the same tag.
        using var again = await GetAsync(fixture.Client.Http, Belarus);
        Assert.Equal(tag, again.Headers.ETag);
        using var notModified = await GetAsync(fixture.Client.Http, Belarus, ifNoneMatch: tag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);
        // Compared weakly, in a list, or as "*".
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(fixture.Client.Http, Belarus, ifNoneMatch: $"\"x\", {tag.Tag}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(fixture.Client.Http, Belarus, ifNoneMatch: "*")).StatusCode);

        // Another question, or the same one asked for another media type, is another answer.
        using var china = await GetAsync(fixture.Client.Http, China, ifNoneMatch: tag.ToString());
        Assert.Equal(HttpStatusCode.OK, china.StatusCode);
        Assert.NotEqual(tag, china.Headers.ETag);
        using var plainJson = await GetAsync(fixture.Client.Http, Belarus, ifNoneMatch: tag.ToString(), accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, plainJson.StatusCode);
        Assert.NotEqual(tag, plainJson.Headers.ETag);
    }

    [Theory]
    [InlineData("/graphql?query=%7Bentities(after%3A%22bm90LWEtY3Vyc29y%22)%7BtotalCount%7D%7D", HttpStatusCode.OK)]
    [InlineData("/graphql?query=%7Bnope%7D", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/graphql?query=%7B", HttpStatusCode.BadRequest)]
    public async Task Answers_with_errors_and_refusals_carry_no_tag(string url, HttpStatusCode status)
    {
        using var response = await GetAsync(fixture.Client.Http, url, ifNoneMatch: "*");
        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Headers.CacheControl);
    }

    [Fact]
    public async Task A_POST_answer_carries_no_tag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ entity(id: \"belarus\") { name } }" }) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await fixture.Client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Caches_may_keep_answers_for_the_configured_time()
    {
        using var factory = new GraphApiFactory().With("Graph:Caching:MaxAgeSeconds", "600");
        var http = factory.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        using var response = await GetAsync(http, Belarus);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string? ifNoneMatch = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }
}
