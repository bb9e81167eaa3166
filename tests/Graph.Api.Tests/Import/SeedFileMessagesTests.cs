using System.Text;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Api.Tests.Import;

/// <summary>
/// A seed file as editors save it: a UTF-8 byte order mark is read past, UTF-16 is refused saying so, and
/// a file the JSON reader refuses is reported for the person who edits it: the member's place, line and
/// column from 1, and what is wrong, without .NET's type names. Each whether the file is read whole or in runs.
/// </summary>
public sealed class SeedFileMessagesTests
{
    private const string Json = """
        { "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": 3 } },
                        { "id": "a", "kind": "COUNTRY", "name": "A" }, { "id": "b", "kind": "COUNTRY", "name": "B" }, { "id": "c", "kind": "COUNTRY", "name": "C" } ],
          "relationships": [ { "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] },
                             { "id": "r2", "type": "DIPLOMATIC_RELATIONS", "from": "c", "to": "b", "sources": [ { "document": "doc", "paragraph": 2 } ] } ] }
        """;

    // Whole, and in runs of a few relationships each.
    public static TheoryData<int> RunSizes => [int.MaxValue, 256];

    [Theory]
    [MemberData(nameof(RunSizes))]
    public void A_utf8_byte_order_mark_is_read_past(int runBytes)
    {
        byte[] withMark = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json)];

        Assert.Equal(SeedText.Describe(SeedReader.Read(Json)), SeedText.Describe(SeedReader.Read(withMark, runBytes)));
        // Read in runs indeed, not whole after the runs gave up on the mark.
        Assert.NotNull(SeedReader.ReadInRuns(new MemoryStream(withMark), 256, 128, CancellationToken.None));
    }

    [Theory]
    [InlineData("utf-16 with its mark", int.MaxValue)]
    [InlineData("utf-16 with its mark", 256)]
    [InlineData("utf-16BE with its mark", int.MaxValue)]
    [InlineData("utf-16 without a mark", int.MaxValue)]
    [InlineData("utf-16 without a mark", 256)]
    public void A_utf16_file_is_refused_saying_so(string encoding, int runBytes)
    {
        var bytes = encoding switch
        {
            "utf-16 with its mark" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Json)],
            "utf-16BE with its mark" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Json)],
            _ => Encoding.Unicode.GetBytes(Json),
        };

        var error = Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read(bytes, runBytes)).Errors);
        Assert.Equal("IMPORT_MALFORMED", error.Code);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "$", "line 1, column 1", "empty")]
    [InlineData("[]", "$", "line 1, column 2", "one JSON object")]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A", "colour": "red" } ] }""", "entities[0].colour", "line 1, column", "'colour' is not a member")]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A", "aliases": "B" } ] }""", "entities[0].aliases", "line 1, column", "wrong kind")]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A\ud800" } ] }""", "entities[0].name", "line 1, column", "surrogate")]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A", "name": "B" } ] }""", "entities[0].name", "line 1, column", "'name' is given twice")]
    [InlineData("{ \"entities\": [\n  { \"id\": \"a\", }\n] }", "entities[0]", "line 2, column", "trailing comma")]
    public void A_file_the_json_reader_refuses_is_reported_by_place_line_and_column_without_dotnet_names(string json, string place, string where, string what)
    {
        foreach (var runBytes in new[] { int.MaxValue, 16 })
        {
            var error = Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read(Encoding.UTF8.GetBytes(json), runBytes)).Errors);
            Assert.Equal(("IMPORT_MALFORMED", place), (error.Code, error.Path));
            Assert.Contains(where, error.Message, StringComparison.Ordinal);
            Assert.Contains(what, error.Message, StringComparison.Ordinal);
            foreach (var programmersWord in new[] { "Graph.Api", ".NET", "LineNumber", "BytePositionInLine", "reader options" })
                Assert.DoesNotContain(programmersWord, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_reported_at_its_member()
    {
        byte[] json = [.. """{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A"""u8, 0xFF, .. "\" } ] }"u8];

        var error = Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read(json, int.MaxValue)).Errors);
        Assert.Equal("entities[0].name", error.Path);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"name\": \"   \"")]
    [InlineData("\"name\": \"A\\u0000B\"")]
    [InlineData("\"name\": \"{201 letters}\"")]
    public void An_entity_refused_for_its_texts_does_not_also_refuse_its_relationships_as_ending_nowhere(string members)
    {
        var json = Json.Replace("\"name\": \"A\"", members.Replace("{201 letters}", new string('A', 201), StringComparison.Ordinal), StringComparison.Ordinal);
        var validator = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>());

        var errors = Assert.Throws<ImportRejectedException>(() => validator.Validate(SeedReader.Read(json))).Errors;
        Assert.Single(errors);
        Assert.StartsWith("entities[1].", errors[0].Path, StringComparison.Ordinal);
    }
}
