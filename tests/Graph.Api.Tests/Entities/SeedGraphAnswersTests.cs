using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Entities;

/// <summary>Questions a user asks of the China–Belarus seed graph, answered over HTTP.</summary>
[Collection(SeedGraphTests.Name)]
public sealed class SeedGraphAnswersTests(SeedGraphFixture fixture)
{
    [Fact]
    public async Task Diplomatic_ties_date_from_27_January_1992_to_the_day_and_cite_paragraph_1()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "china") { relationships(types: [DIPLOMATIC_RELATIONS]) { edges {
                node { id }
                relationship { validTime { start { text precision earliest } end { text } }
                               sources { paragraph document { id kind } } } } } } }
            """);
        var edge = Assert.Single(data["entity"]!["relationships"]!["edges"]!.AsArray())!;
        Assert.Equal("belarus", edge["node"]!["id"]!.GetValue<string>());
        var time = edge["relationship"]!["validTime"]!;
        Assert.Equal("1992-01-27", time["start"]!["text"]!.GetValue<string>());
        Assert.Equal("DAY", time["start"]!["precision"]!.GetValue<string>());
        Assert.Null(time["end"]);
        var source = Assert.Single(edge["relationship"]!["sources"]!.AsArray())!;
        Assert.Equal(1, source["paragraph"]!.GetValue<int>());
        Assert.Equal("DOCUMENT", source["document"]!["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Great Stone Industrial Park")]
    [InlineData("great stone")]
    [InlineData("GREAT-STONE")]
    [InlineData("China Belarus Industrial Park")]
    public async Task The_industrial_park_is_found_by_either_of_its_names(string text)
    {
        var data = await fixture.Client.QueryAsync("query($t: String!) { search(text: $t, first: 3) { entity { id kind } matchedName match } }", new { t = text });
        var top = data["search"]!.AsArray()[0]!;
        Assert.Equal("china-belarus-industrial-park", top["entity"]!["id"]!.GetValue<string>());
        Assert.Equal("PROJECT", top["entity"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_holding_half_a_surrogate_pair_is_searched_as_if_it_were_punctuation()
    {
        // A query's string can escape a lone surrogate, which Unicode normalisation refuses: the answer was an INTERNAL error.
        var data = await fixture.Client.QueryAsync("""
            { search(text: "great\ud800stone", first: 1) { entity { id } }
              entities(filter: { nameContains: "\udc00BELARUS\ud800" }) { edges { node { id } } } }
            """);
        Assert.Equal("china-belarus-industrial-park", data["search"]![0]!["entity"]!["id"]!.GetValue<string>());
        Assert.Contains("belarus", data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_ranks_exact_before_prefix_before_contains_and_filters_by_kind()
    {
        var data = await fixture.Client.QueryAsync("""{ all: search(text: "china") { entity { id } match } countries: search(text: "china", kinds: [COUNTRY]) { entity { id } } }""");
        var hits = data["all"]!.AsArray();
        Assert.Equal("china", hits[0]!["entity"]!["id"]!.GetValue<string>());
        var ranks = hits.Select(h => h!["match"]!.GetValue<string>()).ToList();
        Assert.Equal(ranks.OrderBy(r => Array.IndexOf(["EXACT", "PREFIX", "CONTAINS"], r)), ranks);
        Assert.Contains("CONTAINS", ranks);
        Assert.Equal("china", Assert.Single(data["countries"]!.AsArray())!["entity"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("belarus human rights", "belarus-human-rights-record", "Human-rights record of Belarus")]
    [InlineData("Jinping Xi", "xi-jinping", "Xi Jinping")]
    [InlineData("park industrial", "china-belarus-industrial-park", "Great Stone Industrial Park")]
    [InlineData("visit xi 2019", "xi-visit-belarus-2019", "2019 Xi visit")]
    public async Task A_text_whose_words_a_name_holds_in_another_order_finds_it(string text, string id, string matchedName)
    {
        var data = await fixture.Client.QueryAsync("query($t: String!) { search(text: $t, first: 5) { entity { id } matchedName match } }", new { t = text });
        var top = data["search"]!.AsArray()[0]!;
        Assert.Equal((id, matchedName, "WORDS"), (top["entity"]!["id"]!.GetValue<string>(), top["matchedName"]!.GetValue<string>(), top["match"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("belrus", "belarus", "Belarus")]
    [InlineData("Xi Jinpign", "xi-jinping", "Xi Jinping")]
    [InlineData("industrail park", "china-belarus-industrial-park", "Great Stone Industrial Park")]
    [InlineData("hong knog", "hong-kong", "Hong Kong")]
    public async Task A_text_with_a_slip_of_typing_finds_what_it_meant_first(string text, string id, string matchedName)
    {
        var data = await fixture.Client.QueryAsync("query($t: String!) { search(text: $t, first: 5) { entity { id } matchedName match } }", new { t = text });
        var hits = data["search"]!.AsArray();
        Assert.Equal((id, matchedName), (hits[0]!["entity"]!["id"]!.GetValue<string>(), hits[0]!["matchedName"]!.GetValue<string>()));
        Assert.All(hits, hit => Assert.Equal("SIMILAR", hit!["match"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Similar_names_page_on_with_their_cursors_and_a_text_that_matches_gets_none()
    {
        var all = await fixture.Client.QueryAsync("""{ search(text: "belarsu", first: 50) { entity { id } cursor } }""");
        var ids = all["search"]!.AsArray().Select(h => h!["entity"]!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.Count >= 4, string.Join(", ", ids));

        var walked = new List<string>();
        string? after = null;
        for (var page = 0; page < ids.Count; page++)
        {
            var data = await fixture.Client.QueryAsync("query($a: String) { search(text: \"belarsu\", first: 2, after: $a) { entity { id } cursor } }", new { a = after });
            var hits = data["search"]!.AsArray();
            walked.AddRange(hits.Select(h => h!["entity"]!["id"]!.GetValue<string>()));
            if (hits.Count < 2) break;
            after = hits[^1]!["cursor"]!.GetValue<string>();
        }

        Assert.Equal(ids, walked);
        var exact = await fixture.Client.QueryAsync("""{ search(text: "belarus", first: 50) { match } }""");
        Assert.DoesNotContain(exact["search"]!.AsArray(), hit => hit!["match"]!.GetValue<string>() == "SIMILAR");
    }

    [Fact]
    public async Task Words_matches_come_after_those_holding_the_whole_text_and_short_words_start_a_word()
    {
        // "belarus c": two names hold the text whole ("China–Belarus cultural …", "… comprehensive …"); the
        // others with "belarus" must have a word starting with "c" ("China …"), which "Belarus" alone lacks.
        var data = await fixture.Client.QueryAsync("""{ search(text: "belarus c", first: 20) { entity { id } match } }""");
        var hits = data["search"]!.AsArray().Select(h => (Id: h!["entity"]!["id"]!.GetValue<string>(), Match: h["match"]!.GetValue<string>())).ToList();
        Assert.Equal(["CONTAINS", "CONTAINS"], hits.Take(2).Select(h => h.Match));
        Assert.All(hits.Skip(2), h => Assert.Equal("WORDS", h.Match));
        Assert.Contains(("china-belarus-industrial-park", "WORDS"), hits);
        Assert.DoesNotContain(hits, h => h.Id == "belarus");
        Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("china", 2)]
    [InlineData("belarus", 3)]
    [InlineData("belarus c", 1)]
    public async Task Search_pages_follow_each_other_by_the_last_hit_s_cursor(string text, int size)
    {
        const string Query = "query($t: String!, $n: Int, $a: String) { search(text: $t, first: $n, after: $a) { cursor match entity { id } } }";
        var all = (await fixture.Client.QueryAsync(Query, new { t = text, n = 100 }))["search"]!.AsArray().Select(h => h!["entity"]!["id"]!.GetValue<string>()).ToList();
        Assert.True(all.Count > size * 2, $"'{text}' finds {all.Count}");

        var walked = new List<string>();
        string? after = null;
        for (var pages = 0; pages <= all.Count; pages++)
        {
            var page = (await fixture.Client.QueryAsync(Query, new { t = text, n = size, a = after }))["search"]!.AsArray();
            walked.AddRange(page.Select(h => h!["entity"]!["id"]!.GetValue<string>()));
            if (page.Count < size) break;
            after = page[^1]!["cursor"]!.GetValue<string>();
        }

        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("czo5OjQ6Y2hpbmE")]
    [InlineData("czoyOjQ6YXRsYW50aXM")]
    public async Task A_search_cursor_naming_no_hit_is_refused_with_a_code(string cursor)
    {
        var response = await fixture.Client.PostAsync("query($a: String) { search(text: \"china\", after: $a) { match } }", new { a = cursor });
        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
    }

    [Fact]
    public async Task Direct_investment_of_2019_is_about_660_million_US_dollars()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "china") { relationships(direction: OUT, types: [INVESTS]) { edges {
                node { name }
                relationship { amount: property(key: "amount") { type numberValue } currency: property(key: "currency") { value }
                               validTime { pointInTime start { text precision } } sources { paragraph } } } } } }
            """);
        var edge = Assert.Single(data["entity"]!["relationships"]!["edges"]!.AsArray())!;
        Assert.Equal("Belarus", edge["node"]!["name"]!.GetValue<string>());
        var relationship = edge["relationship"]!;
        Assert.Equal("NUMBER", relationship["amount"]!["type"]!.GetValue<string>());
        Assert.Equal(660_000_000d, relationship["amount"]!["numberValue"]!.GetValue<double>());
        Assert.Equal("USD", relationship["currency"]!["value"]!.GetValue<string>());
        Assert.True(relationship["validTime"]!["pointInTime"]!.GetValue<bool>());
        Assert.Equal("2019", relationship["validTime"]!["start"]!["text"]!.GetValue<string>());
        Assert.Equal("YEAR", relationship["validTime"]!["start"]!["precision"]!.GetValue<string>());
        Assert.Equal(3, relationship["sources"]![0]!["paragraph"]!.GetValue<int>());
    }

    [Fact]
    public async Task Xi_Jinping_visited_Belarus_in_2015_and_2019()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "xi-jinping") { ... on Person {
                offices { title of { id } term { start { text } } }
                events { date { text } place { id } participants { id } } } } }
            """);
        var person = data["entity"]!;
        var office = Assert.Single(person["offices"]!.AsArray())!;
        Assert.Equal("President", office["title"]!.GetValue<string>());
        Assert.Equal("china", office["of"]!["id"]!.GetValue<string>());
        var events = person["events"]!.AsArray();
        Assert.Equal(["2015", "2019"], events.Select(e => e!["date"]!["text"]!.GetValue<string>()).Order().ToArray());
        Assert.All(events, e => Assert.Equal("belarus", e!["place"]!["id"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Contains("xi-jinping", e!["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task The_2013_declaration_has_both_parties_and_sets_up_the_partnership()
    {
        var data = await fixture.Client.QueryAsync("""
            { entities(kind: AGREEMENT) { totalCount edges { node { ... on Agreement {
                signedOn { text } parties { id } establishes { id name } } } } } }
            """);
        Assert.Equal(1, data["entities"]!["totalCount"]!.GetValue<int>());
        var agreement = data["entities"]!["edges"]![0]!["node"]!;
        Assert.Equal("2013", agreement["signedOn"]!["text"]!.GetValue<string>());
        Assert.Equal(["belarus", "china"], agreement["parties"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToArray());
        Assert.Equal("comprehensive-strategic-partnership", Assert.Single(agreement["establishes"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_park_is_a_joint_venture_in_Belarus_aimed_at_high_tech_manufacturing()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "china-belarus-industrial-park") { aliases property(key: "structure") { value }
                ... on Project { location { id } participants { id } focus { id } partOf { id } } } }
            """);
        var park = data["entity"]!;
        Assert.Contains("Great Stone Industrial Park", park["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("joint venture", park["property"]!["value"]!.GetValue<string>());
        Assert.Equal("belarus", park["location"]!["id"]!.GetValue<string>());
        Assert.Equal(["belarus", "china"], park["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToArray());
        Assert.Equal("high-tech-manufacturing", Assert.Single(park["focus"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("comprehensive-strategic-partnership", Assert.Single(park["partOf"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sectors_gateway_culture_and_criticisms_are_all_in_the_graph()
    {
        var data = await fixture.Client.QueryAsync("""
            { partnership: entity(id: "comprehensive-strategic-partnership") { relationships(direction: OUT, types: [FOCUSES_ON]) { edges { node { id } } } }
              belarus: entity(id: "belarus") { gateway: relationships(direction: OUT, types: [GATEWAY_TO]) { edges { node { id } relationship { property(key: "perceivedBy") { value } } } }
                                              criticized: relationships(direction: OUT, types: [CRITICIZED_FOR]) { edges { node { id } } } }
              china: entity(id: "china") { criticized: relationships(direction: OUT, types: [CRITICIZED_FOR]) { edges { node { id } } } }
              culture: entity(id: "cultural-exchange-programmes") { ... on Topic { parts { id } participants { id } } } }
            """);
        static string[] Ids(System.Text.Json.Nodes.JsonNode? connection) =>
            connection!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["infrastructure", "manufacturing", "telecommunications"], Ids(data["partnership"]!["relationships"]));
        Assert.Equal(["europe"], Ids(data["belarus"]!["gateway"]));
        Assert.Equal("Chinese businesses", data["belarus"]!["gateway"]!["edges"]![0]!["relationship"]!["property"]!["value"]!.GetValue<string>());
        Assert.Equal(["belarus-human-rights-record"], Ids(data["belarus"]!["criticized"]));
        Assert.Equal(["hong-kong-crackdown", "treatment-of-uyghurs"], Ids(data["china"]!["criticized"]));
        Assert.Equal(["artistic-performances", "language-courses"], data["culture"]!["parts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToArray());
        Assert.Equal(["belarus", "china"], data["culture"]!["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToArray());
    }

    [Fact]
    public async Task Every_relationship_cites_a_paragraph_of_the_essay_and_the_essay_lists_what_it_supports()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "essay-china-belarus-relations") { ... on Document { paragraphCount supports(first: 100) { totalCount } p1: supports(paragraph: 1) { edges { node { id } } } } }
              relationshipTypes { count } }
            """);
        var document = data["entity"]!;
        var total = data["relationshipTypes"]!.AsArray().Sum(t => t!["count"]!.GetValue<int>());
        Assert.Equal(total, document["supports"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("china-belarus-diplomatic-relations", Assert.Single(document["p1"]!["edges"]!.AsArray())!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(6, document["paragraphCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("asOf: \"2014-06-01\"")]
    [InlineData("paragraph: 4")]
    public async Task The_relationships_a_document_supports_page_in_order_with_their_total(string arguments)
    {
        var separator = arguments.Length == 0 ? "" : ", ";
        const string document = "essay-china-belarus-relations";
        var whole = (await fixture.Client.QueryAsync($"{{ entity(id: \"{document}\") {{ ... on Document {{ supports({arguments}{separator}first: 100) {{ edges {{ node {{ id }} }} }} }} }} }}"))
            ["entity"]!["supports"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var paged = new List<string>();
        string? after = null;
        for (var page = 0; page < 50; page++)
        {
            var supports = (await fixture.Client.QueryAsync(
                $"query($after: String) {{ entity(id: \"{document}\") {{ ... on Document {{ supports({arguments}{separator}first: 3, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ id }} }} }} }} }} }}",
                new { after }))["entity"]!["supports"]!;
            Assert.Equal(whole.Count, supports["totalCount"]!.GetValue<int>());
            paged.AddRange(supports["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            if (!supports["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = supports["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.True(whole.Count > 3, $"too few relationships for '{arguments}' to page");
        Assert.Equal(whole.Order(StringComparer.Ordinal), whole);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task Vocabulary_and_kinds_are_discoverable_with_counts()
    {
        var data = await fixture.Client.QueryAsync("{ relationshipTypes { type description fromKinds toKinds count } entityKinds { kind count } }");
        var types = data["relationshipTypes"]!.AsArray();
        var diplomatic = types.Single(t => t!["type"]!.GetValue<string>() == "DIPLOMATIC_RELATIONS")!;
        Assert.Equal(1, diplomatic["count"]!.GetValue<int>());
        Assert.Equal("COUNTRY", diplomatic["fromKinds"]![0]!.GetValue<string>());
        var kinds = data["entityKinds"]!.AsArray().ToDictionary(k => k!["kind"]!.GetValue<string>(), k => k!["count"]!.GetValue<int>());
        Assert.Equal(2, kinds["COUNTRY"]);
        Assert.Equal(1, kinds["PERSON"]);
        Assert.Equal(9, kinds.Count);
    }
}
