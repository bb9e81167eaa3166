using System.Globalization;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;
using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

public sealed class TraversalAlgorithmTests
{
    private static readonly TraversalLimits Limits = TraversalLimits.Default;

    private static string[] Ids(GraphPath? path) => path!.Entities.Select(e => e.Id).ToArray();

    [Fact]
    public void Shortest_path_takes_the_fewest_hops_and_walks_against_direction_when_both()
    {
        var index = TestGraphs.Build("a>b", "b>c", "c>d", "a>x", "d>x");
        var both = ShortestPath.Find(index, index.Node("a"), index.Node("d"), Direction.Both, RelationshipFilter.None, 6, Limits);
        Assert.Equal(["a", "x", "d"], Ids(both.Path));
        Assert.Equal([Direction.Out, Direction.In], both.Path!.Steps.Select(s => s.Direction).ToArray());
        var outOnly = ShortestPath.Find(index, index.Node("a"), index.Node("d"), Direction.Out, RelationshipFilter.None, 6, Limits);
        Assert.Equal(["a", "b", "c", "d"], Ids(outOnly.Path));
    }

    [Fact]
    public void Shortest_path_is_null_when_unreachable_or_longer_than_max_length()
    {
        var index = TestGraphs.Build("a>b", "b>c", "c>d", "x>y");
        Assert.Null(ShortestPath.Find(index, index.Node("a"), index.Node("y"), Direction.Both, RelationshipFilter.None, 6, Limits).Path);
        Assert.Null(ShortestPath.Find(index, index.Node("a"), index.Node("d"), Direction.Both, RelationshipFilter.None, 2, Limits).Path);
        Assert.NotNull(ShortestPath.Find(index, index.Node("a"), index.Node("d"), Direction.Both, RelationshipFilter.None, 3, Limits).Path);
    }

    [Fact]
    public void Shortest_path_terminates_on_cycles_and_self_loops()
    {
        var index = TestGraphs.Build("a>b", "b>c", "c>a", "a>a", "c>d");
        var result = ShortestPath.Find(index, index.Node("a"), index.Node("d"), Direction.Out, RelationshipFilter.None, 8, Limits);
        Assert.Equal(["a", "b", "c", "d"], Ids(result.Path));
        Assert.Null(ShortestPath.Find(index, index.Node("d"), index.Node("a"), Direction.Out, RelationshipFilter.None, 8, Limits).Path);
    }

    [Fact]
    public void Shortest_path_is_read_back_through_a_side_that_reached_more_entities_than_its_first_buffer_holds()
    {
        // The start reaches 150 entities in one level (a side's tree starts with room for 64), and the end's side then
        // meets the 41st of them: the path is read back from an entry made before the tree grew.
        var index = TestGraphs.Build([.. Enumerable.Range(0, 150).Select(i => $"a>l{i:D3}"), "l040>c1", "c1>c2", "c2>z"]);
        var result = ShortestPath.Find(index, index.Node("a"), index.Node("z"), Direction.Both, RelationshipFilter.None, 6, Limits);
        Assert.Equal(["a", "l040", "c1", "c2", "z"], Ids(result.Path));
        Assert.All(result.Path!.Steps, step => Assert.Equal(Direction.Out, step.Direction));
        var backwards = ShortestPath.Find(index, index.Node("z"), index.Node("a"), Direction.In, RelationshipFilter.None, 6, Limits);
        Assert.Equal(["z", "c2", "c1", "l040", "a"], Ids(backwards.Path));
    }

    [Fact]
    public void Shortest_path_from_an_entity_to_itself_is_empty()
    {
        var index = TestGraphs.Build("a>b");
        Assert.Equal(0, ShortestPath.Find(index, index.Node("a"), index.Node("a"), Direction.Both, RelationshipFilter.None, 3, Limits).Path!.Length);
    }

    [Fact]
    public void Shortest_path_respects_as_of()
    {
        var index = TestGraphs.Build("a>b@2010..2012", "b>c", "a>m@2015..", "m>n", "n>c");
        var in2011 = new RelationshipFilter(AsOf: new DateOnly(2011, 6, 1));
        var in2016 = new RelationshipFilter(AsOf: new DateOnly(2016, 6, 1));
        Assert.Equal(["a", "b", "c"], Ids(ShortestPath.Find(index, index.Node("a"), index.Node("c"), Direction.Out, in2011, 6, Limits).Path));
        Assert.Equal(["a", "m", "n", "c"], Ids(ShortestPath.Find(index, index.Node("a"), index.Node("c"), Direction.Out, in2016, 6, Limits).Path));
    }

    [Fact]
    public void Shortest_path_reports_truncation_when_the_cap_is_hit()
    {
        var chain = Enumerable.Range(0, 50).Select(i => $"n{i:D2}>n{i + 1:D2}").ToArray();
        var index = TestGraphs.Build(chain);
        var result = ShortestPath.Find(index, index.Node("n00"), index.Node("n50"), Direction.Out, RelationshipFilter.None, 20, new TraversalLimits(5, 1000));
        Assert.True(result.Truncated);
        Assert.Null(result.Path);
    }

    [Fact]
    public void Simple_paths_come_shortest_first_without_repeating_entities()
    {
        var index = TestGraphs.Build("a>b", "b>d", "a>c", "c>d", "a>d", "d>a", "b>c");
        var result = SimplePaths.Find(index, index.Node("a"), index.Node("d"), Direction.Out, RelationshipFilter.None, 4, 10, Limits);
        var routes = result.Paths.Select(p => string.Join("", p.Entities.Select(e => e.Id))).ToList();
        Assert.Equal(["ad", "abd", "acd", "abcd"], routes);
        Assert.All(result.Paths, p => Assert.Equal(p.Entities.Count(), p.Entities.Distinct().Count()));
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Simple_paths_from_an_entity_to_itself_are_the_one_path_of_no_steps()
    {
        // A cycle through a would come back to it, which a simple path may not: only the empty path is left.
        var index = TestGraphs.Build("a>b", "b>a", "a>a");
        var result = SimplePaths.Find(index, index.Node("a"), index.Node("a"), Direction.Both, RelationshipFilter.None, 4, 10, Limits);
        var path = Assert.Single(result.Paths);
        Assert.Equal(0, path.Length);
        Assert.Equal(["a"], Ids(path));
        Assert.False(result.HasMore);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Simple_paths_stop_at_first_and_merge_parallel_relationships()
    {
        var index = TestGraphs.Build("a>b", "a>b", "b>c", "a>c");
        var result = SimplePaths.Find(index, index.Node("a"), index.Node("c"), Direction.Out, RelationshipFilter.None, 3, 10, Limits);
        Assert.Equal(2, result.Paths.Count);
        Assert.False(result.HasMore);
        var one = SimplePaths.Find(index, index.Node("a"), index.Node("c"), Direction.Out, RelationshipFilter.None, 3, 1, Limits);
        Assert.Single(one.Paths);
        Assert.True(one.HasMore);
        Assert.False(SimplePaths.Find(index, index.Node("a"), index.Node("c"), Direction.Out, RelationshipFilter.None, 3, 2, Limits).HasMore);
    }

    [Fact]
    public void Neighborhood_gives_distances_relationships_among_nodes_and_truncation()
    {
        var index = TestGraphs.Build("c>a", "c>b", "a>b", "b>d", "d>e", "x>y");
        var result = Neighborhood.Explore(index, index.Node("c"), 1, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["c:0", "a:1", "b:1"], result.Nodes.Select(n => $"{n.Entity.Id}:{n.Distance}").ToArray());
        // a>b joins two entities of the outer ring: it belongs in the drawing too.
        Assert.Equal(3, result.Relationships.Count);
        Assert.False(result.Truncated);

        var two = Neighborhood.Explore(index, index.Node("c"), 2, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Contains(two.Nodes, n => n.Entity.Id == "d" && n.Distance == 2);
        Assert.DoesNotContain(two.Nodes, n => n.Entity.Id == "x");

        var capped = Neighborhood.Explore(index, index.Node("c"), 3, Direction.Both, RelationshipFilter.None, 3, Limits);
        Assert.Equal(3, capped.Nodes.Count);
        Assert.True(capped.Truncated);
        Assert.All(capped.Relationships, r => Assert.Contains(capped.Nodes, n => n.Entity == r.From) );
    }

    [Fact]
    public void Neighborhood_lists_relationships_by_where_they_start_in_reach_order_and_the_next_one_starts_afresh()
    {
        // Ids are given in edge order, so "b>a" (r0000) sorts before the centre's own relationships.
        var index = TestGraphs.Build("b>a", "c>b", "c>a", "a>d", "d>e");
        var result = Neighborhood.Explore(index, index.Node("c"), 1, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["c", "b", "a"], result.Nodes.Select(n => n.Entity.Id).ToArray());
        // The centre's relationships first (by id), then those of b and a in the order they were reached.
        Assert.Equal(["c>b", "c>a", "b>a"], result.Relationships.Select(r => $"{r.From.Id}>{r.To.Id}").ToArray());

        // The same thread's next exploration reuses the set of kept entities: none may still count as kept.
        var next = Neighborhood.Explore(index, index.Node("d"), 1, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["d", "a", "e"], next.Nodes.Select(n => n.Entity.Id).ToArray());
        Assert.Equal(["d>e", "a>d"], next.Relationships.Select(r => $"{r.From.Id}>{r.To.Id}").ToArray());
    }

    [Fact]
    public void Reachability_keeps_the_depth_range_and_kinds_walking_through_others()
    {
        var index = GraphIndex.Build(
            [Entity("hub", EntityKind.Country), Entity("t1", EntityKind.Topic), Entity("o1", EntityKind.Organization), Entity("o2", EntityKind.Organization), Entity("o3", EntityKind.Organization)],
            [Relation("r1", "hub", "t1"), Relation("r2", "t1", "o1"), Relation("r3", "hub", "o2"), Relation("r4", "o1", "o3")]);
        var result = Reachability.Find(index, index.Node("hub"), 1, 2, Direction.Both, RelationshipFilter.None, new HashSet<EntityKind> { EntityKind.Organization }, Limits);
        Assert.Equal(["o2:1", "o1:2"], result.Entities.Select(r => $"{r.Entity.Id}:{r.Distance}").ToArray());
        var onlyFar = Reachability.Find(index, index.Node("hub"), 2, 3, Direction.Both, RelationshipFilter.None, null, Limits);
        Assert.Equal(["o1:2", "o3:3"], onlyFar.Entities.Select(r => $"{r.Entity.Id}:{r.Distance}").ToArray());
    }

    [Fact]
    public void Reachability_lists_large_rings_in_id_order_however_their_entities_were_reached()
    {
        // 40,000 entities; a hub reaches 300 of a dense range (ordered through a bit set), those reach 300
        // spread over all of them (still dense enough for the bits), and 64 of those reach 64 more, too thinly
        // spread for the bits to pay (sorted). Relationship ids are shuffled, so each ring is reached out of order.
        var random = new Random(7);
        const int Count = 40_000;
        var unused = Enumerable.Range(0, Count).ToHashSet();
        int[] Draw(int how, int low, int high)
        {
            var drawn = new List<int>();
            while (drawn.Count < how)
            {
                var n = random.Next(low, high);
                if (unused.Remove(n)) drawn.Add(n);
            }

            return [.. drawn];
        }

        var first = Draw(300, 10_000, 11_000);
        var second = Draw(300, 0, Count);
        var third = Draw(64, 0, Count);
        var edges = first.Select(n => ("hub", $"n{n:D5}"))
            .Concat(first.Zip(second, (a, b) => ($"n{a:D5}", $"n{b:D5}")))
            .Concat(second.Take(64).Zip(third, (a, b) => ($"n{a:D5}", $"n{b:D5}")))
            .ToList();
        var ids = Enumerable.Range(0, edges.Count).OrderBy(_ => random.Next()).ToList();
        var index = GraphIndex.Build(
            Enumerable.Range(0, Count).Select(n => Entity($"n{n:D5}", EntityKind.Topic)).Append(Entity("hub", EntityKind.Topic)),
            edges.Select((edge, i) => Relation($"r{ids[i]:D4}", edge.Item1, edge.Item2)));

        var reached = Reachability.Find(index, index.Node("hub"), 1, 3, Direction.Both, RelationshipFilter.None, null, Limits).Entities;

        string[] Ring(int[] ordinals, int distance) => [.. ordinals.Order().Select(n => $"n{n:D5}:{distance}")];
        Assert.Equal([.. Ring(first, 1), .. Ring(second, 2), .. Ring(third, 3)], reached.Select(r => $"{r.Entity.Id}:{r.Distance}").ToArray());
    }

    [Fact]
    public void Timeline_orders_dated_relationships_and_leaves_undated_out()
    {
        var index = TestGraphs.Build("a>b@2015", "a>c@1992-01-27..", "a>d", "e>a@2013-05..2014");
        Assert.Equal(["c", "e", "b"], Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 20).Select(a => a.Other.Id).ToArray());
        Assert.Equal(["c", "e"], Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 2).Select(a => a.Other.Id).ToArray());
    }

    [Fact]
    public void Timeline_orders_by_the_first_day_a_date_may_mean_then_the_last()
    {
        // 2013 and January 2013 begin together, and January ends first; mid-June 2013 begins after both.
        var index = TestGraphs.Build("a>b@2013", "a>c@2013-06-15", "a>d@2013-01..", "e>a@..2013-01");
        Assert.Equal(["d", "e", "b", "c"], Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 20).Select(a => a.Other.Id).ToArray());
    }

    [Theory]
    // A year, a day and two months, each kept by a period that touches any of its days and by no other.
    [InlineData("2013-12-31", null, "b,d,c,e")]
    [InlineData("2014-01-01", null, "d,c,e")]
    [InlineData(null, "2013-12-31", "b")]
    [InlineData(null, "2014-01-19", "b")]
    [InlineData("2014-01-20", "2014-01-20", "d")]
    [InlineData("2014-01-21", "2014-02-28", "")]
    [InlineData("2014-03-31", "2014-12-31", "c,e")]
    [InlineData("2014-03-15", "2014-03-15", "c,e")]
    [InlineData("2014-04-01", null, "")]
    [InlineData(null, null, "b,d,c,e")]
    public void A_timeline_period_keeps_the_entries_whose_date_may_fall_in_it(string? since, string? until, string expected)
    {
        // Each sorts by its start, or its end when only that is known: d by its first day, e by the month it ended in; f has no date.
        var index = TestGraphs.Build("a>b@2013", "a>c@2014-03..", "a>d@2014-01-20..2014-03-15", "a>e@..2014-03", "a>f");
        var period = new DatePeriod(since is null ? null : DateOnly.Parse(since, CultureInfo.InvariantCulture), until is null ? null : DateOnly.Parse(until, CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Join(",", Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 20, period: period).Select(a => a.Other.Id)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_timeline_period_lists_what_the_whole_timeline_lists_in_that_period_in_either_order_and_page(int seed)
    {
        var index = TestGraphs.Random(seed, entities: 12, relationships: 300);
        var periods = new DatePeriod[]
        {
            new(new DateOnly(2013, 1, 1), null), new(null, new DateOnly(2012, 12, 31)),
            new(new DateOnly(2013, 6, 1), new DateOnly(2013, 6, 30)), new(new DateOnly(2013, 12, 31), new DateOnly(2014, 1, 1)),
        };
        var kept = 0;
        foreach (var (filter, entity, _) in TestGraphs.EveryFilterEntityAndDirection(index).Where(t => t.Direction == Direction.Both))
        {
            foreach (var period in periods)
            {
                foreach (var order in Enum.GetValues<TimelineOrder>())
                {
                    var expected = Timeline.Of(index, entity, filter, int.MaxValue, order)
                        .Where(a => a.Relationship.ValidTime.SortKey is { } date && (period.Since is not { } since || date.Latest >= since) && (period.Until is not { } until || date.Earliest <= until))
                        .ToList();
                    Assert.Equal(expected, Timeline.Of(index, entity, filter, int.MaxValue, order, period: period));
                    // A page after the second entry continues within the period.
                    if (expected.Count > 2) Assert.Equal(expected.Skip(2).Take(3), Timeline.Of(index, entity, filter, 3, order, expected[1].Relationship.Ordinal, period));
                    kept += expected.Count;
                }
            }
        }

        Assert.True(kept > 500, $"only {kept} entries kept");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Timeline_lists_what_a_sort_of_every_dated_relationship_lists(int seed)
    {
        // Dates of every precision around the same days, self-loops and parallel relationships, under each filter.
        var index = TestGraphs.Random(seed, entities: 12, relationships: 300);
        var compared = 0;
        foreach (var (filter, entity, _) in TestGraphs.EveryFilterEntityAndDirection(index).Where(t => t.Direction == Direction.Both))
        {
            var expected = index.Adjacents(entity, Direction.Both, filter)
                .Where(a => a.Relationship.ValidTime.SortKey is not null)
                .OrderBy(a => a.Relationship.ValidTime.SortKey!.Earliest).ThenBy(a => a.Relationship.ValidTime.SortKey!.Latest).ThenBy(a => a.Relationship.Ordinal)
                .ToList();
            foreach (var first in new[] { 0, 1, 5, 1000 })
            {
                Assert.Equal(expected.Take(first), Timeline.Of(index, entity, filter, first));
                compared++;
            }
        }

        Assert.Equal(4 * 12 * 4, compared);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Timeline_pages_joined_by_their_last_entry_list_the_whole_timeline_in_either_order(int seed)
    {
        var index = TestGraphs.Random(seed, entities: 12, relationships: 300);
        var joinedPages = 0;
        foreach (var (filter, entity, _) in TestGraphs.EveryFilterEntityAndDirection(index).Where(t => t.Direction == Direction.Both))
        {
            var whole = Timeline.Of(index, entity, filter, int.MaxValue);
            foreach (var order in Enum.GetValues<TimelineOrder>())
            {
                var expected = order == TimelineOrder.EarliestFirst ? whole : Enumerable.Reverse(whole).ToList();
                foreach (var size in new[] { 1, 4, 7 })
                {
                    var joined = new List<Adjacent>();
                    var after = -1;
                    // Bounded: each page but the last adds at least one entry.
                    for (var page = 0; page <= whole.Count; page++)
                    {
                        var entries = Timeline.Of(index, entity, filter, size, order, after);
                        joined.AddRange(entries);
                        if (entries.Count < size) break;
                        after = entries[^1].Relationship.Ordinal;
                        joinedPages++;
                    }

                    Assert.Equal(expected, joined);
                }
            }
        }

        Assert.True(joinedPages > 1000, $"only {joinedPages} full pages were joined");
    }

    [Fact]
    public void Timeline_after_a_relationship_of_another_entity_continues_from_its_place_in_the_order()
    {
        var index = TestGraphs.Build("a>b@2013", "a>c@2015", "a>d@2017", "e>f@2016");
        var other = index.FindRelationship("r0003")!.Ordinal; // e>f, dated 2016
        Assert.Equal(["d"], Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 20, TimelineOrder.EarliestFirst, other).Select(a => a.Other.Id).ToArray());
        Assert.Equal(["c", "b"], Timeline.Of(index, index.Node("a"), RelationshipFilter.None, 20, TimelineOrder.LatestFirst, other).Select(a => a.Other.Id).ToArray());
    }

    private static Entity Entity(string id, EntityKind kind) => new(id, kind, id, [], "", [], ValidTime.Always);

    private static Relationship Relation(string id, string from, string to) =>
        new(id, RelationshipType.CooperatesIn, from, to, null, ValidTime.Always, [], []);
}
