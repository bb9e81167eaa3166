using Graph.Api.Index;
using Graph.Api.Tests.Support;
using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// The neighbourhood, reachability and simple paths on the shapes that break graph walks: self-loops,
/// parallel relationships, cycles, disconnected parts, each direction, and dates at the edges of
/// their precision. (The shortest path has its own cases in <see cref="TraversalAlgorithmTests"/>.)
/// </summary>
public sealed class TraversalEdgeCaseTests
{
    private static readonly TraversalLimits Limits = TraversalLimits.Default;

    private static string[] Nodes(NeighborhoodResult result) => result.Nodes.Select(n => $"{n.Entity.Id}:{n.Distance}").ToArray();

    private static string[] Ids(IEnumerable<RelationshipNode> relationships) => relationships.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();

    private static string[] Reached(ReachabilityResult result) => result.Entities.Select(r => $"{r.Entity.Id}:{r.Distance}").ToArray();

    private static string[] Routes(PathListResult result) => result.Paths.Select(p => string.Concat(p.Entities.Select(e => e.Id))).ToArray();

    private static RelationshipFilter On(int year, int month, int day) => new(AsOf: new DateOnly(year, month, day));

    [Fact]
    public void Neighborhood_lists_a_self_loop_once_and_keeps_its_entity_once()
    {
        var index = TestGraphs.Build("a>a", "a>b");
        var result = Neighborhood.Explore(index, index.Node("a"), 2, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["a:0", "b:1"], Nodes(result));
        Assert.Equal(["r0000", "r0001"], Ids(result.Relationships));
    }

    [Fact]
    public void Neighborhood_keeps_every_parallel_relationship_between_two_entities()
    {
        var index = TestGraphs.Build("a>b", "a>b", "b>a");
        var result = Neighborhood.Explore(index, index.Node("a"), 1, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["a:0", "b:1"], Nodes(result));
        Assert.Equal(["r0000", "r0001", "r0002"], Ids(result.Relationships));
    }

    [Fact]
    public void Neighborhood_keeps_every_one_of_many_more_relationships_than_entities_in_order()
    {
        // Forty relationships between two entities: more than the collecting buffer first holds (eight an entity), so it
        // grows twice on the way, and each is listed once, where it starts, in id order.
        var index = TestGraphs.Build([.. Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "b>a" : "a>b")]);
        var result = Neighborhood.Explore(index, index.Node("a"), 1, Direction.Both, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["a:0", "b:1"], Nodes(result));
        var expected = Enumerable.Range(0, 40).Where(i => i % 3 != 0).Concat(Enumerable.Range(0, 40).Where(i => i % 3 == 0)).Select(i => $"r{i:D4}");
        Assert.Equal(expected, result.Relationships.Select(r => r.Id));
    }

    [Fact]
    public void Neighborhood_follows_the_direction_asked()
    {
        var index = TestGraphs.Build("a>b", "c>a", "b>d");
        Assert.Equal(["a:0", "b:1", "d:2"], Nodes(Neighborhood.Explore(index, index.Node("a"), 2, Direction.Out, RelationshipFilter.None, 100, Limits)));
        Assert.Equal(["a:0", "c:1"], Nodes(Neighborhood.Explore(index, index.Node("a"), 2, Direction.In, RelationshipFilter.None, 100, Limits)));
        Assert.Equal(["a:0", "b:1", "c:1", "d:2"], Nodes(Neighborhood.Explore(index, index.Node("a"), 2, Direction.Both, RelationshipFilter.None, 100, Limits)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Neighborhood_ends_on_a_cycle_deeper_than_the_graph_and_never_crosses_to_another_part()
    {
        var index = TestGraphs.Build("a>b", "b>c", "c>a", "x>y");
        var result = Neighborhood.Explore(index, index.Node("a"), 6, Direction.Out, RelationshipFilter.None, 100, Limits);
        Assert.Equal(["a:0", "b:1", "c:2"], Nodes(result));
        Assert.Equal(["r0000", "r0001", "r0002"], Ids(result.Relationships));
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData(2012, 12, 31, "a:0")]
    [InlineData(2013, 1, 1, "a:0 b:1")]
    [InlineData(2013, 6, 30, "a:0 b:1 c:1")]
    [InlineData(2013, 7, 1, "a:0 b:1")]
    [InlineData(2013, 12, 31, "a:0 b:1")]
    [InlineData(2014, 1, 1, "a:0")]
    public void Neighborhood_on_a_date_respects_each_date_precision(int year, int month, int day, string expected)
    {
        // b: a fact dated by its year (all of 2013); c: from May to the end of June 2013.
        var index = TestGraphs.Build("a>b@2013", "a>c@2013-05..2013-06");
        var result = Neighborhood.Explore(index, index.Node("a"), 1, Direction.Both, On(year, month, day), 100, Limits);
        Assert.Equal(expected.Split(' '), Nodes(result));
    }

    [Fact]
    public void Reachability_on_a_cycle_and_a_self_loop_never_reaches_the_start_or_anything_twice()
    {
        var index = TestGraphs.Build("a>a", "a>b", "b>c", "c>a", "a>b");
        Assert.Equal(["b:1", "c:1"], Reached(Reachability.Find(index, index.Node("a"), 1, 6, Direction.Both, RelationshipFilter.None, null, Limits)));
        Assert.Equal(["b:1", "c:2"], Reached(Reachability.Find(index, index.Node("a"), 1, 6, Direction.Out, RelationshipFilter.None, null, Limits)));
    }

    [Fact]
    public void Reachability_follows_the_direction_asked_and_stays_in_its_part()
    {
        var index = TestGraphs.Build("a>b", "c>a", "x>y");
        Assert.Equal(["b:1"], Reached(Reachability.Find(index, index.Node("a"), 1, 3, Direction.Out, RelationshipFilter.None, null, Limits)));
        Assert.Equal(["c:1"], Reached(Reachability.Find(index, index.Node("a"), 1, 3, Direction.In, RelationshipFilter.None, null, Limits)));
        Assert.Empty(Reachability.Find(index, index.Node("x"), 1, 3, Direction.In, RelationshipFilter.None, null, Limits).Entities);
    }

    [Theory]
    [InlineData(2014, 12, 31, "b:1 c:2")]
    [InlineData(2015, 1, 1, "")]
    public void Reachability_on_a_date_keeps_an_end_dated_by_year_to_its_last_day(int year, int month, int day, string expected)
    {
        var index = TestGraphs.Build("a>b@2013..2014", "b>c");
        var reached = Reached(Reachability.Find(index, index.Node("a"), 1, 3, Direction.Out, On(year, month, day), null, Limits));
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), reached);
    }

    [Fact]
    public void Simple_paths_pass_over_a_self_loop_and_follow_the_direction_asked()
    {
        var index = TestGraphs.Build("a>a", "a>b", "c>b");
        Assert.Equal(["ab"], Routes(SimplePaths.Find(index, index.Node("a"), index.Node("b"), Direction.Out, RelationshipFilter.None, 4, 10, Limits)));
        Assert.Empty(SimplePaths.Find(index, index.Node("a"), index.Node("c"), Direction.Out, RelationshipFilter.None, 4, 10, Limits).Paths);
        Assert.Equal(["bc"], Routes(SimplePaths.Find(index, index.Node("b"), index.Node("c"), Direction.In, RelationshipFilter.None, 4, 10, Limits)));
        Assert.Equal(["abc"], Routes(SimplePaths.Find(index, index.Node("a"), index.Node("c"), Direction.Both, RelationshipFilter.None, 4, 10, Limits)));
    }

    [Fact]
    public void Simple_paths_between_disconnected_parts_are_none()
    {
        var index = TestGraphs.Build("a>b", "x>y");
        var result = SimplePaths.Find(index, index.Node("a"), index.Node("y"), Direction.Both, RelationshipFilter.None, 8, 10, Limits);
        Assert.Empty(result.Paths);
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData(2013, 12, 31, "ab acb")]
    [InlineData(2014, 1, 1, "acb")]
    public void Simple_paths_on_a_date_drop_a_fact_dated_by_year_after_that_year(int year, int month, int day, string expected)
    {
        var index = TestGraphs.Build("a>b@2013", "a>c", "c>b");
        var routes = Routes(SimplePaths.Find(index, index.Node("a"), index.Node("b"), Direction.Out, On(year, month, day), 4, 10, Limits));
        Assert.Equal(expected.Split(' '), routes);
    }
}
