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
}
