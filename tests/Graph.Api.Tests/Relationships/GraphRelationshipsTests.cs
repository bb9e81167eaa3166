using System.Text.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Relationships;

/// <summary>
/// The graph-wide list of relationships, over HTTP: on a generated graph, every relationship once, in id
/// order, against the seed file's own list; filtered by types, a date and the ends' kinds against the answer's
/// own types, each relationship's <c>validTime.holdsOn</c> and its ends' kinds; walked forward and backward in
/// pages, with the total on every page; and on the seed graph, the essay's signings and the paging refusals.
/// </summary>
public sealed class GraphRelationshipsTests : IClassFixture<GraphRelationshipsTests.SyntheticGraph>
{
    private const string Day = "2005-06-15";
    private const string OtherDay = "1993-02-01";

    private readonly SyntheticGraph graph;

    public GraphRelationshipsTests(SyntheticGraph graph) => this.graph = graph;

    /// <summary>A generated graph of 300 entities and 2,500 dated relationships of every type.</summary>
    public sealed class SyntheticGraph : SyntheticGraphService
    {
        public SyntheticGraph()
            : base(300, 2_500, 29)
        {
            using var seed = JsonDocument.Parse(File.ReadAllBytes(SeedPath));
            FileIds = [.. seed.RootElement.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
        }

        /// <summary>The relationship ids the seed file holds, in the file's order.</summary>
        public IReadOnlyList<string> FileIds { get; }
    }

    private sealed record Row(string Id, string Type, bool HoldsOnDay, bool HoldsOnOtherDay, string FromKind, string ToKind);

    private const string RowFields = $"id type day: validTime {{ holdsOn(date: \"{Day}\") }} other: validTime {{ holdsOn(date: \"{OtherDay}\") }} from {{ kind }} to {{ kind }}";

    private async Task<List<Row>> EveryRelationshipAsync()
    {
        var rows = new List<Row>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var data = await graph.Client.QueryAsync($"query($a: String) {{ relationships(first: 100, after: $a) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {RowFields} }} }} }} }}", new { a = after });
            var connection = data["relationships"]!;
            Assert.Equal(graph.FileIds.Count, connection["totalCount"]!.GetValue<int>());
            rows.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!).Select(n => new Row(
                n["id"]!.GetValue<string>(), n["type"]!.GetValue<string>(), n["day"]!["holdsOn"]!.GetValue<bool>(), n["other"]!["holdsOn"]!.GetValue<bool>(),
                n["from"]!["kind"]!.GetValue<string>(), n["to"]!["kind"]!.GetValue<string>())));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        return rows;
    }

    [Fact]
    public async Task Every_relationship_is_listed_once_in_id_order()
    {
        var rows = await EveryRelationshipAsync();

        Assert.Equal(graph.FileIds.Order(StringComparer.Ordinal), rows.Select(r => r.Id));
        // The generated graph dates its relationships, so both days keep some and drop some.
        Assert.Contains(rows, r => r.HoldsOnDay);
        Assert.Contains(rows, r => !r.HoldsOnDay);
        Assert.Contains(rows, r => r.HoldsOnOtherDay != r.HoldsOnDay);
    }

    [Theory]
    [InlineData(null, null, null, null, 7)]
    [InlineData("[PARTICIPATES_IN]", null, null, null, 7)]
    [InlineData("[INVESTS, LOCATED_IN, PART_OF]", null, null, null, 100)]
    [InlineData(null, Day, null, null, 9)]
    [InlineData(null, OtherDay, null, null, 100)]
    [InlineData("[COOPERATES_IN, FOCUSES_ON]", Day, null, null, 5)]
    [InlineData("[HOLDS_OFFICE]", OtherDay, null, null, 3)]
    [InlineData("[HOLDS_OFFICE, INVESTS]", OtherDay, "[PERSON]", "[COUNTRY, ORGANIZATION]", 2)]
    [InlineData(null, null, "[COUNTRY]", null, 11)]
    [InlineData(null, null, null, "[TOPIC, PROJECT]", 100)]
    [InlineData("[PARTICIPATES_IN, COOPERATES_IN]", Day, "[ORGANIZATION, COUNTRY]", "[PROJECT]", 4)]
    public async Task Pages_forward_and_backward_hold_the_relationships_the_filters_keep(string? types, string? asOf, string? fromKinds, string? toKinds, int size)
    {
        var typeSet = Listed(types);
        var fromSet = Listed(fromKinds);
        var toSet = Listed(toKinds);
        var expected = (await EveryRelationshipAsync())
            .Where(r => typeSet is null || typeSet.Contains(r.Type))
            .Where(r => asOf is null || (asOf == Day ? r.HoldsOnDay : r.HoldsOnOtherDay))
            .Where(r => fromSet is null || fromSet.Contains(r.FromKind))
            .Where(r => toSet is null || toSet.Contains(r.ToKind))
            .Select(r => r.Id)
            .ToList();
        Assert.NotEmpty(expected);
        var arguments = string.Join(", ", new[]
        {
            types is null ? null : $"types: {types}", asOf is null ? null : $"asOf: \"{asOf}\"",
            fromKinds is null ? null : $"fromKinds: {fromKinds}", toKinds is null ? null : $"toKinds: {toKinds}",
        }.OfType<string>());

        Assert.Equal(expected, await WalkAsync(arguments, size, backward: false, expected.Count));
        Assert.Equal(expected, await WalkAsync(arguments, size, backward: true, expected.Count));
    }

    private static HashSet<string>? Listed(string? list) => list?.Trim('[', ']').Split(", ").ToHashSet();

    // Every page, forward from the start with 'after' or backward from the end with 'before', must say the same total.
    private async Task<List<string>> WalkAsync(string arguments, int size, bool backward, int total)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        var (sizeArgument, cursorArgument, more, next) = backward
            ? ("last", "before", "hasPreviousPage", "startCursor")
            : ("first", "after", "hasNextPage", "endCursor");
        var comma = arguments.Length > 0 ? ", " : "";
        for (var page = 0; page < 1000; page++)
        {
            var data = await graph.Client.QueryAsync(
                $"query($c: String) {{ relationships({arguments}{comma}{sizeArgument}: {size}, {cursorArgument}: $c) {{ totalCount pageInfo {{ {more} {next} }} edges {{ cursor node {{ id }} }} }} }}",
                new { c = cursor });
            var connection = data["relationships"]!;
            Assert.Equal(total, connection["totalCount"]!.GetValue<int>());
            var edges = connection["edges"]!.AsArray();
            Assert.True(edges.Count <= size);
            pages.Add([.. edges.Select(e => e!["node"]!["id"]!.GetValue<string>())]);
            if (!connection["pageInfo"]![more]!.GetValue<bool>()) break;
            Assert.Equal(size, edges.Count);
            cursor = connection["pageInfo"]![next]!.GetValue<string>();
            Assert.Equal(edges[backward ? 0 : edges.Count - 1]!["cursor"]!.GetValue<string>(), cursor);
        }

        if (backward) pages.Reverse();
        return [.. pages.SelectMany(p => p)];
    }

    [Fact]
    public async Task The_seed_graph_lists_the_two_signings_of_the_joint_declaration_with_their_sources()
    {
        using var seed = new GraphApiFactory();
        var client = seed.CreateGraphQLClient();

        var data = await client.QueryAsync("{ relationships(types: [PARTY_TO]) { totalCount edges { node { id from { id } to { id } validTime { start { text } } sources { paragraph document { id } } } } } }");

        var connection = data["relationships"]!;
        Assert.Equal(2, connection["totalCount"]!.GetValue<int>());
        var nodes = connection["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal(["belarus-signs-joint-declaration-2013", "china-signs-joint-declaration-2013"], nodes.Select(n => n["id"]!.GetValue<string>()));
        Assert.All(nodes, n =>
        {
            Assert.Equal("joint-declaration-2013", n["to"]!["id"]!.GetValue<string>());
            Assert.Equal("2013", n["validTime"]!["start"]!["text"]!.GetValue<string>());
            Assert.Equal(2, n["sources"]![0]!["paragraph"]!.GetValue<int>());
        });

        // Xi Jinping's visits are dated 2015 and 2019: on a day of 2015, only the first visit's three relationships hold.
        var visits = await client.QueryAsync("{ relationships(types: [PARTICIPATES_IN, LOCATED_IN], asOf: \"2015-07-01\") { edges { node { id } } } }");
        var ids = visits["relationships"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("xi-jinping-on-visit-2015", ids);
        Assert.Contains("visit-2015-in-belarus", ids);
        Assert.DoesNotContain("xi-jinping-on-visit-2019", ids);
        Assert.DoesNotContain("visit-2019-in-belarus", ids);

        // An empty list of types or kinds keeps none, with or without a date.
        var none = await client.QueryAsync("{ a: relationships(types: []) { totalCount edges { cursor } } b: relationships(types: [], asOf: \"2015-07-01\", last: 5) { totalCount edges { cursor } } c: relationships(fromKinds: []) { totalCount edges { cursor } } d: relationships(toKinds: [], asOf: \"2015-07-01\") { totalCount edges { cursor } } }");
        Assert.All(new[] { none["a"]!, none["b"]!, none["c"]!, none["d"]! }, list =>
        {
            Assert.Equal(0, list["totalCount"]!.GetValue<int>());
            Assert.Empty(list["edges"]!.AsArray());
        });
    }

    [Theory]
    [InlineData("relationships(first: 2, after: \"bm90LWEtY3Vyc29y\")", "INVALID_CURSOR")]
    [InlineData("relationships(first: 101)", "INVALID_PAGE_SIZE")]
    [InlineData("relationships(last: -1)", "INVALID_PAGE_SIZE")]
    [InlineData("relationships(first: 2, last: 2)", "INVALID_PAGING")]
    public async Task Bad_paging_is_refused_with_its_code(string field, string code)
    {
        var response = await graph.Client.PostAsync($"{{ {field} {{ edges {{ cursor }} }} }}");

        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_cursor_from_another_list_of_relationships_is_refused()
    {
        var data = await graph.Client.QueryAsync("{ entities(first: 1) { edges { node { relationships(first: 1) { edges { cursor relationship { id } } } } } } }");
        var edge = data["entities"]!["edges"]![0]!["node"]!["relationships"]!["edges"]![0]!;

        var response = await graph.Client.PostAsync($"{{ relationships(first: 1, after: \"{edge["cursor"]!.GetValue<string>()}\") {{ edges {{ cursor }} }} }}");

        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);

        // The same relationship's cursor from this list pages on after it.
        var all = await graph.Client.QueryAsync("{ relationships(first: 100) { edges { cursor node { id } } } }");
        var edges = all["relationships"]!["edges"]!.AsArray();
        var at = edges.Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList().IndexOf(edge["relationship"]!["id"]!.GetValue<string>());
        Assert.True(at >= 0 && at < edges.Count - 1);
        var next = await graph.Client.QueryAsync($"{{ relationships(first: 1, after: \"{edges[at]!["cursor"]!.GetValue<string>()}\") {{ edges {{ node {{ id }} }} }} }}");
        Assert.Equal(edges[at + 1]!["node"]!["id"]!.GetValue<string>(), next["relationships"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>());
    }
}
