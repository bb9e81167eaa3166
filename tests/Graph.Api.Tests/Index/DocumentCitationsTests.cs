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
}
