using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

/// <summary>The relationships a document supports, by paragraph and date, against a filter over every relationship.</summary>
public sealed class DocumentCitationsTests
{
    [Fact]
    public void A_document_lists_each_relationship_citing_it_or_a_paragraph_once_in_id_order_filtered_by_date()
    {
        // Relationships cite one to three paragraphs of three documents, some the same document or paragraph twice,
        // with document ids as equal but separate strings in some citations; dates of every precision.
        var random = new Random(5);
        string[] documents = ["d0", "d1", "d2"];
        var entities = documents.Select(d => new Entity(d, EntityKind.Document, d, [], "", [], ValidTime.Always))
            .Append(new Entity("d3", EntityKind.Document, "uncited", [], "", [], ValidTime.Always))
            .Concat(Enumerable.Range(0, 10).Select(i => new Entity($"e{i}", EntityKind.Topic, $"e{i}", [], "", [], ValidTime.Always)))
            .ToList();
        string[] dates = ["2012", "2013", "2013-01", "2012-12-31", "2013-01-01", "2015-06", "2015-06-30", "2016"];
        PartialDate? Date() => random.Next(3) == 0 ? null : PartialDate.Parse(dates[random.Next(dates.Length)]);
        var relationships = Enumerable.Range(0, 400).Select(i =>
        {
            var (start, end) = (Date(), Date());
            if (start is not null && end is not null && end.Latest < start.Earliest) (start, end) = (end, start);
            var sources = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new Citation(random.Next(2) == 0 ? documents[random.Next(3)] : new string(documents[random.Next(3)].AsSpan()), random.Next(1, 5)))
                .ToList();
            return new Relationship($"r{i:D3}", RelationshipType.CooperatesIn, $"e{random.Next(10)}", $"e{random.Next(10)}", null, new ValidTime(start, end), [], sources);
        }).ToList();
        var index = GraphIndex.Build(entities, relationships);

        var compared = 0;
        foreach (var document in entities.Where(e => e.Kind == EntityKind.Document).Select(e => index.FindEntity(e.Id)!))
        {
            foreach (var paragraph in new int?[] { null, 1, 2, 4, 5 })
            {
                foreach (var asOf in new DateOnly?[] { null, new(2012, 12, 31), new(2013, 1, 1), new(2013, 6, 15), new(2015, 6, 30), new(2015, 7, 1) })
                {
                    var expected = index.Relationships
                        .Where(r => r.Sources.Any(s => s.DocumentId == document.Id && (paragraph is null || s.Paragraph == paragraph)))
                        .Where(r => asOf is not { } date || r.ValidTime.HoldsOn(date))
                        .ToList();
                    Assert.Equal(expected.Count, index.CitedByCount(document, paragraph, asOf));
                    foreach (var after in new[] { -1, 0, 57, 200, 399 })
                    {
                        Assert.Equal(expected.Where(r => r.Ordinal > after).Select(r => r.Id), index.CitedBy(document, paragraph, asOf, after).Select(r => r.Id));
                        compared++;
                    }
                }
            }
        }

        Assert.Equal(4 * 5 * 6 * 5, compared);
        Assert.Empty(index.CitedBy(index.FindEntity("d3")!, null, null, -1));
        Assert.True(index.CitedByCount(index.FindEntity("d1")!, 4, new DateOnly(2013, 1, 1)) > 5);
    }

    [Fact]
    public void A_count_on_a_date_over_many_citations_is_the_count_of_those_holding_on_that_day()
    {
        // Enough citations of one document, and of each of its two paragraphs, that their dates are sorted
        // for counting (GraphIndex.SortedDatesFrom); dates of every precision, open ends, points in time,
        // and some ends before their starts, which hold on no day.
        var random = new Random(11);
        var entities = new List<Entity> { new("doc", EntityKind.Document, "doc", [], "", [], ValidTime.Always) };
        entities.AddRange(Enumerable.Range(0, 50).Select(i => new Entity($"e{i:D2}", EntityKind.Topic, $"e{i}", [], "", [], ValidTime.Always)));
        string[] dates = ["2012", "2013", "2013-01", "2012-12-31", "2013-01-01", "2013-12-31", "2015-06", "2015-06-30", "2016"];
        PartialDate? Date() => random.Next(4) == 0 ? null : PartialDate.Parse(dates[random.Next(dates.Length)]);
        var count = GraphIndex.SortedDatesFrom * 3;
        var relationships = Enumerable.Range(0, count).Select(i =>
        {
            var start = Date();
            var end = random.Next(10) == 0 ? start : Date();
            return new Relationship($"r{i:D5}", RelationshipType.CooperatesIn, $"e{random.Next(50):D2}", $"e{random.Next(50):D2}", null,
                new ValidTime(start, end), [], [new Citation("doc", random.Next(1, 3))]);
        }).ToList();
        var index = GraphIndex.Build(entities, relationships);
        var document = index.FindEntity("doc")!;

        // Every day a date can begin or end on, the days either side, and days far outside them all.
        var days = dates.Select(PartialDate.Parse).SelectMany(d => new[] { d.Earliest, d.Latest })
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Append(DateOnly.MinValue).Append(DateOnly.MaxValue).Append(new DateOnly(1900, 1, 1)).Distinct().ToList();
        var inverted = relationships.Count(r => r.ValidTime is { Start: { } s, End: { } e } && e.Latest < s.Earliest);
        Assert.True(inverted > 0, "some relationships end before they begin");
        foreach (var paragraph in new int?[] { null, 1, 2 })
        {
            var cited = relationships.Where(r => paragraph is null || r.Sources[0].Paragraph == paragraph).ToList();
            Assert.True(cited.Count >= GraphIndex.SortedDatesFrom, $"{cited.Count} citations");
            foreach (var day in days)
            {
                Assert.Equal(cited.Count(r => r.ValidTime.HoldsOn(day)), index.CitedByCount(document, paragraph, day));
            }
        }
    }
}
