using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Traversal;

/// <summary>Traversal over HTTP on the seed graph.</summary>
[Collection(SeedGraphTests.Name)]
public sealed class TraversalHttpTests(SeedGraphFixture fixture)
{
    private static readonly string[] WantedKinds = ["PROJECT", "TOPIC"];

    private static string[] Ids(JsonNode? list, string field = "id") => list!.AsArray().Select(n => n![field]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Path_from_Xi_Jinping_to_the_industrial_park_explains_itself_with_evidence()
    {
        var data = await fixture.Client.QueryAsync("""
            { shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park") {
                length entities { id }
                steps { direction from { id } to { id } relationship { type validTime { start { text } } sources { paragraph document { id } } } } } }
            """);
        var path = data["shortestPath"]!;
        Assert.Equal(2, path["length"]!.GetValue<int>());
        Assert.Equal(["xi-jinping", "china", "china-belarus-industrial-park"], Ids(path["entities"]));
        var steps = path["steps"]!.AsArray();
        Assert.Equal("HOLDS_OFFICE", steps[0]!["relationship"]!["type"]!.GetValue<string>());
        Assert.All(steps, s => Assert.NotEmpty(s!["relationship"]!["sources"]!.AsArray()));
        Assert.Equal(steps[0]!["to"]!["id"]!.GetValue<string>(), steps[1]!["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_office_the_path_goes_through_a_visit()
    {
        var data = await fixture.Client.QueryAsync("""
            { shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park", types: [PARTICIPATES_IN, LOCATED_IN]) { length entities { id kind } } }
            """);
        var entities = data["shortestPath"]!["entities"]!.AsArray();
        Assert.Equal(3, data["shortestPath"]!["length"]!.GetValue<int>());
        Assert.Equal("EVENT", entities[1]!["kind"]!.GetValue<string>());
        Assert.Equal("belarus", entities[2]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paths_lists_several_routes_shortest_first()
    {
        var data = await fixture.Client.QueryAsync("""{ paths(from: "xi-jinping", to: "china-belarus-industrial-park", maxLength: 3, first: 10) { hasMore truncated paths { length entities { id } } } }""");
        var lengths = data["paths"]!["paths"]!.AsArray().Select(p => p!["length"]!.GetValue<int>()).ToList();
        Assert.True(lengths.Count > 2);
        Assert.Equal(lengths.Order(), lengths);
        Assert.Equal(2, lengths[0]);
        Assert.False(data["paths"]!["truncated"]!.GetValue<bool>());
        Assert.False(data["paths"]!["hasMore"]!.GetValue<bool>());

        // Fewer than were found: the same first routes, and the answer says more exist.
        var fewer = (await fixture.Client.QueryAsync("""{ paths(from: "xi-jinping", to: "china-belarus-industrial-park", maxLength: 3, first: 2) { hasMore truncated paths { length } } }"""))["paths"]!;
        Assert.Equal(lengths.Take(2), fewer["paths"]!.AsArray().Select(p => p!["length"]!.GetValue<int>()));
        Assert.True(fewer["hasMore"]!.GetValue<bool>());
        Assert.False(fewer["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task From_an_entity_to_itself_both_path_fields_give_the_path_of_length_0()
    {
        var data = await fixture.Client.QueryAsync("""
            { shortestPath(from: "belarus", to: "belarus") { length steps { to { id } } entities { id } }
              paths(from: "belarus", to: "belarus", maxLength: 4) { hasMore truncated paths { length steps { to { id } } entities { id } } } }
            """);
        var paths = data["paths"]!["paths"]!.AsArray();
        Assert.Single(paths);
        Assert.Equal(data["shortestPath"]!.ToJsonString(), paths[0]!.ToJsonString());
        Assert.Equal(0, paths[0]!["length"]!.GetValue<int>());
        Assert.Equal("belarus", paths[0]!["entities"]![0]!["id"]!.GetValue<string>());
        Assert.False(data["paths"]!["hasMore"]!.GetValue<bool>());
        Assert.False(data["paths"]!["truncated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("BOTH", null)]
    [InlineData("OUT", "2014-06-01")]
    public async Task For_every_pair_of_entities_the_first_of_paths_is_as_long_as_the_shortest_path(string direction, string? asOf)
    {
        var ids = (await fixture.Client.QueryAsync("{ entities(first: 100) { edges { node { id } } } }"))["entities"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["id"]!.GetValue<string>()).ToArray();
        var compared = 0;
        foreach (var from in ids)
        {
            // An aliased pair of fields for each end, fifteen ends a request (the alias limit is 30).
            foreach (var ends in ids.Chunk(15))
            {
                var fields = string.Concat(ends.Select((to, i) =>
                    $$"""s{{i}}: shortestPath(from: $from, to: "{{to}}", direction: $direction, asOf: $asOf, maxLength: 4) { length } p{{i}}: paths(from: $from, to: "{{to}}", direction: $direction, asOf: $asOf, maxLength: 4, first: 1) { paths { length entities { id } } } """));
                var data = await fixture.Client.QueryAsync($"query($from: ID!, $direction: Direction, $asOf: Date) {{ {fields} }}", new { from, direction, asOf });
                for (var i = 0; i < ends.Length; i++)
                {
                    var shortest = data[$"s{i}"];
                    var first = data[$"p{i}"]!["paths"]!.AsArray().FirstOrDefault();
                    Assert.Equal(shortest is null, first is null);
                    if (first is null) continue;
                    Assert.Equal(shortest!["length"]!.GetValue<int>(), first["length"]!.GetValue<int>());
                    var entities = Ids(first["entities"]);
                    Assert.Equal((from, ends[i]), (entities[0], entities[^1]));
                    compared++;
                }
            }
        }

        Assert.True(compared > ids.Length * 2, $"only {compared} connected pairs");
    }

    [Fact]
    public async Task Paths_pass_only_through_the_kinds_asked_for()
    {
        static List<string> Routes(JsonNode data) => data["paths"]!["paths"]!.AsArray()
            .Select(p => string.Join(" ", p!["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()))).ToList();
        const string Paths = """
            query($kinds: [EntityKind!]) { paths(from: "xi-jinping", to: "china-belarus-industrial-park", maxLength: 4, first: 50, kinds: $kinds) {
                hasMore paths { entities { id kind } } } }
            """;
        var all = await fixture.Client.QueryAsync(Paths);
        Assert.False(all["paths"]!["hasMore"]!.GetValue<bool>());
        string[] through = ["EVENT", "COUNTRY"];
        var expected = all["paths"]!["paths"]!.AsArray()
            .Where(p => p!["entities"]!.AsArray().Skip(1).SkipLast(1).All(e => through.Contains(e!["kind"]!.GetValue<string>())))
            .Select(p => string.Join(" ", p!["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()))).ToList();
        Assert.InRange(expected.Count, 3, Routes(all).Count - 1);
        Assert.Equal(expected, Routes(await fixture.Client.QueryAsync(Paths, new { kinds = through })));

        var shortest = await fixture.Client.QueryAsync("""
            { countries: shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park", kinds: [EVENT, COUNTRY]) { entities { id } }
              topics: shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park", kinds: [EVENT, TOPIC]) { entities { id } } }
            """);
        Assert.Equal(["xi-jinping", "china", "china-belarus-industrial-park"], Ids(shortest["countries"]!["entities"]));
        Assert.Null(shortest["topics"]);
    }

    [Fact]
    public async Task Neighborhood_of_Belarus_holds_its_partners_and_the_relationships_among_them()
    {
        var data = await fixture.Client.QueryAsync("""
            { neighborhood(id: "belarus") { truncated center { id } nodes { distance entity { id } } relationships { from { id } to { id } } } }
            """);
        var hood = data["neighborhood"]!;
        var nodes = hood["nodes"]!.AsArray().ToDictionary(n => n!["entity"]!["id"]!.GetValue<string>(), n => n!["distance"]!.GetValue<int>());
        Assert.Equal(0, nodes["belarus"]);
        foreach (var id in new[] { "china", "china-belarus-industrial-park", "europe", "joint-declaration-2013", "xi-visit-belarus-2015" }) Assert.Equal(1, nodes[id]);
        Assert.DoesNotContain("xi-jinping", nodes.Keys);
        Assert.All(hood["relationships"]!.AsArray(), r =>
        {
            Assert.Contains(r!["from"]!["id"]!.GetValue<string>(), nodes.Keys);
            Assert.Contains(r["to"]!["id"]!.GetValue<string>(), nodes.Keys);
        });
        // China and the park are both one hop out; the relationship between them is drawn too.
        Assert.Contains(hood["relationships"]!.AsArray(), r => r!["from"]!["id"]!.GetValue<string>() == "china" && r["to"]!["id"]!.GetValue<string>() == "china-belarus-industrial-park");
    }

    [Fact]
    public async Task What_held_in_2000_differs_from_what_held_in_2014()
    {
        var data = await fixture.Client.QueryAsync("""
            { y2000: entity(id: "china") { relationships(asOf: "2000-06-01") { edges { relationship { type } node { id } } } }
              y2014: entity(id: "china") { relationships(asOf: "2014-06-01") { edges { relationship { type } node { id } } } }
              n2000: neighborhood(id: "china", asOf: "2000-06-01") { nodes { entity { id } } }
              n2014: neighborhood(id: "china", asOf: "2014-06-01") { nodes { entity { id } } } }
            """);
        static string[] Types(JsonNode? connection) => connection!["relationships"]!["edges"]!.AsArray().Select(e => e!["relationship"]!["type"]!.GetValue<string>()).Distinct().ToArray();
        var in2000 = Types(data["y2000"]);
        var in2014 = Types(data["y2014"]);
        Assert.Contains("DIPLOMATIC_RELATIONS", in2000);
        Assert.DoesNotContain("COOPERATES_IN", in2000);
        Assert.DoesNotContain("HOLDS_OFFICE", in2000);
        Assert.Contains("COOPERATES_IN", in2014);
        Assert.Contains("HOLDS_OFFICE", in2014);
        // The 2013 signing was a point in time: over by 2014. The 2019 investment had not happened yet.
        Assert.DoesNotContain("PARTY_TO", in2014);
        Assert.DoesNotContain("INVESTS", in2014);
        var n2000 = data["n2000"]!["nodes"]!.AsArray().Select(n => n!["entity"]!["id"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("xi-jinping", n2000);
        Assert.Contains("xi-jinping", data["n2014"]!["nodes"]!.AsArray().Select(n => n!["entity"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reachable_projects_within_two_hops_of_China_through_cooperation_carry_distances()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "china") { reachable(maxDepth: 2, types: [COOPERATES_IN, FOCUSES_ON, PARTICIPATES_IN, PART_OF], kinds: [PROJECT, TOPIC], first: 100) {
                totalCount truncated edges { distance node { id kind } } } } }
            """);
        var edges = data["entity"]!["reachable"]!["edges"]!.AsArray();
        Assert.Contains(edges, e => e!["node"]!["id"]!.GetValue<string>() == "china-belarus-industrial-park" && e["distance"]!.GetValue<int>() == 1);
        Assert.Contains(edges, e => e!["node"]!["id"]!.GetValue<string>() == "high-tech-manufacturing" && e["distance"]!.GetValue<int>() == 2);
        Assert.All(edges, e => Assert.Contains(e!["node"]!["kind"]!.GetValue<string>(), WantedKinds));
        var distances = edges.Select(e => e!["distance"]!.GetValue<int>()).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task Each_entity_within_reach_says_how_it_was_reached_with_the_evidence()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "xi-jinping") { reachable(maxDepth: 3, kinds: [PROJECT]) {
                edges { distance node { id } path { length entities { id } steps { direction relationship { type sources { paragraph } } } } } } } }
            """);
        var park = data["entity"]!["reachable"]!["edges"]!.AsArray().Single(e => e!["node"]!["id"]!.GetValue<string>() == "china-belarus-industrial-park")!;
        Assert.Equal(2, park["distance"]!.GetValue<int>());
        var path = park["path"]!;
        Assert.Equal(2, path["length"]!.GetValue<int>());
        Assert.Equal(["xi-jinping", "china", "china-belarus-industrial-park"], Ids(path["entities"]));
        var steps = path["steps"]!.AsArray();
        Assert.Equal(["HOLDS_OFFICE", "PARTICIPATES_IN"], steps.Select(s => s!["relationship"]!["type"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.NotEmpty(s!["relationship"]!["sources"]!.AsArray()));
    }

    [Theory]
    [InlineData("belarus", "BOTH", null)]
    [InlineData("china", "OUT", null)]
    [InlineData("china-belarus-industrial-park", "IN", null)]
    [InlineData("belarus", "BOTH", "2014-06-01")]
    public async Task Every_route_runs_from_the_start_to_its_entity_as_far_as_its_distance_in_the_direction_asked(string id, string direction, string? asOf)
    {
        const string query = """
            query($id: ID!, $direction: Direction, $asOf: Date, $after: String) { entity(id: $id) { reachable(maxDepth: 4, direction: $direction, asOf: $asOf, first: 7, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges { distance node { id } path { length entities { id } steps { direction from { id } to { id } relationship { validTime { start { text } } } } } } } } }
            """;
        var checkedRoutes = 0;
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            // Each page finds its own routes.
            var reachable = (await fixture.Client.QueryAsync(query, new { id, direction, asOf, after }))["entity"]!["reachable"]!;
            foreach (var edge in reachable["edges"]!.AsArray())
            {
                var path = edge!["path"]!;
                var entities = Ids(path["entities"]);
                Assert.Equal(edge["distance"]!.GetValue<int>(), path["length"]!.GetValue<int>());
                Assert.Equal(id, entities[0]);
                Assert.Equal(edge["node"]!["id"]!.GetValue<string>(), entities[^1]);
                Assert.Equal(entities.Length, entities.Distinct().Count());
                var steps = path["steps"]!.AsArray();
                for (var i = 0; i < steps.Count; i++)
                {
                    Assert.Equal(entities[i], steps[i]!["from"]!["id"]!.GetValue<string>());
                    Assert.Equal(entities[i + 1], steps[i]!["to"]!["id"]!.GetValue<string>());
                    if (direction != "BOTH") Assert.Equal(direction, steps[i]!["direction"]!.GetValue<string>());
                }

                checkedRoutes++;
            }

            if (!reachable["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = reachable["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.True(checkedRoutes >= 5, $"only {checkedRoutes} routes");
    }

    [Fact]
    public async Task Reachable_from_a_minimum_depth_keeps_only_entities_that_far()
    {
        var data = await fixture.Client.QueryAsync("""
            { all: entity(id: "china") { reachable(maxDepth: 2, first: 100) { edges { distance node { id } } } }
              far: entity(id: "china") { reachable(minDepth: 2, maxDepth: 2, first: 100) { totalCount edges { distance node { id } } } } }
            """);
        var atTwo = data["all"]!["reachable"]!["edges"]!.AsArray().Where(e => e!["distance"]!.GetValue<int>() == 2).Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var far = data["far"]!["reachable"]!;
        Assert.NotEmpty(atTwo);
        Assert.Equal(atTwo, far["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
        Assert.Equal(atTwo.Count, far["totalCount"]!.GetValue<int>());
        Assert.All(far["edges"]!.AsArray(), e => Assert.Equal(2, e!["distance"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Reachable_minimum_depth_past_the_maximum_is_refused_naming_it()
    {
        var response = await fixture.Client.PostAsync("{ entity(id: \"china\") { reachable(minDepth: 3, maxDepth: 1) { totalCount } } }");
        Assert.Equal("TRAVERSAL_LIMIT", response.FirstErrorCode);
        Assert.Equal("'minDepth' must be between 1 and 1 (the value of 'maxDepth').", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reachable_pages_with_cursors()
    {
        const string query = "query($after: String, $first: Int) { entity(id: \"belarus\") { reachable(maxDepth: 2, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { distance node { id } } } } }";
        static List<string> Ids(JsonNode page) => page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var whole = (await fixture.Client.QueryAsync(query, new { first = 100 }))["entity"]!["reachable"]!;
        Assert.True(whole["totalCount"]!.GetValue<int>() is > 10 and <= 100, $"{whole["totalCount"]} reachable");
        // Nearest first, then in id order: both rings are there, and each is sorted by id.
        var entries = whole["edges"]!.AsArray().Select(e => (Distance: e!["distance"]!.GetValue<int>(), Id: e["node"]!["id"]!.GetValue<string>())).ToList();
        Assert.Equal([1, 2], entries.Select(e => e.Distance).Distinct());
        Assert.Equal(entries.OrderBy(e => e.Distance).ThenBy(e => e.Id, StringComparer.Ordinal), entries);

        // Pages of five, each continuing right after the last: together the whole list, in its order.
        var paged = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 30; pages++)
        {
            var page = (await fixture.Client.QueryAsync(query, new { after, first = 5 }))["entity"]!["reachable"]!;
            paged.AddRange(Ids(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(Ids(whole), paged);

        // A cursor of an entity this result does not hold is refused.
        var elsewhere = await fixture.Client.PostAsync(query, new { after = Api.Paging.Cursor.Encode("h", "no-such-entity"), first = 5 });
        Assert.Equal("INVALID_CURSOR", elsewhere.FirstErrorCode);
        // Nor is one of an entity that exists but is not in it: the start itself, at distance 0.
        var start = await fixture.Client.PostAsync(query, new { after = Api.Paging.Cursor.Encode("h", "belarus"), first = 5 });
        Assert.Equal("INVALID_CURSOR", start.FirstErrorCode);
    }

    [Fact]
    public async Task Counts_timeline_and_graph_statistics_agree_with_each_other()
    {
        var data = await fixture.Client.QueryAsync("""
            { entity(id: "china") { degree relationshipCounts { type count } neighborCounts { kind count } out: degree(direction: OUT)
                timeline { date { earliest } relationship { id } } }
              graphStatistics { entityCount relationshipCount entitiesByKind { count } relationshipsByType { count } } }
            """);
        var china = data["entity"]!;
        Assert.Equal(china["degree"]!.GetValue<int>(), china["relationshipCounts"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
        Assert.True(china["out"]!.GetValue<int>() < china["degree"]!.GetValue<int>());
        var dates = china["timeline"]!.AsArray().Select(t => t!["date"]!["earliest"]!.GetValue<string>()).ToList();
        Assert.Equal("1992-01-27", dates[0]);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var stats = data["graphStatistics"]!;
        Assert.Equal(stats["entityCount"]!.GetValue<int>(), stats["entitiesByKind"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
        Assert.Equal(stats["relationshipCount"]!.GetValue<int>(), stats["relationshipsByType"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Graph_statistics_count_the_seed_graphs_separate_parts()
    {
        var data = await fixture.Client.QueryAsync("{ graphStatistics { entityCount componentCount largestComponentSize } }");

        // The parts worked out here from the seed file itself, following relationships either way.
        var seed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json")))!;
        var part = seed["entities"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["id"]!.GetValue<string>());
        string Root(string id) => part[id] == id ? id : part[id] = Root(part[id]);
        foreach (var relationship in seed["relationships"]!.AsArray())
        {
            part[Root(relationship!["from"]!.GetValue<string>())] = Root(relationship["to"]!.GetValue<string>());
        }

        var sizes = part.Keys.GroupBy(Root).Select(g => g.Count()).ToList();
        var stats = data["graphStatistics"]!;
        Assert.Equal(part.Count, stats["entityCount"]!.GetValue<int>());
        Assert.Equal(sizes.Count, stats["componentCount"]!.GetValue<int>());
        Assert.Equal(sizes.Max(), stats["largestComponentSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_timeline_pages_by_cursor_in_either_order()
    {
        const string Query = """
            query($after: String, $order: TimelineOrder) { entity(id: "china") {
                timeline(first: 2, after: $after, order: $order) { cursor relationship { id } } } }
            """;
        var whole = (await fixture.Client.QueryAsync("""{ entity(id: "china") { timeline(first: 100) { relationship { id } } } }"""))["entity"]!["timeline"]!.AsArray()
            .Select(e => e!["relationship"]!["id"]!.GetValue<string>()).ToArray();
        Assert.True(whole.Length > 4, "China's timeline is longer than two pages");
        foreach (var order in new[] { "EARLIEST_FIRST", "LATEST_FIRST" })
        {
            var joined = new List<string>();
            string? after = null;
            for (var page = 0; page < whole.Length; page++)
            {
                var entries = (await fixture.Client.QueryAsync(Query, new { after, order }))["entity"]!["timeline"]!.AsArray();
                joined.AddRange(entries.Select(e => e!["relationship"]!["id"]!.GetValue<string>()));
                if (entries.Count < 2) break;
                after = entries[^1]!["cursor"]!.GetValue<string>();
            }

            Assert.Equal(order == "EARLIEST_FIRST" ? whole : whole.Reverse(), joined);
        }
    }

    [Theory]
    [InlineData("2013-01-01", "2015-12-31", "EARLIEST_FIRST")]
    [InlineData("2013-06-01", null, "LATEST_FIRST")]
    [InlineData(null, "1992-01-31", "EARLIEST_FIRST")]
    [InlineData("2019-01-01", "2019-12-31", "LATEST_FIRST")]
    public async Task A_timeline_over_a_period_lists_the_entries_whose_date_may_fall_in_it(string? since, string? until, string order)
    {
        const string Query = """
            query($since: Date, $until: Date, $order: TimelineOrder) { entity(id: "china") {
                all: timeline(first: 100, order: $order) { date { earliest latest } relationship { id } }
                period: timeline(first: 100, order: $order, since: $since, until: $until) { relationship { id } } } }
            """;
        var entity = (await fixture.Client.QueryAsync(Query, new { since, until, order }))["entity"]!;
        var all = entity["all"]!.AsArray();
        var expected = all
            .Where(e => (since is null || string.CompareOrdinal(e!["date"]!["latest"]!.GetValue<string>(), since) >= 0)
                && (until is null || string.CompareOrdinal(e!["date"]!["earliest"]!.GetValue<string>(), until) <= 0))
            .Select(e => e!["relationship"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, entity["period"]!.AsArray().Select(e => e!["relationship"]!["id"]!.GetValue<string>()));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count, "the period leaves nothing out");
    }

    [Fact]
    public async Task A_timeline_period_that_ends_before_it_begins_is_refused()
    {
        var response = await fixture.Client.PostAsync("""{ entity(id: "china") { timeline(since: "2015-01-01", until: "2014-12-31") { date { text } } } }""");
        Assert.Equal("INVALID_PERIOD", response.FirstErrorCode);
        Assert.Equal("'since' (2015-01-01) is after 'until' (2014-12-31).", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("dDpuby1zdWNoLXJlbGF0aW9uc2hpcA")]
    public async Task A_timeline_refuses_a_cursor_it_did_not_give(string after)
    {
        var response = await fixture.Client.PostAsync("""query($after: String) { entity(id: "china") { timeline(after: $after) { date { text } } } }""", new { after });
        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
        var relationshipsCursor = (await fixture.Client.QueryAsync("""{ entity(id: "china") { relationships(first: 1) { pageInfo { endCursor } } } }"""))
            ["entity"]!["relationships"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        response = await fixture.Client.PostAsync("""query($after: String) { entity(id: "china") { timeline(after: $after) { date { text } } } }""", new { after = relationshipsCursor });
        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("{ neighborhood(id: \"belarus\", depth: 50) { truncated } }")]
    [InlineData("{ neighborhood(id: \"belarus\", limit: 100000) { truncated } }")]
    [InlineData("{ shortestPath(from: \"china\", to: \"belarus\", maxLength: 1000) { length } }")]
    [InlineData("{ paths(from: \"china\", to: \"belarus\", first: 5000) { truncated } }")]
    [InlineData("{ entity(id: \"china\") { reachable(maxDepth: 40) { totalCount } } }")]
    [InlineData("{ neighborhood(id: \"belarus\", depth: 0) { truncated } }")]
    public async Task Traversal_arguments_past_the_caps_are_refused_with_a_code(string query)
    {
        var response = await fixture.Client.PostAsync(query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("TRAVERSAL_LIMIT", response.FirstErrorCode);
        await fixture.Client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task Unknown_ends_of_a_path_are_not_found_and_unconnected_ones_are_null()
    {
        var unknown = await fixture.Client.PostAsync("{ shortestPath(from: \"china\", to: \"atlantis\") { length } }");
        Assert.Equal("NOT_FOUND", unknown.FirstErrorCode);
        var data = await fixture.Client.QueryAsync("{ shortestPath(from: \"xi-jinping\", to: \"europe\", direction: IN) { length } neighborhood(id: \"atlantis\") { truncated } }");
        Assert.Null(data["shortestPath"]);
        Assert.Null(data["neighborhood"]);
    }
}
