using System.Text.Json;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>The hand-written reader of <c>sources</c> accepts and refuses exactly what the serializer does.</summary>
public sealed class SharedCitationsTests
{
    private static readonly JsonSerializerOptions Reference = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"document":"d","paragraph":1}]""")]
    [InlineData("""[{"document":"d","paragraph":1},{"document":"e","paragraph":2},null]""")]
    [InlineData("[null]")]
    [InlineData("""[{"document":"d"}]""")]
    [InlineData("""[{"paragraph":2}]""")]
    [InlineData("""[{"document":null,"paragraph":null}]""")]
    [InlineData("""[{"paragraph":3,"document":"d"}]""")]
    [InlineData("""[{"document":"a","document":"b"}]""")]
    [InlineData("""[{"document":"a","paragraph":1,"paragraph":1}]""")]
    [InlineData("""[{"docu\u006dent":"d\u00e9","paragraph":-4}]""")]
    [InlineData("""[/* c */ {"document":"d" /* x */, "paragraph":1} ]""")]
    [InlineData("""[{"document":"d","paragraph":1.5}]""")]
    [InlineData("""[{"document":"d","paragraph":"1"}]""")]
    [InlineData("""[{"document":"d","paragraph":2147483648}]""")]
    [InlineData("""[{"document":5}]""")]
    [InlineData("""[{"document":"d","extra":1}]""")]
    [InlineData("""[{"Document":"d"}]""")]
    [InlineData("""[1]""")]
    [InlineData("""[[]]""")]
    [InlineData("""{}""")]
    [InlineData("\"d\"")]
    public void Sources_read_as_the_serializer_reads_them(string sources)
    {
        List<SeedCitation?>? expected;
        try
        {
            expected = JsonSerializer.Deserialize<List<SeedCitation?>>(sources, Reference);
        }
        catch (JsonException)
        {
            expected = null;
        }

        var json = $$"""{"relationships":[{"id":"r","sources":{{sources}}}]}""";
        if (expected is null)
        {
            Assert.Equal("IMPORT_MALFORMED", Assert.Single(Assert.Throws<ImportRejectedException>(() => SeedReader.Read(json)).Errors).Code);
        }
        else
        {
            Assert.Equal(expected, SeedReader.Read(json).Relationships![0]!.Sources!);
        }
    }

    [Fact]
    public void Equal_citations_are_one_object_and_equal_single_citations_one_list()
    {
        var file = SeedReader.Read("""
            {"relationships":[
              {"id":"a","sources":[{"document":"d","paragraph":1}]},
              {"id":"b","sources":[{"paragraph":1,"document":"d"}]},
              {"id":"c","sources":[{"document":"d","paragraph":2},{"document":"d","paragraph":1}]},
              {"id":"e","sources":null}]}
            """);
        var (a, b, c) = (file.Relationships![0]!.Sources!, file.Relationships[1]!.Sources!, file.Relationships[2]!.Sources!);
        Assert.Same(a, b);
        Assert.Same(a[0], c[1]);
        Assert.Equal(new SeedCitation("d", 2), c[0]);
        Assert.Null(file.Relationships[3]!.Sources);
    }
}
