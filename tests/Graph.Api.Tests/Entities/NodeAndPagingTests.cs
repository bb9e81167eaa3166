using System.Net;
using Graph.Api.Search;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Entities;

[Collection(SeedGraphTests.Name)]
public sealed class NodeAndPagingTests(SeedGraphFixture fixture)
{
    [Fact]
    public async Task Node_fetches_entities_and_relationships_by_id_and_nodes_keeps_order_with_nulls()
    {
        var data = await fixture.Client.QueryAsync("""
            { a: node(id: "belarus") { __typename id ... on Country { isoCode } }
              b: node(id: "china-belarus-diplomatic-relations") { __typename ... on Relationship { type from { id } to { id } } }
              missing: node(id: "atlantis") { id }
              list: nodes(ids: ["china", "nope", "xi-jinping"]) { id __typename } }
            """);
        Assert.Equal("Country", data["a"]!["__typename"]!.GetValue<string>());
        Assert.Equal("BY", data["a"]!["isoCode"]!.GetValue<string>());
        Assert.Equal("Relationship", data["b"]!["__typename"]!.GetValue<string>());
        Assert.Equal("china", data["b"]!["from"]!["id"]!.GetValue<string>());
        Assert.Null(data["missing"]);
        var list = data["list"]!.AsArray();
        Assert.Equal("china", list[0]!["id"]!.GetValue<string>());
        Assert.Null(list[1]);
        Assert.Equal("Person", list[2]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Entities_pages_walk_the_whole_list_once_in_id_order()
    {
        var seen = new List<string>();
        string? after = null;
        int? total = null;
        for (var page = 0; page < 20; page++)
        {
            var data = await fixture.Client.QueryAsync("query($after: String) { entities(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }", new { after });
            var connection = data["entities"]!;
            total = connection["totalCount"]!.GetValue<int>();
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kind: TOPIC")]
    [InlineData("kind: TOPIC, filter: { propertyKey: \"category\" }")]
    [InlineData("filter: { hasRelationshipType: COOPERATES_IN }")]
    [InlineData("kind: TOPIC, filter: { hasRelationshipType: PART_OF, nameContains: \"a\" }")]
    [InlineData("filter: { hasRelationshipType: PARTICIPATES_IN, nameContains: \"a\" }")]
    [InlineData("filter: { propertyKey: \"category\", propertyValue: \"SECTOR\" }")]
    [InlineData("kind: TOPIC, filter: { nameContains: \"belarus\" }")]
    [InlineData("filter: { nameContains: \"ar\" }")]
    [InlineData("kind: TOPIC, filter: { nameContains: \"e\" }")]
    public async Task Pages_of_two_give_the_whole_filtered_list_in_order(string arguments)
    {
        var separator = arguments.Length == 0 ? "" : ", ";
        var whole = await IdsAsync($"entities({arguments}{separator}first: 100)");
        var paged = new List<string>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var data = await fixture.Client.QueryAsync($"query($after: String) {{ entities({arguments}{separator}first: 2, after: $after) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ id }} }} }} }}", new { after });
            paged.AddRange(data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            if (!data["entities"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = data["entities"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.True(whole.Count > 2, $"too few entities for '{arguments}' to page");
        Assert.Equal(whole, paged);
    }

    [Theory]
    [InlineData("e")]
    [InlineData("ar")]
    [InlineData("sh")]
    [InlineData("xq")]
    [InlineData("bel")]
    public async Task A_name_filter_of_any_length_gives_every_entity_with_a_name_or_alias_holding_it_and_their_total(string text)
    {
        var all = (await fixture.Client.QueryAsync("{ entities(first: 100) { edges { node { id name aliases } } } }"))["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!);
        var expected = all
            .Where(e => e["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).Prepend(e["name"]!.GetValue<string>()).Any(n => TextNormalizer.Normalize(n).Contains(text, StringComparison.Ordinal)))
            .Select(e => e["id"]!.GetValue<string>()).ToList();

        var data = await fixture.Client.QueryAsync("query($t: String) { entities(filter: { nameContains: $t }, first: 100) { totalCount edges { node { id } } } }", new { t = text });

        Assert.Equal(expected, data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList());
        Assert.Equal(expected.Count, data["entities"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(null, "PART_OF", null)]
    [InlineData("TOPIC", "PART_OF", "a")]
    [InlineData("COUNTRY", "PARTICIPATES_IN", null)]
    [InlineData(null, "LOCATED_IN", "ar")]
    [InlineData("EVENT", "INVESTS", null)]
    public async Task Kind_relationship_type_and_name_together_give_the_entities_meeting_all_three_and_their_total(string? kind, string type, string? text)
    {
        var all = (await fixture.Client.QueryAsync("{ entities(first: 100) { edges { node { id kind name aliases relationshipCounts { type } } } } }"))["entities"]!["edges"]!
            .AsArray().Select(e => e!["node"]!);
        var expected = all
            .Where(e => kind is null || e["kind"]!.GetValue<string>() == kind)
            .Where(e => e["relationshipCounts"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == type))
            .Where(e => text is null || e["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).Prepend(e["name"]!.GetValue<string>()).Any(n => TextNormalizer.Normalize(n).Contains(text, StringComparison.Ordinal)))
            .Select(e => e["id"]!.GetValue<string>()).ToList();

        var data = await fixture.Client.QueryAsync(
            "query($kind: EntityKind, $filter: EntityFilter) { entities(kind: $kind, filter: $filter, first: 100) { totalCount edges { node { id } } } }",
            new { kind, filter = new { hasRelationshipType = type, nameContains = text } });

        Assert.Equal(expected, data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList());
        Assert.Equal(expected.Count, data["entities"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_page_of_none_is_empty_and_says_whether_anything_follows()
    {
        var data = await fixture.Client.QueryAsync("""
            { all: entities(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
              none: entities(kind: TOPIC, filter: { nameContains: "atlantis" }, first: 0) { totalCount pageInfo { hasNextPage } edges { node { id } } } }
            """);
        Assert.Empty(data["all"]!["edges"]!.AsArray());
        Assert.True(data["all"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Null(data["all"]!["pageInfo"]!["endCursor"]);
        Assert.True(data["all"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Empty(data["none"]!["edges"]!.AsArray());
        Assert.False(data["none"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(0, data["none"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cursor_of_another_kind_continues_where_its_id_would_stand()
    {
        // China's cursor from the list of every entity, used on the list of topics: the page holds the
        // topics whose ids sort after "china", whether or not a topic has that id.
        var all = (await fixture.Client.QueryAsync("{ entities(first: 100) { edges { cursor node { id } } } }"))["entities"]!["edges"]!.AsArray();
        var china = all.Single(e => e!["node"]!["id"]!.GetValue<string>() == "china")!["cursor"]!.GetValue<string>();
        var topics = await IdsAsync("entities(kind: TOPIC, first: 100)");
        var data = await fixture.Client.QueryAsync("query($after: String) { entities(kind: TOPIC, first: 100, after: $after) { edges { node { id } } } }", new { after = china });
        var expected = topics.Where(id => string.CompareOrdinal(id, "china") > 0).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(topics, expected);
        Assert.Equal(expected, data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList());
    }

    private async Task<List<string>> IdsAsync(string field) =>
        (await fixture.Client.QueryAsync($"{{ list: {field} {{ edges {{ node {{ id }} }} }} }}"))["list"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Relationship_pages_continue_after_the_cursor_without_repeats()
    {
        const string query = "query($after: String) { entity(id: \"china\") { relationships(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { relationship { id } } } } }";
        var first = (await fixture.Client.QueryAsync(query))["entity"]!["relationships"]!;
        var second = (await fixture.Client.QueryAsync(query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["entity"]!["relationships"]!;
        var ids = first["edges"]!.AsArray().Concat(second["edges"]!.AsArray()).Select(e => e!["relationship"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(8, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.True(first["totalCount"]!.GetValue<int>() > 8);
    }

    [Fact]
    public async Task Entities_filter_by_kind_name_relationship_type_and_property()
    {
        var data = await fixture.Client.QueryAsync("""
            { topics: entities(kind: TOPIC, filter: { propertyKey: "category", propertyValue: "SECTOR" }) { edges { node { id } } }
              sectors: entities(filter: { propertyKey: "category", propertyValue: "SECTOR" }) { edges { node { id } } }
              belarusTopics: entities(kind: TOPIC, filter: { nameContains: "belarus" }) { edges { node { id } } }
              named: entities(filter: { nameContains: "stone" }) { edges { node { id } } }
              investors: entities(filter: { hasRelationshipType: INVESTS }) { totalCount } }
            """);
        Assert.Equal(["high-tech-manufacturing", "infrastructure", "manufacturing", "telecommunications"],
            data["topics"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToArray());
        Assert.Equal(data["topics"]!.ToJsonString(), data["sectors"]!.ToJsonString());
        // Six entities of other kinds have "belarus" in a name or alias too.
        Assert.Equal(["belarus-human-rights-record", "comprehensive-strategic-partnership", "cultural-exchange-programmes"],
            data["belarusTopics"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToArray());
        Assert.Equal("china-belarus-industrial-park", Assert.Single(data["named"]!["edges"]!.AsArray())!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(2, data["investors"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task Page_sizes_outside_the_limit_are_refused_with_a_code(int first)
    {
        var response = await fixture.Client.PostAsync("query($n: Int) { entities(first: $n) { totalCount } }", new { n = first });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("INVALID_PAGE_SIZE", response.FirstErrorCode);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task A_cursor_from_another_list_is_refused_with_a_code()
    {
        var response = await fixture.Client.PostAsync("""{ entities(after: "bm90LWEtY3Vyc29y") { totalCount } }""");
        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task Relationships_filter_by_direction_and_other_kind()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "belarus") {
                out: relationships(direction: OUT) { totalCount }
                in: relationships(direction: IN) { totalCount }
                both: relationships { totalCount }
                events: relationships(otherKinds: [EVENT]) { edges { node { kind } } } } }
            """);
        var belarus = data["entity"]!;
        Assert.Equal(belarus["both"]!["totalCount"]!.GetValue<int>(), belarus["out"]!["totalCount"]!.GetValue<int>() + belarus["in"]!["totalCount"]!.GetValue<int>());
        var kinds = belarus["events"]!["edges"]!.AsArray().Select(e => e!["node"]!["kind"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("EVENT", k));
    }

    [Theory]
    [InlineData("china", "")]
    [InlineData("china", "direction: OUT")]
    [InlineData("belarus", "direction: IN")]
    [InlineData("belarus", "types: [PARTY_TO, INVESTS]")]
    [InlineData("china", "otherKinds: [TOPIC, EVENT], direction: OUT")]
    [InlineData("belarus", "asOf: \"2014-06-01\"")]
    [InlineData("china", "asOf: \"2000-06-01\", otherKinds: [COUNTRY]")]
    public async Task A_relationship_list_total_is_the_number_of_relationships_it_lists(string id, string arguments)
    {
        var separator = arguments.Length == 0 ? "" : ", ";
        var data = await fixture.Client.QueryAsync(
            $"query($id: ID!) {{ entity(id: $id) {{ relationships({arguments}{separator}first: 100) {{ totalCount edges {{ relationship {{ id }} }} }} }} }}", new { id });
        var relationships = data["entity"]!["relationships"]!;
        Assert.Equal(relationships["edges"]!.AsArray().Count, relationships["totalCount"]!.GetValue<int>());
    }
}
