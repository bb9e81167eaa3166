using System.Globalization;
using System.Text;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>
/// A large file's relationships are read in runs side by side as the file is read block by block; the
/// result must be the file read whole, and a file the runs cannot read must be refused in the same words.
/// </summary>
public sealed class SeedReaderRunsTests
{
    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(300, 1 << 20)]
    [InlineData(5_000, 1 << 20)]
    [InlineData(2_000, 1)]
    [InlineData(2_000, 7)]
    [InlineData(700, 333)]
    public void A_graph_read_in_runs_is_the_graph_read_whole(int runBytes, int blockBytes)
    {
        var json = Generated(400);
        var (runs, _) = Split(json, runBytes, blockBytes);

        Assert.True(runs.Count > 1);
        var inRuns = SeedReader.ReadInRuns(new MemoryStream(json), runBytes, blockBytes, CancellationToken.None);
        Assert.NotNull(inRuns);
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(inRuns));
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(SeedReader.Read(json, runBytes, blockBytes)));
    }

    [Theory]
    [InlineData(200, 1 << 20)]
    [InlineData(1_000, 5)]
    public void Runs_follow_one_another_each_holds_whole_elements_and_the_rest_is_the_file_without_them(int runBytes, int blockBytes)
    {
        var json = Generated(50);
        var (runs, rest) = Split(json, runBytes, blockBytes);

        var text = Encoding.UTF8.GetString(json);
        var arrayStart = text.IndexOf("\"relationships\": [", StringComparison.Ordinal) + "\"relationships\": ".Length;
        Assert.Equal(text[..arrayStart] + "[] }", Encoding.UTF8.GetString(rest!));
        var elements = string.Join(",", runs.Select(Encoding.UTF8.GetString));
        Assert.All(runs, run => Assert.Contains(run[0], "{n"u8.ToArray()));
        Assert.All(runs, run => Assert.Contains(run[^1], "}l"u8.ToArray()));
        Assert.True(runs.Count > 1);
        Assert.Equal(
            SeedText.Describe(SeedReader.Read(json, int.MaxValue).Relationships!),
            SeedText.Describe(SeedReader.Read($$"""{ "relationships": [{{elements}}] }""").Relationships!));
    }

    [Theory]
    [InlineData(1_000, 1 << 20)]
    [InlineData(1_000, 3)]
    public void Relationships_before_the_entities_read_as_when_read_whole(int runBytes, int blockBytes)
    {
        var text = Encoding.UTF8.GetString(Generated(100));
        var entitiesStart = text.IndexOf("\"entities\"", StringComparison.Ordinal);
        var relationshipsStart = text.IndexOf("\"relationships\"", StringComparison.Ordinal);
        var entities = text[entitiesStart..relationshipsStart].TrimEnd(' ', ',');
        var json = Encoding.UTF8.GetBytes($$"""{ {{text[relationshipsStart..^1]}}, /* then */ {{entities}} }""");

        var inRuns = SeedReader.ReadInRuns(new MemoryStream(json), runBytes, blockBytes, CancellationToken.None);
        Assert.NotNull(inRuns);
        Assert.NotEmpty(inRuns.Entities!);
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(inRuns));
    }

    [Fact]
    public void An_element_longer_than_a_buffer_leaves_the_file_to_be_read_whole()
    {
        var json = Generated(20);

        Assert.Null(SeedReader.ReadInRuns(new MemoryStream(json), 100, 50, CancellationToken.None));
        Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(SeedReader.Read(json, 100, 50)));
    }

    [Fact]
    public void A_large_file_on_disk_reads_as_when_read_whole()
    {
        var json = Generated(30_000, valid: true);
        var path = Path.Combine(Path.GetTempPath(), $"graph-runs-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, json);
        try
        {
            Assert.True(json.Length > SeedReader.RunBytes);
            Assert.True(Split(json, SeedReader.RunBytes, SeedReader.BlockBytes).Runs.Count > 1);
            Assert.Equal(SeedText.Describe(SeedReader.Read(json, int.MaxValue)), SeedText.Describe(SeedReader.ReadFile(path, CancellationToken.None)));
            Assert.ThrowsAny<OperationCanceledException>(() => SeedReader.ReadFile(path, new CancellationToken(canceled: true)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The runs the splitter hands on (copied out of their buffers) and the rest of the file.</summary>
    private static (List<byte[]> Runs, byte[]? RestOfFile) Split(byte[] json, int runBytes, int blockBytes)
    {
        var runs = new List<byte[]>();
        using var buffers = new RunBuffers(2, runBytes + blockBytes);
        var rest = SeedSplitter.Split(new MemoryStream(json), SeedReader.ReaderOptions, buffers, runBytes, (buffer, run) =>
        {
            runs.Add(buffer[run]);
            buffers.Return(buffer);
        }, CancellationToken.None);
        return (runs, rest);
    }

    [Fact]
    public void The_seed_graph_reads_the_same_in_runs()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var whole = SeedReader.Read(json, int.MaxValue);
        var inRuns = SeedReader.ReadInRuns(new MemoryStream(json), 1, 1 << 20, CancellationToken.None);

        Assert.NotNull(inRuns);
        Assert.Equal(SeedText.Describe(whole), SeedText.Describe(inRuns));
        Assert.Equal(whole.Relationships!.Count, inRuns.Relationships!.Count);
    }

    [Fact]
    public void Runs_share_the_entities_ids_and_one_copy_of_each_date()
    {
        var file = SeedReader.ReadInRuns(new MemoryStream(Generated(400, valid: true)), 1, 1 << 20, CancellationToken.None)!;
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
        Assert.Equal(whole, Refusal(() => SeedReader.Read(bytes, 1, 3)));
    }

    [Fact]
    public void A_second_relationships_array_is_refused_as_when_read_whole()
    {
        // It used to replace the first one, whose relationships were then dropped without a word.
        var bytes = """{ "relationships": [ {"id":"r1"}, {"id":"r2"} ], "relationships": [ {"id":"r3"}, {"id":"r4"} ] }"""u8.ToArray();

        var inRuns = Refusal(() => SeedReader.Read(bytes, 1, 3));
        Assert.StartsWith("IMPORT_MALFORMED", inRuns, StringComparison.Ordinal);
        Assert.Equal(Refusal(() => SeedReader.Read(bytes, int.MaxValue)), inRuns);
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
