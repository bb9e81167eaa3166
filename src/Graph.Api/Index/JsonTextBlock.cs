using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Graph.Api.Index;

/// <summary>
/// Many texts' JSON forms (<see cref="JsonText"/>) in one byte array. A million relationship ids each
/// in an array of its own were a million objects for the start to allocate and the collector to trace
/// (40 bytes each for a 12-letter id, against 12 here). The texts are measured first, in their items'
/// order, then laid out in the order the index makes their nodes, which writes each in its place:
/// every step reads its arrays in order.
/// </summary>
internal sealed class JsonTextBlock
{
    /// <summary>
    /// Printable ASCII but the quote and the backslash: a text of only these (every synthetic id, most real
    /// ones) is its own JSON form, one byte a character, which a vectorised scan tells without encoding it.
    /// </summary>
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    private readonly int[] lengths;

    // Texts that need escaping (rare: a quote, a control character) keep their escaped bytes aside, in an array made when
    // the first one is found: one for every text was 8 MB for a million ids, nearly always empty.
    private byte[]?[]? escaped;
    private int[]? order;
    private int[] ends = [];
    private byte[] block = [];

    /// <summary>Measures the JSON forms of items 0 to <paramref name="count"/> - 1 on every core.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    public JsonTextBlock(int count, Func<int, string> text)
    {
        lengths = new int[count];
        Parallel.For(0, count, [MethodImpl(LoadingCode.Optimised)] (i) =>
        {
            var value = text(i);
            if (!value.AsSpan().ContainsAnyExcept(PlainAscii))
            {
                lengths[i] = value.Length;
                return;
            }

            if (EscapedOrNull(value) is not { } bytes)
            {
                lengths[i] = Encoding.UTF8.GetByteCount(value);
                return;
            }

            var aside = Volatile.Read(ref escaped) ?? Interlocked.CompareExchange(ref escaped, new byte[]?[count], null) ?? escaped;
            aside[i] = bytes;
            lengths[i] = bytes.Length;
        });
    }

    /// <summary>Places the texts one after another, item <c>order[0]</c> first; null for the items' own order.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    public JsonTextBlock LaidOut(int[]? itemsInOrder)
    {
        order = itemsInOrder;
        ends = new int[lengths.Length];
        var next = 0L;
        for (var p = 0; p < lengths.Length; p++) ends[p] = checked((int)(next += lengths[order is null ? p : order[p]]));
        block = GC.AllocateUninitializedArray<byte>((int)next);
        return this;
    }

    /// <summary>
    /// Writes the text at a place in the layout (the text of item <c>order[position]</c>, as it was measured);
    /// from any thread, once per place.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    public JsonText Write(int position, string text)
    {
        var start = position == 0 ? 0 : ends[position - 1];
        var place = block.AsSpan(start, ends[position] - start);
        if (escaped is { } aside && aside[order is null ? position : order[position]] is { } bytes) bytes.CopyTo(place);
        else Encoding.UTF8.GetBytes(text, place);
        return new JsonText(block, start, place.Length);
    }

    /// <summary>
    /// The text's escaped form when it needs escaping; null when its UTF-8 bytes are its JSON form (letters
    /// beyond ASCII, which answers write as they are).
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static byte[]? EscapedOrNull(string text)
    {
        Span<byte> utf8 = Encoding.UTF8.GetMaxByteCount(text.Length) <= 256 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetByteCount(text)];
        var written = Encoding.UTF8.GetBytes(text, utf8);
        return JsonText.Encoder.FindFirstCharacterToEncodeUtf8(utf8[..written]) < 0 ? null : JsonEncodedText.Encode(text, JsonText.Encoder).EncodedUtf8Bytes.ToArray();
    }
}
