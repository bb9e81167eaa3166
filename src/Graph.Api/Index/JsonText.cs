using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Api.Index;

/// <summary>
/// A string's JSON form, escaped as every answer escapes (<see cref="Encoder"/>) and encoded as
/// UTF-8 once, without its quotes: a slice of a block of bytes, which the index shares among many texts
/// (<see cref="JsonTextBlock"/>): an array, or the relationships' ids where a restart mapped them in a seed snapshot
/// (<see cref="Import.MappedMemory{T}"/>). Unlike <see cref="JsonEncodedText"/> it holds only the bytes:
/// JsonEncodedText also keeps a string made from them, a second copy of every id and name in the
/// index (1.2 million strings, about 50 MB, for a million relationships).
/// </summary>
public readonly struct JsonText
{
    // As small as the array, start and length it was (16 bytes): an entity node keeps two.
    private readonly ReadOnlyMemory<byte> bytes;

    internal JsonText(byte[] block, int start, int length) => bytes = new(block, start, length);

    internal JsonText(ReadOnlyMemory<byte> block, int start, int length) => bytes = block.Slice(start, length);

    /// <summary>
    /// How every answer escapes its strings: only what JSON requires (quotes, backslashes, control
    /// characters; characters outside the Basic Multilingual Plane as surrogate pairs). The default
    /// encoder also escapes every non-ASCII letter and HTML's characters, so "Беларусь" took six bytes a
    /// letter and an apostrophe came out as \u0027; answers are JSON, never HTML, so neither is needed.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public ReadOnlySpan<byte> Utf8
    {
        // Taken into a plan's code, which is compiled with no profile to tell the compiler it is hot (PlanCode).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get =>
        // A mapped text is asked for its span through its own sealed type, a call the compiler makes directly, not through the
        // memory's virtual one.
        MemoryMarshal.TryGetMemoryManager(bytes, out Import.MappedMemory<byte>? mapped, out var start, out var length)
            ? mapped.GetSpan().Slice(start, length) : bytes.Span;
    }

    /// <summary>
    /// The block the text lies in, shared with other texts (a relationship's row keeps its place among the index's blocks),
    /// and where in it the text begins.
    /// </summary>
    internal (ReadOnlyMemory<byte> Block, int Start) Place =>
        MemoryMarshal.TryGetArray(bytes, out var segment) ? (segment.Array, segment.Offset)
        : MemoryMarshal.TryGetMemoryManager<byte, MemoryManager<byte>>(bytes, out var manager, out var start, out _) ? (manager.Memory, start)
        : throw new InvalidOperationException("A text lies in an array or in mapped memory.");

    /// <summary>The text's length in bytes.</summary>
    internal int Length => bytes.Length;

    /// <summary>The string this is the JSON form of, made anew: the index keeps a relationship's id only as its text.</summary>
    public string Decoded()
    {
        var utf8 = Utf8;
        if (!utf8.Contains((byte)'\\')) return Encoding.UTF8.GetString(utf8);
        // Escaped (an id with a quote or a control character, which the seed's rules do not let in): read as JSON reads it.
        var quoted = new byte[utf8.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        utf8.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// How the string this is the JSON form of sorts against <paramref name="other"/>, as <see cref="string.CompareOrdinal(string, string)"/>
    /// would, without making it when both are ASCII and unescaped (a binary search over a million ids makes no string a step).
    /// </summary>
    public int CompareOrdinal(string other)
    {
        var utf8 = Utf8;
        var shorter = Math.Min(utf8.Length, other.Length);
        for (var i = 0; i < shorter; i++)
        {
            int left = utf8[i], right = other[i];
            if (left >= 0x80 || right >= 0x80 || left == '\\') return string.CompareOrdinal(Decoded(), other);
            if (left != right) return left - right;
        }

        // The first characters are equal; whatever follows on the longer side (an escape or a letter beyond ASCII too) is at
        // least one more character, so the longer sorts last.
        return utf8.Length - other.Length;
    }
}
