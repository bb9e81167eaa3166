using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Index;

public sealed class GraphIndexTests
{
    private static string[] Others(IEnumerable<Adjacent> adjacents) => adjacents.Select(a => a.Other.Id).ToArray();

    [Fact]
    public void Adjacents_follow_direction_and_merge_both_in_relationship_order()
    {
        var index = TestGraphs.Build("a>b", "c>a", "a>d", "e>a");
        var a = index.Node("a");
        Assert.Equal(["b", "d"], Others(index.Adjacents(a, Direction.Out, RelationshipFilter.None)));
        Assert.Equal(["c", "e"], Others(index.Adjacents(a, Direction.In, RelationshipFilter.None)));
        Assert.Equal(["b", "c", "d", "e"], Others(index.Adjacents(a, Direction.Both, RelationshipFilter.None)));
        Assert.Equal(4, index.Degree(a));
    }

    [Fact]
    public void A_self_loop_is_listed_once_when_following_both_directions()
    {
        var index = TestGraphs.Build("a>a", "a>b");
        Assert.Equal(["a", "b"], Others(index.Adjacents(index.Node("a"), Direction.Both, RelationshipFilter.None)));
    }

    [Fact]
    public void Parallel_relationships_are_each_listed()
    {
        var index = TestGraphs.Build("a>b", "a>b", "b>a");
        Assert.Equal(3, index.Adjacents(index.Node("a"), Direction.Both, RelationshipFilter.None).Count());
    }

    [Fact]
    public void Paging_after_an_ordinal_continues_in_order()
    {
        var index = TestGraphs.Build("a>b", "c>a", "a>d", "e>a");
        var a = index.Node("a");
        var first = index.Adjacents(a, Direction.Both, RelationshipFilter.None).First();
        Assert.Equal(["c", "d", "e"], Others(index.Adjacents(a, Direction.Both, RelationshipFilter.None, first.Relationship.Ordinal)));
    }

    [Fact]
    public void A_relationship_is_found_by_its_id_and_an_unknown_id_finds_nothing()
    {
        var index = TestGraphs.Build("a>b", "b>c", "c>d", "d>e", "e>a");
        foreach (var relationship in index.Relationships) Assert.Same(relationship, index.FindRelationship(relationship.Id));
        // Before the first id (r0000), between two (r0001 and r0002), after the last (r0004), a prefix, and an entity's id.
        Assert.All(["r", "q9999", "r0001a", "r00015", "r0005", "s", "r000", "a", ""], id => Assert.Null(index.FindRelationship(id)));
    }

    [Fact]
    public void An_isolated_entity_has_no_adjacents()
    {
        var index = TestGraphs.Build("lonely", "a>b");
        Assert.Empty(index.Adjacents(index.Node("lonely"), Direction.Both, RelationshipFilter.None));
    }

    [Theory]
    [InlineData("2012-12-31", false)]
    [InlineData("2013-01-01", true)]
    [InlineData("2013-12-31", true)]
    [InlineData("2014-01-01", false)]
    public void A_point_in_time_dated_by_year_holds_all_that_year(string date, bool holds)
    {
        var index = TestGraphs.Build("a>b@2013");
        var filter = new RelationshipFilter(AsOf: DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(holds, index.Adjacents(index.Node("a"), Direction.Out, filter).Any());
    }

    [Theory]
    [InlineData("1992-01-26", false)]
    [InlineData("1992-01-27", true)]
    [InlineData("2030-01-01", true)]
    public void An_open_ended_relationship_holds_from_its_start_day_on(string date, bool holds)
    {
        var index = TestGraphs.Build("a>b@1992-01-27..");
        var filter = new RelationshipFilter(AsOf: DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(holds, index.Adjacents(index.Node("a"), Direction.Out, filter).Any());
    }

    [Theory]
    [InlineData("2001-05-31", true)]
    [InlineData("2001-06-30", true)]
    [InlineData("2001-07-01", false)]
    public void An_end_dated_by_month_holds_to_the_last_day_of_that_month(string date, bool holds)
    {
        var index = TestGraphs.Build("a>b@1999..2001-06");
        var filter = new RelationshipFilter(AsOf: DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(holds, index.Adjacents(index.Node("a"), Direction.Out, filter).Any());
    }

    [Fact]
    public void Filters_by_type_and_other_kind()
    {
        var index = TestGraphs.Build(RelationshipType.PartOf, "a>b");
        var a = index.Node("a");
        Assert.Empty(index.Adjacents(a, Direction.Out, new RelationshipFilter(Types: new HashSet<RelationshipType> { RelationshipType.Invests })));
        Assert.Single(index.Adjacents(a, Direction.Out, new RelationshipFilter(Types: new HashSet<RelationshipType> { RelationshipType.PartOf })));
        Assert.Empty(index.Adjacents(a, Direction.Out, new RelationshipFilter(OtherKinds: new HashSet<EntityKind> { EntityKind.Country })));
    }
}
