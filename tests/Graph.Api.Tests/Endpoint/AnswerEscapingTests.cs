using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Answers escape only what JSON requires, on the engine, on the compiled plans and in request errors
/// alike: letters of any script, dashes and apostrophes come out as themselves, quotes and control
/// characters escaped.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class AnswerEscapingTests(SeedGraphFixture fixture)
{
    private async Task<string> RawAsync(string query, object? variables = null)
    {
        using var response = await fixture.Client.Http.PostAsJsonAsync("/graphql", new { query, variables });
        // Text comes out as written, so no browser may take an answer for HTML.
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Names_come_out_as_written_on_the_engine_and_the_compiled_path()
    {
        const string Query = """
            query($text: String!) { park: entity(id: "china-belarus-industrial-park") { name }
              visit: entity(id: "xi-visit-belarus-2015") { name } search(text: $text, first: 1) { entity { name } }
              belarus: entity(id: "belarus") { description } china: entity(id: "china") { aliases } }
            """;
        // The first two answers run on the engine (the second keeps the document and validates it); the third takes its compiled plan.
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add(await RawAsync(Query, new { text = "industrial park" }));

        Assert.Contains("\"China–Belarus Industrial Park\"", answers[0], StringComparison.Ordinal);
        Assert.Contains("\"Xi Jinping's 2015 visit to Belarus\"", answers[0], StringComparison.Ordinal);
        Assert.Contains("China's partner", answers[0], StringComparison.Ordinal);
        Assert.Contains("\"People's Republic of China\"", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", answers[0], StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task Quotes_and_control_characters_are_still_escaped_and_read_back_whole()
    {
        const string Text = "say \"Минск\"\u0001 <b>&</b> \\ 中国";
        var raw = await RawAsync("query($t: Date) { neighborhood(id: \"belarus\", asOf: $t) { truncated } }", new { t = Text });
        Assert.Contains("\\\"Минск\\\"\\u0001 <b>&</b> \\\\ 中国", raw, StringComparison.Ordinal);
        var message = JsonNode.Parse(raw)!["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains(Text, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_errors_escape_the_same_way()
    {
        var raw = await RawAsync("{ é }");
        Assert.Contains("SYNTAX_ERROR", raw, StringComparison.Ordinal);
        Assert.Contains("\\\"é\\\"", raw, StringComparison.Ordinal);
    }
}
