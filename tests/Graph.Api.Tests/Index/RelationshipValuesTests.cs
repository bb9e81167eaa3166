using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Index;

public sealed class RelationshipValuesTests
{
    [Fact]
    public void Rows_refer_to_one_place_for_a_list_they_share_and_for_equal_descriptions_and_valid_times()
    {
        var builder = new RelationshipValuesBuilder();
        var ids = "r1r2r3"u8.ToArray();
        var (sources, sameCitations) = (new[] { new Citation("essay", 1) }, new[] { new Citation("essay", 1) });
        var properties = new[] { new TypedProperty("note", PropertyValueType.Text, "x") };
        var rows = new[]
        {
            builder.Row(new JsonText(ids, 0, 2), RelationshipType.PartyTo, "signed", new ValidTime(PartialDate.Parse("2013"), null), properties, sources),
            builder.Row(new JsonText(ids, 2, 2), RelationshipType.Establishes, "signed", new ValidTime(PartialDate.Parse("2013"), null), properties, sources),
            builder.Row(new JsonText(ids, 4, 2), RelationshipType.PartyTo, null, ValidTime.Always, [], sameCitations),
        };
        var values = builder.Build();

        Assert.Equal(["r1", "r2", "r3"], rows.Select(r => values.IdJson(r).Decoded()));
        Assert.Single(rows.Select(r => r.IdBlock).Distinct());
        Assert.Equal([RelationshipType.PartyTo, RelationshipType.Establishes, RelationshipType.PartyTo], rows.Select(r => r.Type));
        Assert.Equal(rows[0].Description, rows[1].Description);
        Assert.Equal(new string?[] { "signed", "signed", null }, rows.Select(r => values.Description(r)));
        Assert.Equal(RelationshipValues.None, rows[2].Description);
        // Equal valid times are one, so a day is tested once for all the rows with it.
        Assert.Equal(rows[0].ValidTime, rows[1].ValidTime);
        Assert.NotEqual(rows[0].ValidTime, rows[2].ValidTime);
        Assert.Equal(2, values.ValidTimes.Length);
        Assert.Same(ValidTime.Always, values.ValidTime(rows[2]));
        // Lists are shared as the very objects they are: equal ones that are not the same object keep a place each.
        Assert.Equal(rows[0].Sources, rows[1].Sources);
        Assert.NotEqual(rows[0].Sources, rows[2].Sources);
        Assert.Same(sources, values.Sources(rows[1]));
        Assert.Same(sameCitations, values.Sources(rows[2]));
        Assert.Same(properties, values.Properties(rows[1]));
        Assert.Empty(values.Properties(rows[2]));
    }

    [Fact]
    public void Rows_made_on_every_core_at_once_each_refer_to_their_own_values()
    {
        var builder = new RelationshipValuesBuilder();
        var ids = new byte[20_000];
        var lists = Enumerable.Range(0, 50).Select(i => new[] { new Citation($"doc{i}", i) }).ToArray();
        var times = Enumerable.Range(0, 20).Select(i => new ValidTime(PartialDate.Parse($"{2000 + i}"), null)).ToArray();
        var rows = new RelationshipRow[ids.Length];
        Parallel.For(0, rows.Length, i => rows[i] = builder.Row(
            new JsonText(ids, i, 1), RelationshipType.PartyTo, $"d{i % 100}", new ValidTime(times[i % 20].Start, null), [], lists[i % 50]));
        var values = builder.Build();

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(i, rows[i].IdStart);
            Assert.Equal($"d{i % 100}", values.Description(rows[i]));
            Assert.Equal(times[i % 20], values.ValidTime(rows[i]));
            Assert.Same(lists[i % 50], values.Sources(rows[i]));
        }

        // Equal values met on two cores at once may each be added; the rows still read equal values.
        Assert.Equal(20, rows.Select(r => values.ValidTime(r)).Distinct().Count());
        Assert.InRange(values.ValidTimes.Length, 20, 40);
    }

    [Fact]
    public void The_graph_wide_count_on_a_day_is_the_count_of_relationships_whose_valid_time_holds_on_it()
    {
        var index = TestGraphs.Random(seed: 5, entities: 30, relationships: 400);
        foreach (var day in new[] { new DateOnly(2012, 12, 31), new DateOnly(2013, 1, 1), new DateOnly(2014, 6, 30), new DateOnly(2020, 1, 1) })
        {
            var filter = new GraphRelationshipFilter(null, day, null, null);
            var expected = index.Relationships.Count(r => r.ValidTime.HoldsOn(day));

            Assert.Equal(expected, index.AllRelationshipsCount(filter));
            // The same count again, from the groups' dates sorted the first time; and the flat walk, backward.
            Assert.Equal(expected, index.AllRelationshipsCount(filter));
            var (kept, all) = (0, index.Relationships.Count);
            for (var i = filter.NextKept(all - 1, -1, -1, index.Compact, null); i != -1; i = filter.NextKept(i - 1, -1, -1, index.Compact, null)) kept++;
            Assert.Equal(expected, kept);
        }

        Assert.NotEqual(index.Relationships.Count, index.Relationships.Count(r => r.ValidTime.HoldsOn(new DateOnly(2013, 1, 1))));
    }
}
