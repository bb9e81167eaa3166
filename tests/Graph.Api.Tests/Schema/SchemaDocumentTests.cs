using System.Net;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Schema;

/// <summary>GET /graphql?sdl serves the schema as SDL, for code generators: the text of schema.graphql, hidden with introspection.</summary>
[Collection(SeedGraphTests.Name)]
public sealed class SchemaDocumentTests(SeedGraphFixture fixture)
{
    [Theory]
    [InlineData("/graphql?sdl", null)]
    [InlineData("/graphql/?sdl", null)]
    // A browser opening the address gets the schema too, not the IDE.
    [InlineData("/graphql?sdl", "text/html,application/xhtml+xml,*/*;q=0.8")]
    [InlineData("/graphql?sdl=1", "text/plain")]
    public async Task The_schema_is_served_as_the_text_of_schema_graphql(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await fixture.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql", response.Content.Headers.ContentType?.MediaType);
        var contract = await File.ReadAllTextAsync(Path.Combine(SchemaContractTests.RepositoryRoot(), "schema.graphql"));
        Assert.Equal(contract.ReplaceLineEndings("\n"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_query_beside_the_sdl_parameter_is_run_as_a_query()
    {
        var answer = await fixture.Client.Http.GetStringAsync("/graphql?sdl&query=" + Uri.EscapeDataString("{ entity(id: \"belarus\") { name } }"));
        Assert.Equal("{\"data\":{\"entity\":{\"name\":\"Belarus\"}}}", answer);
    }

    [Fact]
    public async Task With_introspection_off_the_schema_is_not_served()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:Introspection", "false");
        var response = await GraphQLResponse.ReadAsync(await factory.CreateClient().GetAsync("/graphql?sdl"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INTROSPECTION_DISABLED", response.FirstErrorCode);
        Assert.DoesNotContain("type Query", response.Body.ToJsonString(), StringComparison.Ordinal);
    }
}
