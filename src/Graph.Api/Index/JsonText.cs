using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Api.Index;

/// <summary>
/// A string's JSON form, escaped as every answer escapes (<see cref="Encoder"/>) and encoded as
/// UTF-8 once, without its quotes: a slice of a byte array, which the index shares among many texts
/// (<see cref="JsonTextBlock"/>). Unlike <see cref="JsonEncodedText"/> it holds only the bytes:
/// JsonEncodedText also keeps a string made from them, a second copy of every id and name in the
/// index (1.2 million strings, about 50 MB, for a million relationships).
/// </summary>
public readonly struct JsonText
{
    private readonly byte[]? bytes;
    private readonly int start;
    private readonly int length;

    internal JsonText(byte[] block, int start, int length) => (bytes, this.start, this.length) = (block, start, length);

    /// <summary>
    /// How every answer escapes its strings: only what JSON requires (quotes, backslashes, control
    /// characters; characters outside the Basic Multilingual Plane as surrogate pairs). The default
    /// encoder also escapes every non-ASCII letter and HTML's characters, so "Беларусь" took six bytes a
    /// letter and an apostrophe came out as \u0027; answers are JSON, never HTML, so neither is needed.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public ReadOnlySpan<byte> Utf8 => new(bytes, start, length);
}
