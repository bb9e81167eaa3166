using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Api.Index;

namespace Graph.Api.Execution;

/// <summary>
/// The compiled plans' JSON writer: a pooled byte buffer and bytes copied in. The plans emit objects
/// and arrays in matched pairs, and the separators with them (an object's commas are part of its
/// field names, a list writes its own), so nothing here checks the structure or tracks whether a
/// comma is due; what Utf8JsonWriter spends on that (and on its general bookkeeping) was most of
/// the time a large answer took — 187 µs against 31 µs for the same bytes copied, for a
/// neighbourhood's 1,140 relationships. Strings are escaped exactly as Utf8JsonWriter escapes them
/// with <see cref="JsonText.Encoder"/>.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private static readonly JavaScriptEncoder Encoder = JsonText.Encoder;
    private byte[] buffer;
    private int position;

    public JsonOutput(int sizeHint) => buffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, 256));

    public int WrittenCount => position;

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, position);

    /// <summary>A property name as written: quoted, escaped, followed by the colon.</summary>
    public static byte[] PropertyName(string name) => [(byte)'"', .. JsonEncodedText.Encode(name, Encoder).EncodedUtf8Bytes, (byte)'"', (byte)':'];

    public void WriteStartObject() => WriteByte((byte)'{');

    public void WriteEndObject() => WriteByte((byte)'}');

    public void WriteStartArray() => WriteByte((byte)'[');

    public void WriteEndArray() => WriteByte((byte)']');

    /// <summary>The comma between two items of a list.</summary>
    public void WriteSeparator() => WriteByte((byte)',');

    /// <summary>
    /// Bytes that are already JSON: a name with the punctuation around it (<see cref="SelectionPlan.Names"/>),
    /// or a string's encoded content between quotes the plan writes.
    /// </summary>
    /// <remarks>
    /// Always taken into its caller: a plan's code (<see cref="PlanCode"/>) is compiled once, with no profile to tell the
    /// compiler which calls are hot, and called, this and the calls inside it were a fifth of a neighbourhood's time.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        var target = Reserve(bytes.Length);
        if (bytes.Length <= 16) CopySmall(bytes, target);
        else bytes.CopyTo(target);
        position += bytes.Length;
    }

    public void WriteStringValue(JsonEncodedText text) => WriteQuoted(text.EncodedUtf8Bytes);

    public void WriteStringValue(JsonText text) => WriteQuoted(text.Utf8);

    public void WriteStringValue(string text)
    {
        // Most text needs no escaping: transcode it straight in, and only when the encoder finds a
        // character to escape write the encoded form instead. (A lone surrogate transcodes to U+FFFD,
        // which is not ASCII, so it too takes the encoder's path and fails there as it always did.)
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
        if (Encoding.UTF8.TryGetBytes(text, span[1..], out var length) && Encoder.FindFirstCharacterToEncodeUtf8(span.Slice(1, length)) < 0)
        {
            span[0] = (byte)'"';
            span[length + 1] = (byte)'"';
            position += length + 2;
            return;
        }

        WriteStringValue(JsonEncodedText.Encode(text, Encoder));
    }

    public void WriteNumberValue(int value) => WriteFormatted(value);

    public void WriteNumberValue(long value) => WriteFormatted(value);

    public void WriteNumberValue(decimal value) => WriteFormatted(value);

    public void WriteNumberValue(double value)
    {
        if (!double.IsFinite(value)) throw new FallBackException("a number JSON cannot hold");
        WriteFormatted(value);
    }

    public void WriteNumberValue(float value)
    {
        if (!float.IsFinite(value)) throw new FallBackException("a number JSON cannot hold");
        WriteFormatted(value);
    }

    public void WriteBooleanValue(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    public void WriteNullValue() => WriteRaw("null"u8);

    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        if (rented.Length > 0) ArrayPool<byte>.Shared.Return(rented);
    }

    private void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        position++;
    }

    private void WriteQuoted(ReadOnlySpan<byte> encoded)
    {
        var span = Reserve(encoded.Length + 2);
        span[0] = (byte)'"';
        encoded.CopyTo(span[1..]);
        span[encoded.Length + 1] = (byte)'"';
        position += encoded.Length + 2;
    }

    private void WriteFormatted<T>(T value)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(Reserve(64), out var written, default, CultureInfo.InvariantCulture)) throw new FallBackException("number too long");
        position += written;
    }

    /// <summary>
    /// Copies up to 16 bytes as two overlapping words (or halves, or bytes) in place. Most pieces are a name
    /// with its punctuation or an id of that size, and the general copy is a call that first sorts out the
    /// length: for a neighbourhood's 16,000 pieces, 39–43 µs against 27 µs this way (RawPieceBenchmarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopySmall(ReadOnlySpan<byte> bytes, Span<byte> target)
    {
        var length = bytes.Length;
        ref var from = ref MemoryMarshal.GetReference(bytes);
        ref var to = ref MemoryMarshal.GetReference(target);
        if (length >= 8)
        {
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ulong>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - 8)));
        }
        else if (length >= 4)
        {
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<uint>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4)));
        }
        else
        {
            for (var i = 0; i < length; i++) Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
        }
    }

    /// <summary>Room for the next <paramref name="length"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int length)
    {
        if (buffer.Length - position < length) Grow(length);
        // In range: position never passes the buffer's length.
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), position), buffer.Length - position);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int length)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, position + length));
        buffer.AsSpan(0, position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }
}
