using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Api.Index;

/// <summary>
/// A string's JSON form, escaped as every answer escapes (<see cref="Encoder"/>) and encoded as
/// UTF-8 once, without its quotes. Unlike <see cref="JsonEncodedText"/> it holds only the bytes:
/// JsonEncodedText also keeps a string made from them, a second copy of every id and name in the
/// index (1.2 million strings, about 50 MB, for a million relationships).
/// </summary>
public readonly struct JsonText(byte[] utf8)
{
    /// <summary>
    /// How every answer escapes its strings: only what JSON requires (quotes, backslashes, control
    /// characters; characters outside the Basic Multilingual Plane as surrogate pairs). The default
    /// encoder also escapes every non-ASCII letter and HTML's characters, so "Беларусь" took six bytes a
    /// letter and an apostrophe came out as \u0027; answers are JSON, never HTML, so neither is needed.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public ReadOnlySpan<byte> Utf8 => utf8;

    [MethodImpl(LoadingCode.Optimised)]
    public static JsonText Encode(string text)
    {
        // Most ids and names need no escaping: their UTF-8 bytes are the JSON form.
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoder.FindFirstCharacterToEncodeUtf8(bytes) < 0
            ? new JsonText(bytes)
            : new JsonText(JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes.ToArray());
    }
}
