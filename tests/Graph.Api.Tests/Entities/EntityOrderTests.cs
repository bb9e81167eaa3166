using Graph.Api.Search;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Entities;

/// <summary>
/// Pages of entities by name and by degree, over HTTP, against every entity read in id order and sorted here:
/// by the folded name, or by the degree each entity reports, then by id; with a kind and filters; page by page
/// with cursors; and a cursor of one order refused by another.
/// </summary>
public sealed class EntityOrderTests : IClassFixture<EntityOrderTests.SyntheticGraph>
{
    private readonly GraphQLClient client;

    public EntityOrderTests(SyntheticGraph graph) => client = graph.Client;

    /// <summary>A generated graph of 400 entities, enough for names and degrees to tie and pages to run long.</summary>
    public sealed class SyntheticGraph() : SyntheticGraphService(400, 3_000, 17);

    private sealed record Row(string Id, string Name, string Kind, int Degree);

    private async Task<List<Row>> AllInIdOrderAsync()
    {
        var rows = new List<Row>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var data = await client.QueryAsync("query($a: String) { entities(first: 100, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id name kind degree } } } }", new { a = after });
            var connection = data["entities"]!;
            rows.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!).Select(n =>
                new Row(n["id"]!.GetValue<string>(), n["name"]!.GetValue<string>(), n["kind"]!.GetValue<string>(), n["degree"]!.GetValue<int>())));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        return rows;
    }

    private async Task<List<string>> WalkAsync(string arguments, int size)
    {
        var ids = new List<string>();
        string? after = null;
        for (var page = 0; page < 1000; page++)
        {
            var data = await client.QueryAsync($"query($a: String) {{ entities({arguments}, first: {size}, after: $a) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ id }} }} }} }}", new { a = after });
            var connection = data["entities"]!;
            ids.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        return ids;
    }

    private static List<string> ByName(IEnumerable<Row> rows) =>
        [.. rows.OrderBy(r => TextNormalizer.Normalize(r.Name), StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id)];

    private static List<string> ByDegree(IEnumerable<Row> rows) =>
        [.. rows.OrderByDescending(r => r.Degree).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id)];

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    public async Task Every_entity_pages_by_name_and_by_degree_as_sorted_here(int size)
    {
        var all = await AllInIdOrderAsync();
        Assert.Equal(401, all.Count);
        // Names and degrees tie, so the ties' order by id is tested too.
        Assert.True(all.GroupBy(r => r.Degree).Count(g => g.Count() > 1) > 5);

        Assert.Equal(ByName(all), await WalkAsync("orderBy: NAME", size));
        Assert.Equal(ByDegree(all), await WalkAsync("orderBy: DEGREE", size));
        Assert.Equal(all.Select(r => r.Id), await WalkAsync("orderBy: ID", size));
    }

    [Theory]
    [InlineData("kind: ORGANIZATION", "ORGANIZATION", null)]
    [InlineData("filter: { nameContains: \"granite\" }", null, "granite")]
    [InlineData("kind: PERSON, filter: { nameContains: \"ri\" }", "PERSON", "ri")]
    [InlineData("filter: { hasRelationshipType: INVESTS }", null, null)]
    public async Task A_kind_and_filters_keep_their_entities_in_the_order_asked(string arguments, string? kind, string? named)
    {
        var all = await AllInIdOrderAsync();
        var expected = all.Where(r => (kind is null || r.Kind == kind) && (named is null || TextNormalizer.Normalize(r.Name).Contains(named, StringComparison.Ordinal))).ToList();
        if (arguments.Contains("INVESTS", StringComparison.Ordinal))
        {
            var investing = await WalkAsync(arguments, 100);
            expected = all.Where(r => investing.Contains(r.Id)).ToList();
        }

        Assert.True(expected.Count >= 5, $"only {expected.Count} entities");
        Assert.Equal(ByName(expected), await WalkAsync($"{arguments}, orderBy: NAME", 6));
        Assert.Equal(ByDegree(expected), await WalkAsync($"{arguments}, orderBy: DEGREE", 6));

        var total = await client.QueryAsync($"{{ entities({arguments}, orderBy: DEGREE, first: 1) {{ totalCount }} }}");
        Assert.Equal(expected.Count, total["entities"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cursor_pages_on_only_in_the_order_it_came_from()
    {
        var byName = await client.QueryAsync("{ entities(orderBy: NAME, first: 2) { edges { cursor } } }");
        var cursor = byName["entities"]!["edges"]![1]!["cursor"]!.GetValue<string>();

        foreach (var order in new[] { "ID", "DEGREE" })
        {
            var response = await client.PostAsync($"{{ entities(orderBy: {order}, first: 2, after: \"{cursor}\") {{ edges {{ cursor }} }} }}");
            Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
        }

        var next = await client.QueryAsync($"{{ entities(orderBy: NAME, first: 1, after: \"{cursor}\") {{ edges {{ node {{ id }} }} }} }}");
        Assert.Single(next["entities"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task The_most_connected_come_first_on_the_seed_graph_too()
    {
        using var seed = new GraphApiFactory();
        var data = await seed.CreateGraphQLClient().QueryAsync("{ entities(orderBy: DEGREE, first: 3) { edges { node { id degree } } } }");
        var degrees = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["degree"]!.GetValue<int>()).ToList();
        Assert.Equal(degrees.OrderDescending(), degrees);
        // China and Belarus, the essay's subjects, hold the most relationships.
        Assert.Equal(["belarus", "china"], data["entities"]!["edges"]!.AsArray().Take(2).Select(e => e!["node"]!["id"]!.GetValue<string>()).Order());
    }
}
