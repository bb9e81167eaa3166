using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// Fields that answer the same question by different code agree, for every entity of the seed graph
/// under each filter (direction, types, date): an entity's degree, its relationship list and its two
/// counts; its neighbours and what <c>reachable</c> finds one hop out; the distances that
/// <c>reachable</c>, <c>neighborhood</c>, <c>shortestPath</c> and <c>paths</c> each work out their own
/// way; a neighbourhood's relationships and its entities' own lists; search and the name filter.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class FieldConsistencyTests(SeedGraphFixture fixture)
{
    private const int MaxLength = 6;
    private static readonly int[] Depths = [1, 2];
    private static readonly string[] Directions = ["BOTH", "OUT", "IN"];

    [Theory]
    [InlineData("direction: BOTH")]
    [InlineData("direction: OUT")]
    [InlineData("direction: IN")]
    [InlineData("types: [COOPERATES_IN, PARTICIPATES_IN, PARTY_TO]")]
    [InlineData("asOf: \"2014-06-01\"")]
    [InlineData("asOf: \"2000-01-01\", direction: OUT")]
    [InlineData("types: [LOCATED_IN, PART_OF, FOCUSES_ON, PARTICIPATES_IN], direction: IN")]
    public async Task Counts_lists_neighbours_and_distances_agree_under_a_filter(string filter)
    {
        var client = fixture.Client;
        var data = await client.QueryAsync($$"""
            { entities(first: 30) { totalCount edges { node { id kind
                degree({{filter}})
                relationships({{filter}}, first: 60) { totalCount edges { relationship { type } node { id kind } } }
                relationshipCounts({{filter}}) { type count }
                neighborCounts({{filter}}) { kind count }
                reachable({{filter}}, maxDepth: {{MaxLength}}, first: 30) { totalCount edges { distance node { id } } } } } } }
            """);
        var entities = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal(data["entities"]!["totalCount"]!.GetValue<int>(), entities.Count);
        var ids = entities.Select(e => e["id"]!.GetValue<string>()).ToList();

        foreach (var entity in entities)
        {
            var id = entity["id"]!.GetValue<string>();
            var relationships = entity["relationships"]!;
            var edges = relationships["edges"]!.AsArray().Select(e => e!).ToList();
            Assert.Equal(entity["degree"]!.GetValue<int>(), relationships["totalCount"]!.GetValue<int>());
            Assert.Equal(edges.Count, relationships["totalCount"]!.GetValue<int>());
            Assert.Equal(Counted(edges.GroupBy(e => e["relationship"]!["type"]!.GetValue<string>())), NonZero(entity["relationshipCounts"]!, "type"));
            var neighbours = edges.Select(e => e["node"]!).DistinctBy(n => n["id"]!.GetValue<string>()).ToList();
            Assert.Equal(Counted(neighbours.GroupBy(n => n["kind"]!.GetValue<string>())), NonZero(entity["neighborCounts"]!, "kind"));

            Assert.Equal(entity["reachable"]!["totalCount"]!.GetValue<int>(), entity["reachable"]!["edges"]!.AsArray().Count);
            var reached = entity["reachable"]!["edges"]!.AsArray().ToDictionary(e => e!["node"]!["id"]!.GetValue<string>(), e => e!["distance"]!.GetValue<int>());
            Assert.Equal(neighbours.Select(n => n["id"]!.GetValue<string>()).Where(n => n != id).Order(StringComparer.Ordinal),
                reached.Where(r => r.Value == 1).Select(r => r.Key).Order(StringComparer.Ordinal));
            await DistancesAgreeAsync(client, id, ids, reached, filter);
        }
    }

    /// <summary>
    /// A neighbourhood's relationships are exactly those among its entities that the types and date keep,
    /// whichever way it was walked: each found once, from where it starts, in the entity's own list.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("types: [COOPERATES_IN, PARTICIPATES_IN, PARTY_TO, LOCATED_IN]")]
    [InlineData("asOf: \"2014-06-01\"")]
    public async Task A_neighbourhood_holds_every_relationship_among_its_entities_and_no_other(string filter)
    {
        var client = fixture.Client;
        var comma = filter.Length == 0 ? "" : ", ";
        var data = await client.QueryAsync($$"""
            { entities(first: 30) { edges { node { id out: relationships({{filter}}{{comma}}direction: OUT, first: 60) { totalCount edges { relationship { id } node { id } } } } } } }
            """);
        var outgoing = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(
            n => n["id"]!.GetValue<string>(),
            n => n["out"]!["edges"]!.AsArray().Select(e => (Id: e!["relationship"]!["id"]!.GetValue<string>(), To: e["node"]!["id"]!.GetValue<string>())).ToList());

        foreach (var center in outgoing.Keys)
        {
            var walks = from depth in Depths from direction in Directions select (depth, direction);
            var query = string.Join("\n", walks.Select(w =>
                $"{w.direction}{w.depth}: neighborhood(id: \"{center}\", depth: {w.depth}, direction: {w.direction}{comma}{filter}) {{ truncated nodes {{ entity {{ id }} }} relationships {{ id }} }}"));
            var answer = await client.QueryAsync($"{{ {query} }}");
            foreach (var (depth, direction) in walks)
            {
                var neighbourhood = answer[$"{direction}{depth}"]!;
                Assert.False(neighbourhood["truncated"]!.GetValue<bool>());
                var kept = neighbourhood["nodes"]!.AsArray().Select(n => n!["entity"]!["id"]!.GetValue<string>()).ToHashSet();
                var expected = kept.SelectMany(id => outgoing[id].Where(r => kept.Contains(r.To)).Select(r => r.Id)).Order(StringComparer.Ordinal);
                var listed = neighbourhood["relationships"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(listed), $"{center}, depth {depth}, {direction} ({filter}): expected {string.Join(", ", expected)}; listed {string.Join(", ", listed)}");
            }
        }
    }

    /// <summary>
    /// Search and the name filter fold text the same way, so from three letters on they find the same
    /// entities holding the text whole; a shorter text is searched at the start of names only, so it finds
    /// some of them. Search's matches by words in another order are others.
    /// </summary>
    [Theory]
    [InlineData("china", true)]
    [InlineData("bel", true)]
    [InlineData("great stone", true)]
    [InlineData("PARK", true)]
    [InlineData("China–Belarus", true)]
    [InlineData("belarus china", true)]
    [InlineData("tion", true)]
    [InlineData("Xi", false)]
    [InlineData("in", false)]
    [InlineData("e", false)]
    public async Task Search_finds_the_entities_the_name_filter_keeps(string text, bool all)
    {
        var data = await fixture.Client.QueryAsync("""
            query($t: String!) { search(text: $t, first: 100) { match entity { id } } entities(filter: { nameContains: $t }, first: 100) { totalCount edges { node { id } } } }
            """, new { t = text });
        var hits = data["search"]!.AsArray().Select(h => (Id: h!["entity"]!["id"]!.GetValue<string>(), Whole: h["match"]!.GetValue<string>() != "WORDS")).ToList();
        var found = hits.Where(h => h.Whole).Select(h => h.Id).Order(StringComparer.Ordinal).ToList();
        var kept = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(hits);
        if (all) Assert.Equal(kept, found);
        else Assert.Subset(kept.ToHashSet(), found.ToHashSet());
        Assert.DoesNotContain(hits, h => !h.Whole && kept.Contains(h.Id));
    }

    /// <summary>From one entity to every other: the shortest path's length and the first of its simple paths are the distance <c>reachable</c> gave, and the neighbourhood holds the same distances.</summary>
    private static async Task DistancesAgreeAsync(GraphQLClient client, string from, List<string> ids, Dictionary<string, int> reached, string filter)
    {
        var targets = ids.Where(t => t != from).ToList();
        var shortest = string.Join("\n", targets.Select((t, i) => $"s{i}: shortestPath(from: \"{from}\", to: \"{t}\", {filter}, maxLength: {MaxLength}) {{ length }}"));
        var data = await client.QueryAsync($"{{ {shortest}\n n: neighborhood(id: \"{from}\", {filter}, depth: {MaxLength}, limit: 500) {{ truncated nodes {{ distance entity {{ id }} }} }} }}");
        var paths = string.Join("\n", targets.Select((t, i) => $"p{i}: paths(from: \"{from}\", to: \"{t}\", {filter}, maxLength: {MaxLength}, first: 1) {{ paths {{ length }} }}"));
        var pathData = await client.QueryAsync($"{{ {paths} }}");

        for (var i = 0; i < targets.Count; i++)
        {
            int? expected = reached.TryGetValue(targets[i], out var distance) ? distance : null;
            Assert.True(expected == data[$"s{i}"]?["length"]?.GetValue<int>(), $"{from} → {targets[i]} ({filter}): reachable {expected}, shortestPath {data[$"s{i}"]?.ToJsonString()}");
            var first = pathData[$"p{i}"]!["paths"]!.AsArray().FirstOrDefault()?["length"]?.GetValue<int>();
            Assert.True(expected == first, $"{from} → {targets[i]} ({filter}): reachable {expected}, paths {pathData[$"p{i}"]!.ToJsonString()}");
        }

        var neighbourhood = data["n"]!;
        Assert.False(neighbourhood["truncated"]!.GetValue<bool>());
        var distances = neighbourhood["nodes"]!.AsArray().ToDictionary(n => n!["entity"]!["id"]!.GetValue<string>(), n => n!["distance"]!.GetValue<int>());
        Assert.Equal(0, distances[from]);
        distances.Remove(from);
        Assert.Equal(reached.OrderBy(r => r.Key, StringComparer.Ordinal), distances.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    private static List<(string, int)> Counted(IEnumerable<IGrouping<string, JsonNode>> groups) =>
        [.. groups.Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static List<(string, int)> NonZero(JsonNode counts, string key) =>
        [.. counts.AsArray().Select(c => (c![key]!.GetValue<string>(), c["count"]!.GetValue<int>())).Where(c => c.Item2 > 0).OrderBy(c => c.Item1, StringComparer.Ordinal)];
}
