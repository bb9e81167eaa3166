using Graph.Api.Import;
using Graph.Api.Model;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

public sealed class ImportValidationTests
{
    private const string Document = """{ "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": 3 } }""";
    private const string Countries = """{ "id": "a", "kind": "COUNTRY", "name": "A" }, { "id": "b", "kind": "COUNTRY", "name": "B" }""";

    private static IReadOnlyList<ImportError> Errors(string json)
    {
        var validator = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>());
        var rejected = Assert.Throws<ImportRejectedException>(() => validator.Validate(SeedReader.Read(json)));
        return rejected.Errors;
    }

    private static string Graph(string relationships, string entities = Countries) =>
        $$"""{ "entities": [ {{Document}}, {{entities}} ], "relationships": [ {{relationships}} ] }""";

    private static string Relationship(string type = "DIPLOMATIC_RELATIONS", string from = "a", string to = "b", string extra = "", string id = "r1") =>
        $$"""{ "id": "{{id}}", "type": "{{type}}", "from": "{{from}}", "to": "{{to}}", "sources": [ { "document": "doc", "paragraph": 1 } ] {{extra}} }""";

    [Fact]
    public void A_valid_graph_passes()
    {
        var validator = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>());
        var (entities, relationships) = validator.Validate(SeedReader.Read(Graph(Relationship(extra: """, "validFrom": "1992-01-27" """))));
        Assert.Equal(3, entities.Count);
        Assert.Equal("1992-01-27", Assert.Single(relationships).ValidFrom);
    }

    [Fact]
    public void Each_relationship_s_ends_come_back_as_positions_among_the_entities_unless_one_is_stored()
    {
        // DIPLOMATIC_RELATIONS is symmetric: r3, from b to a, keeps its ends as written, whatever order the check keys them in.
        var json = Graph(Relationship(id: "r1") + ", " + Relationship(id: "r2", from: "b", to: "a", type: "GATEWAY_TO") + ", " + Relationship(id: "r3", from: "b", to: "a", extra: """, "validFrom": "2001" """));

        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json), out var ends);

        var position = entities.Select((e, i) => (e.Id, i)).ToDictionary();
        Assert.Equal(relationships.Select(r => (position[r.FromId], position[r.ToId])), ends!.Pairs());
        Assert.Equal([(1, 2), (2, 1), (2, 1)], ends!.Pairs());

        // With stored entities the file's are numbered after them, and still come back as positions among those returned.
        var stored = new Dictionary<string, EntityKind> { ["s1"] = EntityKind.Country, ["s2"] = EntityKind.Country };
        new GraphImportValidator(stored, new HashSet<string>()).Validate(SeedReader.Read(json), out ends);
        Assert.Equal([(1, 2), (2, 1), (2, 1)], ends!.Pairs());

        // A relationship to a stored entity has no such position.
        new GraphImportValidator(stored, new HashSet<string>()).Validate(SeedReader.Read(Graph(Relationship(id: "r1") + ", " + Relationship(id: "r2", to: "s2"))), out ends);
        Assert.Null(ends);
    }

    [Fact]
    public void Repeated_values_are_read_as_one_string_and_escaped_or_unusual_text_reads_as_written()
    {
        var json = Graph(Relationship(id: "r1") + ", " + Relationship(id: "r2", type: "COOPERATES_IN", extra: """, "validFrom": "2013" """)
            + ", " + Relationship(id: "r3", from: "\\u0062", to: "a", extra: """, "validFrom": "2013" """));
        var file = SeedReader.Read(json);
        var (r1, r2, r3) = (file.Relationships![0]!, file.Relationships[1]!, file.Relationships[2]!);

        Assert.Same(r1.From, r2.From);
        Assert.Same(r1.To, r2.To);
        Assert.Same(r2.ValidFrom, r3.ValidFrom);
        Assert.Same(r1.Sources![0]!.Document, r2.Sources![0]!.Document);
        Assert.Equal(("b", "a"), (r3.From, r3.To));
        Assert.Same(r1.To, r3.From); // the escaped id reads as the same value, and still shares it
        byte[] invalidUtf8 = [.. "{\"relationships\":[{\"type\":\""u8, 0xC3, 0x28, .. "\"}]}"u8];
        Assert.Throws<ImportRejectedException>(() => SeedReader.Read(invalidUtf8, int.MaxValue));
        Assert.Equal("IMPORT_MALFORMED", Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read("""{"relationships":[{"type":5}]}""")).Errors).Code);
        Assert.Null(SeedReader.Read("""{"relationships":[{"type":null}]}""").Relationships![0]!.Type);
    }

    [Theory]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A", "name": "B" } ] }""")]
    [InlineData("""{ "entities": [ { "id": "a", "kind": "COUNTRY", "name": "A", "properties": { "isoCode": "AA", "isoCode": "BB" } } ] }""")]
    [InlineData("""{ "entities": [], "entities": [] }""")]
    [InlineData("""{ "relationships": [ { "id": "r1", "type": "PARTY_TO", "type": "DIPLOMATIC_RELATIONS" } ] }""")]
    [InlineData("""{ "relationships": [ { "id": "r1", "sources": [ { "document": "d", "paragraph": 1, "paragraph": 2 } ] } ] }""")]
    public void A_member_given_twice_refuses_the_file_and_says_where_whether_read_whole_or_in_runs(string json)
    {
        // The last one silently won: an entity with two names, or a property with two values, lost one.
        foreach (var runBytes in new[] { int.MaxValue, 16 })
        {
            var error = Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read(System.Text.Encoding.UTF8.GetBytes(json), runBytes)).Errors);
            Assert.Equal("IMPORT_MALFORMED", error.Code);
            Assert.Matches("line 1.*([Dd]uplicate|twice)", error.Message);
        }
    }

    [Theory]
    [InlineData("660000000", "660000000")]
    [InlineData("1234567890.12345", "1234567890.12345")]
    [InlineData("-0.000123456789012345", "-0.000123456789012345")]
    [InlineData("1e300", "1E+300")]
    [InlineData("12345678901234567890", null)]
    [InlineData("0.1234567890123456", null)]
    [InlineData("1.0000000000000001", null)]
    public void A_number_is_kept_as_written_or_refused_when_a_double_would_round_it(string number, string? kept)
    {
        var json = Graph(Relationship(), Countries + $$""", { "id": "x", "kind": "TOPIC", "name": "X", "properties": { "n": {{number}} } }""");
        if (kept is null)
        {
            var error = Assert.Single(Errors(json));
            Assert.Equal(("IMPORT_INVALID", "entities[3].properties.n"), (error.Code, error.Path));
            Assert.Contains("significant digits", error.Message, StringComparison.Ordinal);
            return;
        }

        var (entities, _) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json));
        var property = Assert.Single(entities.Single(e => e.Id == "x").Properties);
        Assert.Equal(new TypedProperty("n", PropertyValueType.Number, kept), property);
        Assert.Equal(double.Parse(number, System.Globalization.CultureInfo.InvariantCulture), double.Parse(property.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rows_citing_the_same_paragraph_share_one_list_and_dates_parse_as_written()
    {
        var validator = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>());
        var paragraphTwo = Relationship(id: "r3").Replace("\"paragraph\": 1", "\"paragraph\": 2", StringComparison.Ordinal);
        var (_, rows) = validator.Validate(SeedReader.Read(Graph(string.Join(",",
            Relationship(id: "r1", extra: """, "validFrom": "2013", "validTo": "2014-05" """),
            Relationship(id: "r2", type: "PARTY_TO", to: "t", extra: """, "at": "2013", "properties": { "amount": 5 } """),
            paragraphTwo), Countries + """, { "id": "t", "kind": "AGREEMENT", "name": "T" }""")));

        Assert.Same(rows[0].Sources, rows[1].Sources);
        Assert.Equal(new Citation("doc", 1), Assert.Single(rows[0].Sources));
        Assert.Equal(new Citation("doc", 2), Assert.Single(rows[2].Sources));
        Assert.Same(rows[0].Properties, rows[2].Properties);
        Assert.Empty(rows[0].Properties);
        Assert.Equal(new TypedProperty("amount", PropertyValueType.Number, "5"), Assert.Single(rows[1].Properties));
        Assert.Equal(("2013", "2014-05"), (rows[0].ValidFrom, rows[0].ValidTo));
        Assert.Equal(("2013", "2013"), (rows[1].ValidFrom, rows[1].ValidTo));
    }

    [Theory]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "zz", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "UNKNOWN_ENTITY")]
    [InlineData("""{ "id": "r1", "type": "LIKES", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "UNKNOWN_RELATIONSHIP_TYPE")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "a", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "SELF_LOOP")]
    [InlineData("""{ "id": "r1", "type": "HOLDS_OFFICE", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "KIND_NOT_ALLOWED")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b" }""", "SOURCE_REQUIRED")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 4 } ] }""", "UNKNOWN_SOURCE")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "a", "paragraph": 1 } ] }""", "UNKNOWN_SOURCE")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ null ] }""", "IMPORT_INVALID")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "validFrom": "2019-13", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "INVALID_DATE")]
    [InlineData("""{ "id": "r1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "validFrom": "2020", "validTo": "2019", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "INVALID_DATE")]
    [InlineData("""{ "id": "R 1", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "INVALID_ID")]
    [InlineData("""{ "id": "r1\n", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "INVALID_ID")]
    [InlineData("""{ "id": "a", "type": "DIPLOMATIC_RELATIONS", "from": "a", "to": "b", "sources": [ { "document": "doc", "paragraph": 1 } ] }""", "DUPLICATE_ID")]
    public void A_bad_relationship_is_refused_with_its_code(string relationship, string code) =>
        Assert.Contains(Errors(Graph(relationship)), e => e.Code == code);

    [Fact]
    public void A_duplicate_relationship_is_refused() =>
        Assert.Contains(Errors(Graph(Relationship() + "," + Relationship(id: "r2"))), e => e.Code == "DUPLICATE_RELATIONSHIP");

    // A duplicate is the same type, the same two ends in the same direction and the same date texts.
    [Theory]
    [InlineData(""", "validFrom": "2013" """, """, "validFrom": "2013" """, true)]
    [InlineData(""", "validFrom": "2013" """, """, "validFrom": "2013-01" """, false)]
    [InlineData(""", "validFrom": "2013" """, """, "validTo": "2013" """, false)]
    [InlineData(""", "validFrom": "2013" """, "", false)]
    [InlineData(""", "at": "2013" """, """, "validFrom": "2013", "validTo": "2013" """, true)]
    [InlineData(""", "at": "2013" """, """, "validFrom": "2013" """, false)]
    public void Relationships_are_duplicates_only_with_the_same_date_texts(string firstDates, string secondDates, bool duplicate)
    {
        var json = Graph(Relationship(extra: firstDates) + "," + Relationship(id: "r2", extra: secondDates));
        if (duplicate) Assert.Contains(Errors(json), e => e.Code == "DUPLICATE_RELATIONSHIP" && e.Path == "relationships[1]");
        else Assert.Equal(2, new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json)).Relationships.Count);
    }

    [Fact]
    public void Ends_in_the_store_are_checked_like_new_ones_and_direction_tells_relationships_apart()
    {
        var stored = new Dictionary<string, EntityKind> { ["s"] = EntityKind.Country, ["doc"] = EntityKind.Document };
        var entities = """{ "id": "a", "kind": "COUNTRY", "name": "A" }, { "id": "p", "kind": "PERSON", "name": "P" }""";
        string Import(string relationships) => $$"""{ "entities": [ {{entities}} ], "relationships": [ {{relationships}} ] }""";

        var (_, rows) = new GraphImportValidator(stored, new HashSet<string>()).Validate(SeedReader.Read(Import(
            Relationship(type: "SEEKS_COOPERATION", from: "a", to: "s") + "," + Relationship(id: "r2", type: "SEEKS_COOPERATION", from: "s", to: "a"))));
        Assert.Equal([("a", "s"), ("s", "a")], rows.Select(r => (r.FromId, r.ToId)));

        var twice = Assert.Throws<ImportRejectedException>(() => new GraphImportValidator(stored, new HashSet<string>()).Validate(SeedReader.Read(Import(
            Relationship(from: "a", to: "s") + "," + Relationship(id: "r2", from: "a", to: "s") + "," + Relationship(id: "r3", type: "HOLDS_OFFICE", from: "p", to: "s")))));
        Assert.Equal(["DUPLICATE_RELATIONSHIP"], twice.Errors.Select(e => e.Code));
        Assert.Equal("relationships[1]", twice.Errors[0].Path);
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e10")]
    [InlineData("\"3\"")]
    public void A_documents_paragraph_count_is_a_whole_number_from_one(string paragraphs)
    {
        // 3.5 was cut to 3, 0 refused every citation of the document, 1e10 was served as a negative paragraphCount.
        var json = $$"""{ "entities": [ { "id": "doc", "kind": "DOCUMENT", "name": "Doc", "properties": { "paragraphs": {{paragraphs}} } }, {{Countries}} ], "relationships": [ {{Relationship()}} ] }""";
        var error = Assert.Single(Errors(json));
        Assert.Equal(("IMPORT_INVALID", "entities[0].properties.paragraphs"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("\"graph-seed/2\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("\"graph-seed/1\"", true)]
    [InlineData("null", true)]
    public void A_file_naming_another_format_is_refused_before_it_is_misread(string format, bool read)
    {
        var json = $$"""{ "format": {{format}}, "entities": [ {{Document}}, {{Countries}} ], "relationships": [ {{Relationship()}} ] }""";
        if (read)
        {
            Assert.Single(new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json)).Relationships);
            return;
        }

        var error = Assert.Single(Errors(json));
        Assert.Equal(("IMPORT_INVALID", "format"), (error.Code, error.Path));
    }

    [Fact]
    public void A_symmetric_relationship_given_both_ways_round_is_a_duplicate()
    {
        // DIPLOMATIC_RELATIONS from a to b states what it states from b to a: both counted it twice (degrees, neighbours).
        var twice = Errors(Graph(Relationship(extra: """, "validFrom": "1992" """) + "," + Relationship(id: "r2", from: "b", to: "a", extra: """, "validFrom": "1992" """)));
        var error = Assert.Single(twice);
        Assert.Equal(("DUPLICATE_RELATIONSHIP", "relationships[1]"), (error.Code, error.Path));
        Assert.Contains("symmetric", error.Message, StringComparison.Ordinal);

        // Other dates are another fact.
        var validator = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>());
        Assert.Equal(2, validator.Validate(SeedReader.Read(Graph(Relationship(extra: """, "validFrom": "1992" """) + "," + Relationship(id: "r2", from: "b", to: "a")))).Relationships.Count);
    }

    [Fact]
    public void One_bad_item_among_good_ones_refuses_the_whole_import_and_says_where()
    {
        var errors = Errors(Graph(string.Join(",", Relationship(id: "r1"), Relationship(id: "r2", type: "PARTY_TO"), Relationship(id: "r3", to: "missing"))));
        Assert.Contains(errors, e => e.Path == "relationships[1].type");
        Assert.Contains(errors, e => e.Path == "relationships[2].to");
    }

    [Theory]
    [InlineData("""{ "id": "x", "kind": "PLANET", "name": "X" }""", "UNKNOWN_ENTITY_KIND")]
    [InlineData("""{ "id": "x", "kind": "TOPIC", "name": "bad\u0000name" }""", "INVALID_TEXT")]
    [InlineData("""{ "id": "x", "kind": "TOPIC", "name": "" }""", "IMPORT_INVALID")]
    [InlineData("""{ "id": "x", "kind": "TOPIC", "name": "X", "properties": { "nested": { "a": 1 } } }""", "IMPORT_INVALID")]
    [InlineData("""{ "id": "a", "kind": "TOPIC", "name": "Again" }""", "DUPLICATE_ID")]
    [InlineData("""{ "id": "x\n", "kind": "TOPIC", "name": "X" }""", "INVALID_ID")]
    [InlineData("""{ "id": "x", "kind": "TOPIC", "name": "X", "properties": { "amount\n": 1 } }""", "IMPORT_INVALID")]
    public void A_bad_entity_is_refused_with_its_code(string entity, string code) =>
        Assert.Contains(Errors(Graph(Relationship(), Countries + "," + entity)), e => e.Code == code);

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.NotEmpty(Errors(Graph(Relationship(), Countries + """, { "id": "x", "kind": "TOPIC", "name": "lone \ud800 surrogate" }""")));

    [Fact]
    public void Unknown_fields_and_broken_json_are_refused_as_malformed()
    {
        Assert.Equal("IMPORT_MALFORMED", Errors("""{ "entities": [], "relationships": [], "extra": 1 }""")[0].Code);
        Assert.Equal("IMPORT_MALFORMED", Errors("{ nope")[0].Code);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused() =>
        Assert.Contains(Errors(Graph(Relationship(), Countries + $$""", { "id": "x", "kind": "TOPIC", "name": "{{new string('n', 300)}}" }""")), e => e.Code == "TEXT_TOO_LONG");
}
