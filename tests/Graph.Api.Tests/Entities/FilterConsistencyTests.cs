using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Entities;

/// <summary>
/// What the index answers from its own tables (kind lists, the entities taking part in a type, the
/// entities by property key, a document's citations, the timeline's dates) agrees with what each
/// entity and relationship says of itself, for every entity and relationship of the seed graph.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class FilterConsistencyTests(SeedGraphFixture fixture)
{
    private const string EveryRelationship = """
        { entities(first: 30) { totalCount edges { node { id kind properties { key value }
            relationships(direction: OUT, first: 60) { edges { relationship { id type validTime { start { text } end { text } } sources { paragraph document { id } } } node { id kind } } } } } } }
        """;

    private async Task<(List<JsonNode> Entities, List<JsonNode> Relationships)> EverythingAsync()
    {
        var data = await fixture.Client.QueryAsync(EveryRelationship);
        var entities = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal(entities.Count, data["entities"]!["totalCount"]!.GetValue<int>());
        var relationships = entities.SelectMany(e => e["relationships"]!["edges"]!.AsArray().Select(r => r!["relationship"]!)).ToList();
        return (entities, relationships);
    }

    private static List<string> Ids(IEnumerable<JsonNode> nodes) => [.. nodes.Select(n => n["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private async Task<List<string>> PageAsync(string arguments)
    {
        var data = await fixture.Client.QueryAsync($"{{ entities({arguments}, first: 100) {{ totalCount edges {{ node {{ id }} }} }} }}");
        var ids = Ids(data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!));
        Assert.Equal(ids.Count, data["entities"]!["totalCount"]!.GetValue<int>());
        return ids;
    }

    [Fact]
    public async Task Kind_type_and_property_filters_keep_the_entities_that_say_so_themselves()
    {
        var (entities, relationships) = await EverythingAsync();
        var data = await fixture.Client.QueryAsync("{ entityKinds { kind count } relationshipTypes { type count } graphStatistics { relationshipCount } }");
        Assert.Equal(relationships.Count, data["graphStatistics"]!["relationshipCount"]!.GetValue<int>());

        foreach (var kind in data["entityKinds"]!.AsArray().Select(k => k!["kind"]!.GetValue<string>()))
        {
            var expected = Ids(entities.Where(e => e["kind"]!.GetValue<string>() == kind));
            Assert.Equal(expected, await PageAsync($"kind: {kind}"));
            Assert.Equal(expected.Count, data["entityKinds"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == kind)!["count"]!.GetValue<int>());
        }

        // Which entities take part in each type, in either direction, from the relationships themselves.
        var ends = entities.SelectMany(e => e["relationships"]!["edges"]!.AsArray().Select(r => (From: e["id"]!.GetValue<string>(), Edge: r!))).ToList();
        foreach (var type in data["relationshipTypes"]!.AsArray())
        {
            var name = type!["type"]!.GetValue<string>();
            var ofType = ends.Where(x => x.Edge["relationship"]!["type"]!.GetValue<string>() == name).ToList();
            Assert.Equal(ofType.Count, type["count"]!.GetValue<int>());
            var taking = ofType.Select(x => x.From).Concat(ofType.Select(x => x.Edge["node"]!["id"]!.GetValue<string>())).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(taking, await PageAsync($"filter: {{ hasRelationshipType: {name} }}"));
        }

        foreach (var key in entities.SelectMany(e => e["properties"]!.AsArray().Select(p => p!["key"]!.GetValue<string>())).Distinct())
        {
            Assert.Equal(Ids(entities.Where(e => e["properties"]!.AsArray().Any(p => p!["key"]!.GetValue<string>() == key))),
                await PageAsync($"filter: {{ propertyKey: \"{key}\" }}"));
            var value = entities.SelectMany(e => e["properties"]!.AsArray()).First(p => p!["key"]!.GetValue<string>() == key)!["value"]!.GetValue<string>();
            Assert.Equal(Ids(entities.Where(e => e["properties"]!.AsArray().Any(p => p!["key"]!.GetValue<string>() == key && p["value"]!.GetValue<string>() == value))),
                await PageAsync($"filter: {{ propertyKey: \"{key}\", propertyValue: {System.Text.Json.JsonSerializer.Serialize(value)} }}"));
        }
    }

    [Fact]
    public async Task A_document_supports_exactly_the_relationships_citing_it()
    {
        var (entities, relationships) = await EverythingAsync();
        foreach (var document in entities.Where(e => e["kind"]!.GetValue<string>() == "DOCUMENT").Select(e => e["id"]!.GetValue<string>()))
        {
            var citing = relationships.Where(r => r["sources"]!.AsArray().Any(s => s!["document"]!["id"]!.GetValue<string>() == document)).ToList();
            var paragraphs = citing.SelectMany(r => r["sources"]!.AsArray().Where(s => s!["document"]!["id"]!.GetValue<string>() == document).Select(s => s!["paragraph"]!.GetValue<int>())).Distinct().Order().ToList();
            var query = string.Join("\n", paragraphs.Select(p => $"p{p}: supports(paragraph: {p}, first: 100) {{ totalCount edges {{ node {{ id }} }} }}"));
            var data = await fixture.Client.QueryAsync($"{{ entity(id: \"{document}\") {{ ... on Document {{ all: supports(first: 100) {{ totalCount edges {{ node {{ id }} }} }} {query} }} }} }}");
            var answer = data["entity"]!;
            Assert.Equal(Ids(citing), Ids(answer["all"]!["edges"]!.AsArray().Select(e => e!["node"]!)));
            Assert.Equal(citing.Count, answer["all"]!["totalCount"]!.GetValue<int>());
            foreach (var paragraph in paragraphs)
            {
                var expected = Ids(citing.Where(r => r["sources"]!.AsArray().Any(s => s!["document"]!["id"]!.GetValue<string>() == document && s["paragraph"]!.GetValue<int>() == paragraph)));
                Assert.Equal(expected, Ids(answer[$"p{paragraph}"]!["edges"]!.AsArray().Select(e => e!["node"]!)));
            }
        }
    }

    [Fact]
    public async Task A_timeline_lists_each_dated_relationship_once_in_date_order()
    {
        var (entities, _) = await EverythingAsync();
        foreach (var id in entities.Select(e => e["id"]!.GetValue<string>()))
        {
            var data = await fixture.Client.QueryAsync($$"""
                { entity(id: "{{id}}") { relationships(first: 60) { edges { relationship { id validTime { start { earliest } end { earliest } } } } }
                    timeline(first: 100) { date { earliest } relationship { id } } } }
                """);
            var dated = data["entity"]!["relationships"]!["edges"]!.AsArray().Select(e => e!["relationship"]!)
                .Where(r => r["validTime"]!["start"] is not null || r["validTime"]!["end"] is not null).ToList();
            var timeline = data["entity"]!["timeline"]!.AsArray().Select(t => t!).ToList();
            Assert.Equal(Ids(dated), [.. timeline.Select(t => t["relationship"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)]);
            var days = timeline.Select(t => t["date"]!["earliest"]!.GetValue<string>()).ToList();
            Assert.Equal(days.Order(StringComparer.Ordinal), days);
        }
    }
}
