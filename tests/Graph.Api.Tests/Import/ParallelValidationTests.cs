using System.Globalization;
using System.Text;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Api.Tests.Import;

/// <summary>
/// Relationships are validated in chunks on several threads, with the repeated-id and repeated-row checks
/// split into shares: the answer must be the one a single chunk and a single share give, error for error
/// and in the same order, on imports full of faults and repeats.
/// </summary>
public sealed class ParallelValidationTests
{
    private static readonly string[] Types = ["DIPLOMATIC_RELATIONS", "COOPERATES_IN", "PARTY_TO", "HOLDS_OFFICE", "LIKES"];
    private static readonly string[] Ends = ["c0", "c1", "p", "t", "doc", "missing"];
    private static readonly string[] Dates =
        ["", """, "validFrom": "2013" """, """, "validFrom": "2013-01" """, """, "at": "2013" """, """, "validTo": "2019-13" """,
         """, "validFrom": "2020", "validTo": "2019" """, """, "at": "2013", "validTo": "2014" """];
    private static readonly string[] Sources =
        ["", """, "sources": [] """, """, "sources": [ { "document": "doc", "paragraph": 1 } ] """, """, "sources": [ { "document": "doc", "paragraph": 2 } ] """,
         """, "sources": [ { "document": "doc", "paragraph": 9 } ] """, """, "sources": [ { "document": "a", "paragraph": 1 } ] """,
         """, "sources": [ { "document": "doc", "paragraph": 1 }, { "document": "doc", "paragraph": 3 } ] """];

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(7, 5)]
    public void Chunks_and_shares_give_the_answer_of_one_pass(int rowsPerChunk, int shares)
    {
        var random = new Random(rowsPerChunk * 31 + shares);
        var rejected = 0;
        for (var import = 0; import < 300; import++)
        {
            // Mostly valid rows, so that an import often has fewer than MaxErrors faults and every one of them is compared.
            var json = RandomImport(random, rows: random.Next(1, 60), faultRate: random.Next(0, 4) * 0.005);
            var stored = new Dictionary<string, EntityKind> { ["s"] = EntityKind.Country };
            var storedRelationships = new HashSet<string> { "r-stored" };
            var onePass = Outcome(new GraphImportValidator(stored, storedRelationships, rowsPerChunk: int.MaxValue, shares: 1), json);
            var parallel = Outcome(new GraphImportValidator(stored, storedRelationships, rowsPerChunk, shares), json);
            Assert.Equal(onePass, parallel);
            if (onePass[0] == "rejected") rejected++;
        }

        Assert.InRange(rejected, 75, 225); // both outcomes were compared often
    }

    [Fact]
    public void A_row_lists_a_reused_id_first_and_a_repeated_relationship_last()
    {
        var json = """
            { "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": 3 } },
                            { "id": "a", "kind": "COUNTRY", "name": "A" }, { "id": "b", "kind": "COUNTRY", "name": "B" } ],
              "relationships": [
                { "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] },
                { "id": "r1", "type": "LIKES", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 9 } ] },
                { "id": "r2", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "description": "bad\u0000text", "sources": [ { "document": "doc", "paragraph": 1 } ] } ] }
            """;
        var errors = Assert.Throws<ImportRejectedException>(() => new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>(), rowsPerChunk: 1, shares: 2)
            .Validate(SeedReader.Read(json))).Errors;
        Assert.Equal(
            ["DUPLICATE_ID relationships[1].id", "UNKNOWN_RELATIONSHIP_TYPE relationships[1].type", "UNKNOWN_SOURCE relationships[1].sources[0].paragraph",
             "INVALID_TEXT relationships[2].description", "DUPLICATE_RELATIONSHIP relationships[2]"],
            errors.Select(e => $"{e.Code} {e.Path}"));
    }

    [Fact]
    public void Ids_in_rising_order_are_taken_as_unrepeated_only_while_they_rise()
    {
        // Rows in id order repeat no id, and are passed without a set of ids; a repeat must still be found when a
        // refused id stands between the two uses, when the order breaks, and when the repeat follows at once.
        string Import(params string[] ids) =>
            $$"""
            { "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc" }, { "id": "a", "kind": "COUNTRY", "name": "A" }, { "id": "b", "kind": "COUNTRY", "name": "B" } ],
              "relationships": [ {{string.Join(",", ids.Select((id, i) => $$"""{ "id": "{{id}}", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "validFrom": "{{1900 + i}}", "sources": [ { "document": "doc", "paragraph": 1 } ] }"""))}} ] }
            """;
        List<string> Errors(string json) => Outcome(new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>(), rowsPerChunk: 2, shares: 2), json);

        var accepted = Errors(Import("r1", "r2", "r3"));
        Assert.Equal("accepted", accepted[0]);
        Assert.Equal(["r1", "r2", "r3"], accepted.Skip(4).Select(line => line.Split(' ')[0]));
        Assert.Contains("DUPLICATE_ID relationships[2].id The id 'r1' is already taken.", Errors(Import("r1", "R 1", "r1")));
        Assert.Contains("DUPLICATE_ID relationships[3].id The id 'r2' is already taken.", Errors(Import("r1", "r2", "r3", "r2")));
        Assert.Contains("DUPLICATE_ID relationships[1].id The id 'r1' is already taken.", Errors(Import("r1", "r1", "r2")));
    }

    private static List<string> Outcome(GraphImportValidator validator, string json) => ImportOutcome.Of(validator, SeedReader.Read(json));

    /// <summary>A small import drawn from few ids, types, ends, dates and sources, so that rows repeat each other and fail in every way.</summary>
    private static string RandomImport(Random random, int rows, double faultRate)
    {
        T Pick<T>(T[] items, T usual) => random.NextDouble() < faultRate * 4 ? items[random.Next(items.Length)] : usual;
        var text = new StringBuilder("""
            { "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": 3 } },
              { "id": "p", "kind": "PERSON", "name": "P" }, { "id": "t", "kind": "AGREEMENT", "name": "T" }
            """);
        for (var c = 0; c < 10; c++) text.Append(CultureInfo.InvariantCulture, $$""", { "id": "c{{c}}", "kind": "COUNTRY", "name": "C{{c}}" }""");
        if (random.NextDouble() < faultRate * 5) text.Append(""", { "id": "c1", "kind": "PLANET", "name": "" }""");
        text.Append("""], "relationships": [""");
        for (var i = 0; i < rows; i++)
        {
            if (i > 0) text.Append(',');
            if (random.NextDouble() < faultRate / 2) { text.Append("null"); continue; }
            // Ids come from a small pool so that they repeat; a few are malformed, stored or an entity's.
            var id = random.NextDouble() < faultRate ? Pick(["R 1", "s", "c0", "r-stored"], "r0") : $"r{random.Next(rows * 50)}";
            var (one, other) = (random.Next(10), random.Next(9));
            var from = Pick(Ends, $"c{one}");
            var to = Pick(Ends, $"c{(other >= one ? other + 1 : other)}");
            var year = $$""", "validFrom": "{{1800 + random.Next(200)}}" """;
            var description = random.NextDouble() < faultRate ? """, "description": "bad\u0000text" """ : "";
            text.Append(CultureInfo.InvariantCulture, $$"""{ "id": "{{id}}", "type": "{{Pick(Types, "DIPLOMATIC_RELATIONS")}}", "from": "{{from}}", "to": "{{to}}" {{Pick(Dates, year)}} {{Pick(Sources, Sources[2 + random.Next(2)])}} {{description}} }""");
        }

        return text.Append("]}").ToString();
    }
}
