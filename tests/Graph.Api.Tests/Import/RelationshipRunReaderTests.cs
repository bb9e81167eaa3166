using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The run reader reads relationships without the serializer. Wherever it gives an answer it must be
/// the serializer's, and wherever the serializer refuses a run it must give none (the run is then
/// read by the serializer, which says what is wrong).
/// </summary>
public sealed class RelationshipRunReaderTests
{
    private static readonly string[] StringMembers = ["id", "type", "from", "to", "description", "validFrom", "validTo", "at"];

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void It_answers_as_the_serializer_does_or_not_at_all(int seed, bool faults)
    {
        var random = new Random(seed);
        var (answered, refused) = (0, 0);
        for (var i = 0; i < 1_500; i++)
        {
            var run = Run(random, faults);
            var serializer = Serialized([(byte)'[', .. run, (byte)']']);
            var reader = RelationshipRunReader.Read(run, SeedReader.ReaderOptions, EntityIdTable.None);
            var shown = Encoding.UTF8.GetString(run);

            if (serializer is null)
            {
                Assert.True(reader is null, $"The serializer refuses this run, the reader answered: {shown}");
                refused++;
                continue;
            }

            if (!faults) Assert.True(reader is not null, $"The reader gave up on a plain run: {shown}");
            if (reader is null) continue;
            answered++;
            Assert.Equal(SeedText.Describe(serializer), SeedText.Describe(reader));
        }

        // Both outcomes must come up often enough for the comparison to mean something.
        Assert.True(answered > 50, $"only {answered} runs answered");
        if (faults) Assert.True(refused > 100, $"only {refused} runs refused");
    }

    [Theory]
    [InlineData("""{"id":"r","id":"s"}""")]
    [InlineData("""{"id":"r","ID":"s"}""")]
    [InlineData("""{"id":"r","properties":{"a":1,"a":2}}""")]
    [InlineData("""{"id":"r","sources":{"document":"d"}}""")]
    [InlineData("""{"id":"r","from":7}""")]
    [InlineData("""3""")]
    [InlineData("""{"id":"r"} /* between */ , {"id":"s"}""")]
    [InlineData("""{"id":"r"},, {"id":"s"}""")]
    [InlineData("""{"id":"r"} {"id":"s"}""")]
    [InlineData("""{"id":"r"},""")]
    public void It_leaves_what_is_not_the_plain_shape_to_the_serializer(string run) =>
        Assert.Null(RelationshipRunReader.Read(Encoding.UTF8.GetBytes(run), SeedReader.ReaderOptions, EntityIdTable.None));

    [Fact]
    public void It_reads_elements_in_place_between_commas_and_whitespace()
    {
        var run = "{\"id\":\"r\",\"type\":\"T\"} ,\n\t null,{\"to\":\"x\" /* inside */}"u8;

        var read = RelationshipRunReader.Read(run, SeedReader.ReaderOptions, EntityIdTable.None);

        Assert.NotNull(read);
        Assert.Equal("r|T|||||||-|-\nnull\n|||x|||||-|-", SeedText.Describe(read));
    }

    private static List<SeedRelationship?>? Serialized(byte[] run)
    {
        try
        {
            return JsonSerializer.Deserialize(run, SeedJsonContext.Default.ListSeedRelationship);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One to four elements of a relationships array, as a run holds them; with <paramref name="faults"/> some break the format's rules.</summary>
    private static byte[] Run(Random random, bool faults)
    {
        var bytes = new List<byte>();
        void Text(string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text));
        bool Now(int percent) => random.Next(100) < percent;
        void Gap()
        {
            if (Now(10)) Text(" /* a comment */ ");
            else if (Now(20)) Text(" \n\t");
        }

        void String()
        {
            Text("\"");
            switch (random.Next(9))
            {
                case 0: Text("r\\u002d" + random.Next(1000)); break;
                case 1: Text(new string('x', 120 + random.Next(20))); break;
                case 2: Text("caf\u00e9 \\\"q\\\" \\ud83d\\ude00"); break;
                case 3: Text("2013-0" + random.Next(1, 10)); break;
                case 4 when faults: bytes.AddRange([0xC3, 0x28]); break;
                case 5 when faults: Text("\\ud800"); break;
                default: Text("c-" + random.Next(20)); break;
            }

            Text("\"");
        }

        void Value(int depth)
        {
            switch (random.Next(depth > 2 ? 5 : 7))
            {
                case 0: String(); break;
                case 1: Text(((random.NextDouble() - 0.5) * 1e6).ToString("R", CultureInfo.InvariantCulture)); break;
                case 2: Text(random.Next(2) == 0 ? "true" : "false"); break;
                case 3: Text("null"); break;
                case 4: Text(random.Next(int.MaxValue).ToString(CultureInfo.InvariantCulture)); break;
                case 5:
                    Text("[");
                    for (var i = random.Next(3); i > 0; i--) { Value(depth + 1); if (i > 1) Text(","); }
                    Text("]");
                    break;
                default:
                    Text("{\"k\":");
                    Value(depth + 1);
                    Text("}");
                    break;
            }
        }

        void Member(string name)
        {
            Gap();
            Text($"\"{(Now(5) ? Escaped(name) : name)}\":");
            Gap();
            if (Now(8)) Text("null");
            else if (name == "properties") Properties();
            else if (name == "sources") Sources();
            else if (faults && Now(5)) Value(0);
            else String();
        }

        // Now and then, with faults, a value of the wrong JSON type instead of the member's own.
        bool WrongType(string value)
        {
            if (!faults || !Now(5)) return false;
            Text(value);
            return true;
        }

        void Properties()
        {
            if (WrongType("[1]")) return;
            Text("{");
            for (var k = random.Next(4) - 1; k >= 0; k--)
            {
                Text($"\"{(faults && Now(10) ? "a" : "p" + k)}\":");
                Value(1);
                Text(k > 0 ? "," : "");
            }

            Text("}");
        }

        void Sources()
        {
            if (WrongType("{}")) return;
            var citations = Enumerable.Range(0, random.Next(4)).Select(_ =>
            {
                if (Now(10)) return "null";
                var document = Now(10) ? "null" : $"\"d-{random.Next(3)}\"";
                var paragraph = faults && Now(5) ? "1.5" : Now(10) ? "null" : random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
                var members = new List<string> { $"\"document\":{document}", $"\"paragraph\":{paragraph}" };
                if (Now(50)) members.Reverse();
                if (faults && Now(5)) members.Add("\"page\":1");
                return "{" + string.Join(",", members) + "}";
            });
            Text("[" + string.Join(",", citations) + "]");
        }

        var count = random.Next(1, 5);
        for (var r = 0; r < count; r++)
        {
            if (r > 0)
            {
                // A comment between two elements is left to the serializer, so only faulty runs have one.
                Text(faults && Now(10) ? " /* between */ ," : " ,\n\t");
            }

            if (Now(5))
            {
                Text("null");
                continue;
            }

            if (faults && Now(3))
            {
                Value(0);
                continue;
            }

            Text("{");
            var members = StringMembers.Concat(["properties", "sources"]).Where(_ => Now(70)).OrderBy(_ => random.Next()).ToList();
            if (faults && Now(10)) members.Insert(random.Next(members.Count + 1), Now(50) ? "extra" : "Type");
            if (faults && Now(10) && members.Count > 0) members.Add(members[random.Next(members.Count)]);
            for (var m = 0; m < members.Count; m++)
            {
                Text(m > 0 ? "," : "");
                Member(members[m]);
            }

            Text("}");
        }

        return [.. bytes];
    }

    private static string Escaped(string name) => string.Concat(name.Select(c => $"\\u{(int)c:x4}"));
}
