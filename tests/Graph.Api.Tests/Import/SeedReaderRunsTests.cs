using System.Globalization;
using System.Text;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>
/// A large file's relationships are read in runs side by side; the result must be the file read whole,
/// and a file the runs cannot read must be refused in the same words as before.
/// </summary>
public sealed class SeedReaderRunsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(5_000)]
    public void A_graph_read_in_runs_is_the_graph_read_whole(int runBytes)
    {
        var json = Generated(400);
        var layout = SeedLayout.Find(json, SeedReader.ReaderOptions, runBytes);

        Assert.NotNull(layout);
        Assert.True(layout.Runs.Count > 1);
        var inRuns = SeedReader.ReadInRuns(json, runBytes);
        Assert.NotNull(inRuns);
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(inRuns));
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(SeedReader.Read(json, runBytes)));
    }

    [Fact]
    public void Runs_follow_one_another_and_each_holds_whole_elements()
    {
        var json = Generated(50);
        var layout = SeedLayout.Find(json, SeedReader.ReaderOptions, 200)!;

        var arrayStart = layout.RelationshipsArray.Start.Value;
        Assert.Equal((byte)'[', json[arrayStart]);
        Assert.Equal((byte)']', json[layout.RelationshipsArray.End.Value - 1]);
        var previousEnd = arrayStart;
        foreach (var run in layout.Runs)
        {
            Assert.True(run.Start.Value > previousEnd);
            Assert.Contains(json[run.Start.Value], "{n"u8.ToArray());
            Assert.Contains(json[run.End.Value - 1], "}l"u8.ToArray());
            previousEnd = run.End.Value;
        }

        Assert.True(previousEnd < layout.RelationshipsArray.End.Value);
    }

    [Fact]
    public void The_seed_graph_reads_the_same_in_runs()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var whole = SeedReader.Read(json, int.MaxValue);
        var inRuns = SeedReader.ReadInRuns(json, 1);

        Assert.NotNull(inRuns);
        Assert.Equal(SeedText.Describe(whole), SeedText.Describe(inRuns));
        Assert.Equal(whole.Relationships!.Count, inRuns.Relationships!.Count);
    }

    [Fact]
    public void Runs_share_the_entities_ids_and_one_copy_of_each_date()
    {
        var file = SeedReader.ReadInRuns(Generated(400, valid: true), 1)!;
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, Model.EntityKind>(), new HashSet<string>()).Validate(file);
        var ids = entities.ToDictionary(e => e.Id, e => e.Id);
        var dates = new Dictionary<string, string>();

        Assert.Equal(file.Relationships!.Count(r => r is not null), relationships.Count);
        foreach (var relationship in relationships)
        {
            Assert.Same(ids[relationship.FromId], relationship.FromId);
            Assert.Same(ids[relationship.ToId], relationship.ToId);
            Assert.All(relationship.Sources, s => Assert.Same(ids[s.DocumentId], s.DocumentId));
            foreach (var date in new[] { relationship.ValidFrom, relationship.ValidTo }.OfType<string>())
            {
                Assert.Same(dates.TryAdd(date, date) ? date : dates[date], date);
            }
        }
    }

    [Theory]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2","extra":1}, {"id":"r3"} ] }""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2","type":5}, {"id":"r3"} ] }""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2"}, ] }""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2"} ] } x""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2","properties":{"a":[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]}} ] }""")]
    [InlineData("""{ "entities": [ {"id":"e","kind":3} ], "relationships": [ {"id":"r1"}, {"id":"r2"} ] }""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2","sources":[{"document":"d","page":1}]} ] }""")]
    [InlineData("""{ "entities": [], "relationships": [ {"id":"r1"}, {"id":"r2"} ], "other": 1 }""")]
    [InlineData("""[ {"id":"r1"}, {"id":"r2"} ]""")]
    public void A_malformed_file_is_refused_in_the_same_words_as_when_read_whole(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var whole = Refusal(() => SeedReader.Read(bytes, int.MaxValue));

        Assert.StartsWith("IMPORT_MALFORMED", whole, StringComparison.Ordinal);
        Assert.Equal(whole, Refusal(() => SeedReader.Read(bytes, 1)));
    }

    [Fact]
    public void A_second_relationships_array_wins_as_when_read_whole()
    {
        var bytes = """{ "relationships": [ {"id":"r1"}, {"id":"r2"} ], "relationships": [ {"id":"r3"}, {"id":"r4"} ] }"""u8.ToArray();

        var inRuns = SeedReader.Read(bytes, 1);
        Assert.Equal(["r3", "r4"], inRuns.Relationships!.Select(r => r!.Id));
        Assert.Equal(SeedText.Describe(SeedReader.Read(bytes, int.MaxValue)), SeedText.Describe(inRuns));
    }

    private static string Refusal(Func<SeedFile> read) =>
        string.Join("; ", Assert.Throws<ImportRejectedException>(() => read()).Errors.Select(e => $"{e.Code} {e.Path} {e.Message}"));

    [Fact]
    public void Invalid_text_inside_a_run_is_refused_as_when_read_whole()
    {
        byte[] bytes = [.. """{ "relationships": [ {"id":"r1"}, {"id":"r2","type":" """u8, 0xC3, 0x28, .. "\"} ] }"u8];

        Assert.Equal(Refusal(() => SeedReader.Read(bytes, int.MaxValue)), Refusal(() => SeedReader.Read(bytes, 1)));
    }

    /// <summary>
    /// A valid graph exercising what a relationship may hold (comments, escapes, dates, properties, shared,
    /// several and missing sources), with null relationships among them unless <paramref name="valid"/>.
    /// </summary>
    private static byte[] Generated(int relationships, bool valid = false)
    {
        var text = new StringBuilder("""{ "format": "graph-seed/1", /* entities first */ "entities": [""");
        for (var d = 0; d < 4; d++) text.Append(CultureInfo.InvariantCulture, $$"""{ "id": "d-{{d}}", "kind": "DOCUMENT", "name": "Document {{d}}" },""");
        for (var c = 0; c < 30; c++)
        {
            if (c > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $$"""{ "id": "c-{{c}}", "kind": "COUNTRY", "name": "Country {{c}}", "aliases": ["C{{c}}"] }""");
        }

        text.Append("""], "relationships": [ """);
        for (var r = 0; r < relationships; r++)
        {
            if (r > 0) text.Append(r % 5 == 0 ? ", /* a comment between two */\n" : ",\n");
            if (!valid && r % 17 == 3)
            {
                text.Append("null");
                continue;
            }

            // Each relationship joins a different ordered pair of countries: no self-loops, no duplicates.
            var (from, to) = (r % 30, (r % 30 + 1 + r / 30) % 30);
            var sources = (r % 4) switch
            {
                0 => """[{"document":"d-0","paragraph":1}]""",
                1 => """[{"document":"d-3","paragraph":2},{"document":"d\u002d0","paragraph":1}]""",
                2 => """[{"paragraph":1,"document":"d-2"}]""",
                _ => valid ? """[{"document":"d-1","paragraph":4}]""" : "null",
            };
            var dates = (r % 3) switch { 0 => """, "validFrom": "2013", "validTo": "2015-06" """, 1 => """, "at": "2014-01-02" """, _ => "" };
            text.Append(CultureInfo.InvariantCulture, $$"""{ "id": "r\u002d{{r:D5}}", "type": "DIPLOMATIC_RELATIONS", "from": "c-{{from}}", "to": "c\u002d{{to}}", "description": "Say \"{{r}}\" é" {{dates}}, "properties": { "amount": {{r * 1.5}}, "note": "n\u00e9", "open": {{(r % 2 == 0 ? "true" : "false")}} }, "sources": {{sources}} }""");
        }

        text.Append("] }");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
