using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Answers are compressed for clients that say they accept Brotli or gzip, and only for them; the
/// compressed answer is the same answer. <c>Graph:Compression:Enabled=false</c> turns it off.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class ResponseCompressionTests(SeedGraphFixture fixture)
{
    private const string Neighborhood = "{ neighborhood(id: \"china\", depth: 2) { nodes { distance entity { id name kind } } relationships { id type from { id } to { id } } } }";

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_client_that_accepts_compression_gets_the_same_answer_compressed(string encoding)
    {
        var (plainBody, plain) = await PostAsync(fixture.Factory, acceptEncoding: null);
        var (body, compressed) = await PostAsync(fixture.Factory, encoding);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Equal("application/graphql-response+json", compressed.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length * 3 < plainBody.Length, $"{body.Length} bytes compressed against {plainBody.Length}");
        Assert.Equal(plainBody, Decompress(body, encoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(plainBody.Length, plain.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Pages_and_scripts_are_compressed_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/explorer");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await fixture.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var html = System.Text.Encoding.UTF8.GetString(Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Compression_can_be_turned_off()
    {
        using var factory = new GraphApiFactory().With("Graph:Compression:Enabled", "false");
        factory.CreateGraphQLClient();

        var (body, response) = await PostAsync(factory, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("\"neighborhood\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    private static async Task<(byte[] Body, HttpResponseMessage Response)> PostAsync(GraphApiFactory factory, string? acceptEncoding)
    {
        var http = factory.CreateClient();
        // Run first in its collection, this would otherwise meet the graph still loading (503 NOT_READY).
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Neighborhood }) };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await http.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressing = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressing.CopyTo(output);
        return output.ToArray();
    }
}
