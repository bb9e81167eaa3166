using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// Every field that takes <c>asOf</c>, on one date, against the relationships that hold on it: the
/// counts, the timeline, reachability and both path searches must all see the same relationships
/// that a plain list filtered by <c>holdsOn</c> keeps.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class AsOfHttpTests(SeedGraphFixture fixture)
{
    private const string Query = """
        query($d: Date!) {
          all: entity(id: "china") { relationships(first: 100) { edges { relationship { id validTime { holdsOn(date: $d) } } } } }
          china: entity(id: "china") {
            relationships(asOf: $d, first: 100) { totalCount edges { node { id kind } relationship { id validTime { holdsOn(date: $d) } } } }
            degree(asOf: $d)
            relationshipCounts(asOf: $d) { count }
            neighborCounts(asOf: $d) { kind count }
            timeline(asOf: $d) { relationship { id validTime { holdsOn(date: $d) } } }
            reachable(maxDepth: 1, asOf: $d, first: 100) { edges { distance node { id } } }
          }
          paths(from: "xi-jinping", to: "china-belarus-industrial-park", asOf: $d, maxLength: 4, first: 50) { paths { steps { relationship { validTime { holdsOn(date: $d) } } } } }
          shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park", asOf: $d) { steps { relationship { validTime { holdsOn(date: $d) } } } }
        }
        """;

    private static bool Holds(JsonNode? relationship) => relationship!["validTime"]!["holdsOn"]!.GetValue<bool>();

    [Theory]
    [InlineData("2000-06-01", false)]
    [InlineData("2014-06-01", true)]
    public async Task Every_field_with_asOf_keeps_exactly_what_holds_on_that_date(string date, bool xiReachesThePark)
    {
        var data = await fixture.Client.QueryAsync(Query, new { d = date });
        var china = data["china"]!;

        var holding = data["all"]!["relationships"]!["edges"]!.AsArray().Select(e => e!["relationship"]!).Where(Holds).Select(r => r["id"]!.GetValue<string>()).ToList();
        var edges = china["relationships"]!["edges"]!.AsArray();
        Assert.Equal(holding, edges.Select(e => e!["relationship"]!["id"]!.GetValue<string>()));
        Assert.True(holding.Count < data["all"]!["relationships"]!["edges"]!.AsArray().Count, "the date should leave something out");

        Assert.Equal(holding.Count, china["relationships"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(holding.Count, china["degree"]!.GetValue<int>());
        Assert.Equal(holding.Count, china["relationshipCounts"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));

        var neighbours = edges.Select(e => e!["node"]!).DistinctBy(n => n["id"]!.GetValue<string>()).ToList();
        var byKind = neighbours.GroupBy(n => n["kind"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byKind, china["neighborCounts"]!.AsArray().ToDictionary(c => c!["kind"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>()));

        var reached = china["reachable"]!["edges"]!.AsArray();
        Assert.Equal(neighbours.Select(n => n["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), reached.Select(e => e!["node"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(reached, e => Assert.Equal(1, e!["distance"]!.GetValue<int>()));

        var timeline = china["timeline"]!.AsArray().Select(t => t!["relationship"]!).ToList();
        Assert.NotEmpty(timeline);
        Assert.All(timeline, r => Assert.True(Holds(r)));
        Assert.Subset(holding.ToHashSet(), timeline.Select(r => r["id"]!.GetValue<string>()).ToHashSet());

        var steps = data["paths"]!["paths"]!.AsArray().SelectMany(p => p!["steps"]!.AsArray()).ToList();
        Assert.All(steps, s => Assert.True(Holds(s!["relationship"])));
        Assert.Equal(xiReachesThePark, steps.Count > 0);
        Assert.Equal(xiReachesThePark, data["shortestPath"] is not null);
        if (data["shortestPath"] is { } path) Assert.All(path["steps"]!.AsArray(), s => Assert.True(Holds(s!["relationship"])));
    }

    /// <summary>A kind's own lists (a country's partners, an agreement's parties, a project's place, ...) and the relationships they are read from.</summary>
    public static TheoryData<string, string, string, string, string, string?> KindLists => new()
    {
        { "belarus", "Country", "diplomaticPartners", "DIPLOMATIC_RELATIONS", "BOTH", null },
        { "china", "Country", "agreements", "PARTY_TO", "OUT", null },
        { "belarus", "Country", "projects", "PARTICIPATES_IN", "OUT", "[PROJECT, TOPIC]" },
        { "china-belarus-industrial-park", "Project", "participants", "PARTICIPATES_IN", "IN", null },
        { "china-belarus-industrial-park", "Project", "focus", "FOCUSES_ON", "OUT", null },
        { "joint-declaration-2013", "Agreement", "parties", "PARTY_TO", "IN", null },
        { "joint-declaration-2013", "Agreement", "establishes", "ESTABLISHES", "OUT", null },
        { "xi-jinping", "Person", "events", "PARTICIPATES_IN", "OUT", "[EVENT]" },
        { "xi-visit-belarus-2015", "Event", "participants", "PARTICIPATES_IN", "IN", null },
    };

    [Theory]
    [MemberData(nameof(KindLists))]
    public async Task A_kinds_own_list_on_a_date_holds_the_other_ends_of_the_relationships_that_hold_then(
        string id, string kind, string field, string type, string direction, string? kinds)
    {
        var query = $$"""
            query($id: ID!, $d: Date) { entity(id: $id) {
              ... on {{kind}} { listed: {{field}}(asOf: $d) { id } }
              relationships(types: [{{type}}], direction: {{direction}}, {{(kinds is null ? "" : $"otherKinds: {kinds}, ")}}asOf: $d, first: 100) { edges { node { id } } } } }
            """;
        var differs = false;
        foreach (var date in new[] { null, "1991-12-31", "1992-01-20", "2000-01-01", "2013-06-01", "2015-05-10", "2019-12-31" })
        {
            var entity = (await fixture.Client.QueryAsync(query, new { id, d = date }))["entity"]!;
            var listed = entity["listed"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
            var ends = entity["relationships"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).Distinct().ToList();
            Assert.True(ends.SequenceEqual(listed), $"{field} on {date ?? "any date"}: [{string.Join(", ", listed)}], the relationships' other ends [{string.Join(", ", ends)}]");
            differs |= date is not null && listed.Count != (await fixture.Client.QueryAsync(query, new { id, d = (string?)null }))["entity"]!["listed"]!.AsArray().Count;
        }

        // The seed's dates leave out some of these on some date: otherwise the argument would be checked against nothing.
        if (field is "diplomaticPartners" or "agreements" or "parties") Assert.True(differs, $"{field} is the same on every date");
    }

    [Fact]
    public async Task Belarus_had_no_diplomatic_partner_before_January_1992()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "belarus") { ... on Country { before: diplomaticPartners(asOf: "1991-12-31") { id } after: diplomaticPartners(asOf: "1992-06-01") { id } } } }
            """);
        Assert.Empty(data["entity"]!["before"]!.AsArray());
        Assert.Equal("china", data["entity"]!["after"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }
}
