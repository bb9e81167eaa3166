using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Api.Tests.Import;

/// <summary>
/// While a large file is read, each relationship's ends are found among the file's entities by their text
/// and carry the entity's position; the validator then takes an end by position. A position is only a
/// hint: whatever it says, the import must be checked exactly as when every end is looked up by its id.
/// </summary>
public sealed class EntityIdTableTests
{
    private static readonly string[] OddEntities =
    [
        """{ "id": "c1", "kind": "PLANET", "name": "Twice, badly first" }""",
        """{ "id": "c\u0032", "kind": "COUNTRY", "name": "Escaped" }""",
        """null""",
        """{ "id": "ç5", "kind": "COUNTRY", "name": "Not ASCII" }""",
        """{ "id": "c6", "kind": "COUNTRY", "name": "" }""",
        """{ "id": "c0", "kind": "COUNTRY", "name": "Again" }""",
    ];

    [Fact]
    public void The_table_holds_each_plain_id_with_the_position_of_its_first_entity()
    {
        var text = """{ "format": "graph-seed/1", "other": { "entities": [ { "id": "x" } ] }, "entities": [ { "id": "a", "kind": "COUNTRY" }, null, [ { "id": "y" } ], """
            + """{ "name": "no id" }, { "id": "b\u0063" }, { "id": "d", "id": "e" }, { "id": 7 }, { "id": "ü" }, { "id": "a" }, { "kind": "TOPIC", "id": "f" }, """
            + """{ "id": "an-organisation-with-a-long-id-1" }, { "id": "an-organisation-with-a-long-id-2" } ], "relationships": []""";
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var table = EntityIdTable.Read(Encoding.UTF8.GetBytes(text), SeedReader.ReaderOptions, pool);

        Assert.Equal(0, Find(table, "a"));
        Assert.Equal(5, Find(table, "e"));
        Assert.Equal(9, Find(table, "f"));
        Assert.Equal(10, Find(table, "an-organisation-with-a-long-id-1"));
        Assert.Equal(11, Find(table, "an-organisation-with-a-long-id-2"));
        foreach (var absent in new[] { "x", "y", "bc", "b\\u0063", "d", "7", "ü", "", "g", "a ", "an-organisation-with-a-long-id-3", "an-organisation-with-a-long-id-" })
        {
            Assert.Equal(-1, Find(table, absent));
        }
        Assert.True(table.TryFind("f"u8, out var id, out _));
        Assert.Same(pool["f"], id);
    }

    [Fact]
    public void Text_that_ends_early_or_breaks_keeps_the_ids_found_before()
    {
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        var cut = EntityIdTable.Read("""{ "entities": [ { "id": "a" }, { "id": "b", "name": "cut sh"""u8.ToArray(), SeedReader.ReaderOptions, pool);
        var broken = EntityIdTable.Read("""{ "entities": [ { "id": "a" }, { "id": "b" } } ]"""u8.ToArray(), SeedReader.ReaderOptions, pool);
        var none = EntityIdTable.Read("""[ { "id": "a" } ]"""u8.ToArray(), SeedReader.ReaderOptions, pool);

        Assert.Equal((0, -1), (Find(cut, "a"), Find(cut, "b")));
        Assert.Equal((0, 1), (Find(broken, "a"), Find(broken, "b")));
        Assert.Equal(-1, Find(none, "a"));
    }

    [Fact]
    public void The_table_holds_at_most_its_limit_of_ids_the_first_ones()
    {
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetBytes("""{ "entities": [ { "id": "a" }, null, { "id": "b" }, { "id": "c" } ], "relationships": []""");

        var table = EntityIdTable.Read(text, SeedReader.ReaderOptions, pool, maxIds: 2);

        Assert.Equal((0, 2, -1), (Find(table, "a"), Find(table, "b"), Find(table, "c")));
        Assert.False(pool.ContainsKey("c"));
    }

    [Fact]
    public void A_file_read_in_runs_gives_each_end_its_entity_position()
    {
        var json = RandomImport(new Random(5), rows: 200, faultRate: 0);
        var file = SeedReader.Read(Encoding.UTF8.GetBytes(json), runBytes: 1);
        var positions = file.Entities!.Select((e, i) => (e!.Id!, i)).ToDictionary();

        Assert.All(file.Relationships!, r => Assert.Equal((positions[r!.From!], positions[r.To!]), (r.FromEntity, r.ToEntity)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ends_found_by_position_are_checked_as_ends_looked_up_by_id(int seed)
    {
        var random = new Random(seed);
        var rejected = 0;
        for (var import = 0; import < 200; import++)
        {
            var bytes = Encoding.UTF8.GetBytes(RandomImport(random, rows: random.Next(1, 40), faultRate: random.Next(0, 4) * 0.01));
            var whole = SeedReader.Read(bytes, int.MaxValue);
            var inRuns = SeedReader.Read(bytes, runBytes: 1);
            Assert.All(whole.Relationships!, r => Assert.Equal((-1, -1), (r?.FromEntity ?? -1, r?.ToEntity ?? -1)));

            var byId = Outcome(whole);
            Assert.Equal(byId, Outcome(inRuns));
            // Positions that point anywhere, even at an entity of another id, change nothing.
            var misled = inRuns with { Relationships = [.. inRuns.Relationships!.Select(r => r is null ? null : r with { FromEntity = random.Next(-2, 20), ToEntity = random.Next(-2, 20) })] };
            Assert.Equal(byId, Outcome(misled));
            if (byId[0] == "rejected") rejected++;
        }

        Assert.InRange(rejected, 40, 160); // accepted and refused imports were both compared
    }

    private static int Find(EntityIdTable table, string id) => table.TryFind(Encoding.UTF8.GetBytes(id), out _, out var position) ? position : -1;

    private static List<string> Outcome(SeedFile file) =>
        ImportOutcome.Of(new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>(), rowsPerChunk: 3, shares: 2), file);

    /// <summary>Entities, some of them odd (a kind that does not exist, an escaped id, an id two entities have), and relationships between them and ids no entity has.</summary>
    private static string RandomImport(Random random, int rows, double faultRate)
    {
        var text = new StringBuilder("""{ "format": "graph-seed/1", "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": 3 } }""");
        var odd = random.NextDouble() < faultRate * 20 ? OddEntities[random.Next(OddEntities.Length)] : null;
        for (var c = 0; c < 8; c++)
        {
            if (odd is not null && random.Next(8) == c) text.Append(", ").Append(odd);
            text.Append(CultureInfo.InvariantCulture, $$""", { "id": "c{{c}}", "kind": "{{(c % 2 == 0 ? "COUNTRY" : "ORGANIZATION")}}", "name": "C{{c}}" }""");
        }

        text.Append("""], "relationships": [""");
        string[] unusual = ["c2", "c4", "ç5", "nobody", "doc", "c\\u0033"];
        for (var i = 0; i < rows; i++)
        {
            var (one, other) = (random.Next(8), random.Next(7));
            var from = random.NextDouble() < faultRate * 5 ? unusual[random.Next(unusual.Length)] : $"c{one}";
            var to = random.NextDouble() < faultRate * 5 ? unusual[random.Next(unusual.Length)] : $"c{(other >= one ? other + 1 : other)}";
            text.Append(i > 0 ? ", " : "").Append(CultureInfo.InvariantCulture,
                $$"""{ "id": "r{{i}}", "type": "SEEKS_COOPERATION", "from": "{{from}}", "to": "{{to}}", "validFrom": "{{1900 + i}}", "sources": [ { "document": "doc", "paragraph": 1 } ] }""");
        }

        return text.Append("]}").ToString();
    }
}
