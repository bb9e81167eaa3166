using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Api.Index;

/// <summary>
/// A string's JSON form, escaped as <see cref="Utf8JsonWriter"/> escapes by default and encoded as
/// UTF-8 once, without its quotes. Unlike <see cref="JsonEncodedText"/> it holds only the bytes:
/// JsonEncodedText also keeps a string made from them, a second copy of every id and name in the
/// index (1.2 million strings, about 50 MB, for a million relationships).
/// </summary>
public readonly struct JsonText(byte[] utf8)
{
    public ReadOnlySpan<byte> Utf8 => utf8;

    public static JsonText Encode(string text)
    {
        // Most ids and names are plain ASCII that needs no escaping: their UTF-8 bytes are the JSON form.
        var bytes = Encoding.UTF8.GetBytes(text);
        return JavaScriptEncoder.Default.FindFirstCharacterToEncodeUtf8(bytes) < 0
            ? new JsonText(bytes)
            : new JsonText(JsonEncodedText.Encode(text).EncodedUtf8Bytes.ToArray());
    }
}
