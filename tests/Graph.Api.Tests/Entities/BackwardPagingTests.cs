using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Entities;

/// <summary>
/// Every connection pages backward too, as Relay has it: 'after' and 'before' cut the list, 'first' takes
/// from the start of what is left and 'last' from its end. Each list is walked both ways over HTTP and
/// compared with the whole list read forward.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class BackwardPagingTests(SeedGraphFixture fixture)
{
    private const string Page = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount";

    // Each connection's query, with ARGS for the paging arguments; the connection is aliased 'c'.
    private static readonly Dictionary<string, string> Queries = new()
    {
        ["entities"] = $$"""{ c: entities(ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["topics named with 'an'"] = $$"""{ c: entities(kind: TOPIC, filter: { nameContains: "an" }, ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["entities by name"] = $$"""{ c: entities(orderBy: NAME, ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["entities by degree"] = $$"""{ c: entities(orderBy: DEGREE, ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["topics by name"] = $$"""{ c: entities(kind: TOPIC, orderBy: NAME, ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["entities named with 'an' by degree"] = $$"""{ c: entities(filter: { nameContains: "an" }, orderBy: DEGREE, ARGS) { {{Page}} edges { cursor node { id } } } }""",
        ["relationships, both ways"] = $$"""{ entity(id: "china") { c: relationships(ARGS) { {{Page}} edges { cursor relationship { id } } } } }""",
        ["relationships in, of three types"] = $$"""{ entity(id: "belarus") { c: relationships(direction: IN, types: [DIPLOMATIC_RELATIONS, INVESTS, LOCATED_IN], ARGS) { {{Page}} edges { cursor relationship { id } } } } }""",
        ["a document's supports"] = $$"""{ entity(id: "essay-china-belarus-relations") { ... on Document { c: supports(ARGS) { {{Page}} edges { cursor node { id } } } } } }""",
        ["a document's supports on a date"] = $$"""{ entity(id: "essay-china-belarus-relations") { ... on Document { c: supports(asOf: "2016-01-01", ARGS) { {{Page}} edges { cursor node { id } } } } } }""",
        ["reachable"] = $$"""{ entity(id: "belarus") { c: reachable(maxDepth: 3, ARGS) { {{Page}} edges { cursor node { id } } } } }""",
    };

    public static TheoryData<string> Connections() => [.. Queries.Keys];

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task Walked_backward_from_the_end_a_list_is_the_same_as_walked_forward(string connection)
    {
        var whole = Ids(await PageAsync(connection, "first: 100"));
        Assert.True(whole.Count >= 5, $"{connection}: only {whole.Count} items, too few to page");

        var backward = new List<string>();
        string? before = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await PageAsync(connection, before is null ? "last: 3" : $"last: 3, before: \"{before}\"");
            backward.InsertRange(0, Ids(page));
            Assert.Equal(before is not null, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            Assert.Equal(whole.Count, page["totalCount"]!.GetValue<int>());
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(whole, backward);
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task After_and_before_cut_the_list_and_first_or_last_take_from_either_end(string connection)
    {
        var whole = await PageAsync(connection, "first: 100");
        var ids = Ids(whole);
        var cursors = whole["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToList();
        var (after, before) = (cursors[0], cursors[^1]);
        var inner = ids[1..^1];

        Assert.Equal(inner, Ids(await PageAsync(connection, $"after: \"{after}\", before: \"{before}\", first: 100")));
        Assert.Equal(inner, Ids(await PageAsync(connection, $"after: \"{after}\", before: \"{before}\", last: 100")));

        var firstTwo = await PageAsync(connection, $"after: \"{after}\", before: \"{before}\", first: 2");
        Assert.Equal(inner[..2], Ids(firstTwo));
        Assert.Equal((inner.Count > 2, true), (firstTwo["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), firstTwo["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));

        var lastTwo = await PageAsync(connection, $"after: \"{after}\", before: \"{before}\", last: 2");
        Assert.Equal(inner[^2..], Ids(lastTwo));
        Assert.Equal((true, inner.Count > 2), (lastTwo["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), lastTwo["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));

        // The page just before the end, and nothing between a cursor and itself or the wrong way round.
        Assert.Equal(ids[^2..^1], Ids(await PageAsync(connection, $"last: 1, before: \"{before}\"")));
        Assert.Empty(Ids(await PageAsync(connection, $"after: \"{before}\", before: \"{after}\", last: 5")));
        Assert.Empty(Ids(await PageAsync(connection, $"after: \"{after}\", before: \"{after}\", first: 5")));
        Assert.Empty(Ids(await PageAsync(connection, "last: 0")));
    }

    [Theory]
    [InlineData("first: 2, last: 2", "INVALID_PAGING", "not both")]
    [InlineData("last: -1", "INVALID_PAGE_SIZE", "'before'")]
    [InlineData("last: 101", "INVALID_PAGE_SIZE", "'last'")]
    [InlineData("last: 2, before: \"bm90LWEtY3Vyc29y\"", "INVALID_CURSOR", "'before'")]
    public async Task Paging_arguments_that_cannot_be_met_are_refused_with_a_code(string arguments, string code, string said)
    {
        foreach (var (connection, query) in Queries)
        {
            var response = await fixture.Client.PostAsync(query.Replace("ARGS", arguments, StringComparison.Ordinal));
            Assert.True(code == response.FirstErrorCode, $"{connection}: {response.Body.ToJsonString()}");
            Assert.Contains(said, response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    private async Task<JsonNode> PageAsync(string connection, string arguments)
    {
        var data = await fixture.Client.QueryAsync(Queries[connection].Replace("ARGS", arguments, StringComparison.Ordinal));
        return data["c"] ?? data["entity"]!["c"]!;
    }

    private static List<string> Ids(JsonNode page) =>
        page["edges"]!.AsArray().Select(e => e!["node"] is null ? e!["relationship"]!["id"]!.GetValue<string>() : e!["node"]!["id"]!.GetValue<string>()).ToList();
}
