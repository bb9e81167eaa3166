using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Api.Execution;
using Graph.Api.Index;

namespace Graph.Api.Tests.Execution;

/// <summary>
/// The plans' writer must produce the very bytes Utf8JsonWriter produces with the answers' escaping
/// (<see cref="JsonText.Encoder"/>), given the separators it leaves to its callers.
/// </summary>
public sealed class JsonOutputTests
{
    public static TheoryData<string> Texts() =>
    [
        "", "plain ascii", "quote \" and backslash \\", "tab\tnew line\ncontrol \u0001", "<html> & 'apostrophe' + `tick`",
        "Беларусь", "中国–白俄罗斯工业园", "accents: é à ü", "emoji 👍 pair", "max \uFFFF", new string('x', 5000) + "é",
        "lone \uD800 surrogate", "reversed \uDC00\uD800 pair",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Strings_are_escaped_as_Utf8JsonWriter_escapes_them(string text)
    {
        Assert.Equal(Expected(w => { w.WriteStartArray(); w.WriteStringValue(text); w.WriteStringValue(text); w.WriteEndArray(); }),
            Actual(o => { o.WriteStartArray(); o.WriteStringValue(text); o.WriteSeparator(); o.WriteStringValue(JsonEncodedText.Encode(text, JsonText.Encoder)); o.WriteEndArray(); }));
    }

    [Fact]
    public void Objects_arrays_numbers_and_literals_match_byte_for_byte()
    {
        var expected = Expected(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("data");
            w.WriteStartObject();
            w.WritePropertyName("n\u00e9");
            w.WriteStartArray();
            w.WriteNumberValue(0);
            w.WriteNumberValue(-17);
            w.WriteNumberValue(long.MaxValue);
            w.WriteNumberValue(0.1);
            w.WriteNumberValue(1e300);
            w.WriteNumberValue(-2.5f);
            w.WriteNumberValue(12.50m);
            w.WriteBooleanValue(true);
            w.WriteBooleanValue(false);
            w.WriteNullValue();
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndArray();
            w.WritePropertyName("after");
            w.WriteStringValue("x");
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var actual = Actual(o =>
        {
            o.WriteStartObject();
            o.WriteRaw(JsonOutput.PropertyName("data"));
            o.WriteStartObject();
            o.WriteRaw(JsonOutput.PropertyName("n\u00e9"));
            o.WriteStartArray();
            o.WriteNumberValue(0);
            o.WriteSeparator();
            o.WriteNumberValue(-17);
            o.WriteSeparator();
            o.WriteNumberValue(long.MaxValue);
            o.WriteSeparator();
            o.WriteNumberValue(0.1);
            o.WriteSeparator();
            o.WriteNumberValue(1e300);
            o.WriteSeparator();
            o.WriteNumberValue(-2.5f);
            o.WriteSeparator();
            o.WriteNumberValue(12.50m);
            o.WriteSeparator();
            o.WriteBooleanValue(true);
            o.WriteSeparator();
            o.WriteBooleanValue(false);
            o.WriteSeparator();
            o.WriteNullValue();
            o.WriteSeparator();
            o.WriteStartObject();
            o.WriteEndObject();
            o.WriteSeparator();
            o.WriteStartArray();
            o.WriteEndArray();
            o.WriteEndArray();
            o.WriteSeparator();
            o.WriteRaw(JsonOutput.PropertyName("after"));
            o.WriteStringValue("x");
            o.WriteEndObject();
            o.WriteEndObject();
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Numbers_JSON_cannot_hold_hand_the_request_back() =>
        Assert.Throws<FallBackException>(() => Actual(o => o.WriteNumberValue(double.NaN)));

    [Fact]
    public void The_buffer_grows_past_its_first_size_and_keeps_what_was_written()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => $"item {i}").ToArray();
        Assert.Equal(Expected(w => { w.WriteStartArray(); foreach (var item in items) w.WriteStringValue(item); w.WriteEndArray(); }),
            Actual(o =>
            {
                o.WriteStartArray();
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0) o.WriteSeparator();
                    o.WriteStringValue(items[i]);
                }

                o.WriteEndArray();
            }));
    }

    [Fact]
    public void Raw_pieces_of_every_length_follow_each_other_exactly()
    {
        // Lengths on both sides of each way a piece is copied (bytes, halves, words, the general copy), each
        // written after a piece of every other length, so a copy that runs short or past its end shows.
        var pieces = Enumerable.Range(0, 40).Select(length => Encoding.ASCII.GetBytes(new string((char)('A' + (length % 26)), Math.Max(length - 1, 0)) + (length > 0 ? "|" : ""))).ToArray();
        var expected = new StringBuilder();
        var actual = Actual(o =>
        {
            foreach (var first in pieces)
            {
                foreach (var second in pieces)
                {
                    o.WriteRaw(first);
                    o.WriteRaw(second);
                    expected.Append(Encoding.ASCII.GetString(first)).Append(Encoding.ASCII.GetString(second));
                }
            }
        });

        Assert.Equal(expected.ToString(), actual);
    }

    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JsonText.Encoder })) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Actual(Action<JsonOutput> write)
    {
        using var output = new JsonOutput(16);
        write(output);
        return Encoding.UTF8.GetString(output.WrittenMemory.Span);
    }
}
