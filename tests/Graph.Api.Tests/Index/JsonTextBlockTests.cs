using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

/// <summary>
/// Texts written into one shared block read back as the JSON form each has on its own, whatever the
/// layout order and whichever texts need escaping; and the index's nodes carry those forms.
/// </summary>
public sealed class JsonTextBlockTests
{
    private static readonly string[] Awkward =
    [
        "", "plain-id-0001", "quote \" and backslash \\", "a\\b", "say \"hi\"", "tab\tnew line\ncontrol \u0001", "<html> & 'apostrophe'",
        "Беларусь", "中国–白俄罗斯工业园", "emoji 👍 pair", new string('x', 300) + "é", "lone \uD800 surrogate",
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)), "every printable ASCII but the quote and backslash: !#$%&'()*+,-./:;<=>?@[]^_`{|}~",
    ];

    [Theory]
    [InlineData(1, false)]
    [InlineData(10, false)]
    [InlineData(2000, false)]
    [InlineData(2000, true)]
    public void Each_text_reads_back_as_its_own_JSON_form_laid_out_in_any_order(int count, bool shuffled)
    {
        var random = new Random(count);
        var texts = Enumerable.Range(0, count)
            .Select(i => random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] : $"rel-{random.Next():D10}")
            .ToArray();
        var order = Enumerable.Range(0, count).ToArray();
        if (shuffled) random.Shuffle(order);

        var block = new JsonTextBlock(count, i => texts[i]).LaidOut(shuffled ? order : null);
        var written = new JsonText[count];
        Parallel.For(0, count, p => written[order[p]] = block.Write(p, texts[order[p]]));

        for (var i = 0; i < count; i++) Assert.Equal(Expected(texts[i]), written[i].Utf8.ToArray());

        // One after another in the order asked, in one array.
        for (var p = 1; p < count; p++)
        {
            var before = written[order[p - 1]].Utf8;
            var after = written[order[p]].Utf8;
            Assert.Equal((nint)before.Length, Unsafe.ByteOffset(ref MemoryMarshal.GetReference(before), ref MemoryMarshal.GetReference(after)));
        }
    }

    /// <summary>
    /// The writer's escaping of the text, as answers have it; a lone surrogate, which UTF-8 has no form for,
    /// as the replacement character's bytes, which is what encoding the text as UTF-8 gives.
    /// </summary>
    private static byte[] Expected(string text) => text.Contains('\uD800', StringComparison.Ordinal)
        ? Encoding.UTF8.GetBytes(text)
        : JsonEncodedText.Encode(text, JsonText.Encoder).EncodedUtf8Bytes.ToArray();

    [Fact]
    public void The_index_nodes_carry_their_ids_and_names_as_JSON()
    {
        var entities = Awkward.Select((name, i) => new Entity($"e{i:D2}", EntityKind.Topic, name.Length == 0 ? "empty" : name, [], "", [], ValidTime.Always)).ToArray();
        var relationships = Enumerable.Range(0, 50)
            .Select(i => new Relationship(i % 7 == 0 ? $"r\"{i:D2}" : $"r-{i:D2}", RelationshipType.ParticipatesIn, entities[i % entities.Length].Id, entities[(i * 3 + 1) % entities.Length].Id,
                null, ValidTime.Always, [], []))
            .ToArray();

        var index = GraphIndex.Build(entities, relationships);

        Assert.All(index.Entities, e =>
        {
            Assert.Equal(Expected(e.Id), e.IdJson.Utf8.ToArray());
            Assert.Equal(Expected(e.Entity.Name), e.NameJson.Utf8.ToArray());
        });
        Assert.Equal(relationships.Length, index.Relationships.Count);
        Assert.All(index.Relationships, r => Assert.Equal(Expected(r.Id), r.IdJson.Utf8.ToArray()));
        Assert.Contains(index.Relationships, r => r.IdJson.Utf8.SequenceEqual("r\\\"07"u8));
    }
}
