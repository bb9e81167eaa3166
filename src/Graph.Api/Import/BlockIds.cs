using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Api.Index;

namespace Graph.Api.Import;

/// <summary>
/// The ids of one block of a seed snapshot's relationships (<see cref="SeedSnapshotFormat"/>): their UTF-8 bytes one
/// after another, kept as one array that the rows refer to as their ids' JSON text (<see cref="JsonText"/>), and
/// handed out row by row. Ids the seed's rules let in are their own JSON text; a block with any other is encoded id by id
/// into an array of its own.
/// </summary>
internal sealed class BlockIds
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] bytes;
    private readonly bool plain;
    private ArrayBufferWriter<byte>? encoded;
    private int taken;

    /// <summary>Reads the block's ids, which lead it: their length in bytes, then the bytes.</summary>
    public BlockIds(BinaryReader block)
    {
        var length = block.ReadInt32();
        if (length < 0 || length > block.BaseStream.Length - block.BaseStream.Position) throw new InvalidDataException("A block's ids exceed it.");
        bytes = block.ReadBytes(length);
        // One vectorised scan: nothing to escape, and well-formed UTF-8 (the encoder flags any byte that is not).
        plain = JsonText.Encoder.FindFirstCharacterToEncodeUtf8(bytes) < 0;
    }

    /// <summary>Whether the rows took every byte of the ids.</summary>
    public bool AllTaken => taken == bytes.Length;

    /// <summary>The block's ids' JSON text, one after another, in which <see cref="Next"/> gave each one's place.</summary>
    public byte[] Text => plain || encoded is null ? bytes : encoded.WrittenSpan.ToArray();

    /// <summary>The place in <see cref="Text"/> of the next row's id, <paramref name="length"/> bytes long as read.</summary>
    public (int Start, int Length) Next(int length)
    {
        if (length < 0 || length > bytes.Length - taken) throw new InvalidDataException("An id exceeds its block's ids.");
        var start = taken;
        taken += length;
        if (plain) return (start, length);
        var text = JsonEncodedText.Encode(Utf8.GetString(bytes, start, length), JsonText.Encoder).EncodedUtf8Bytes;
        encoded ??= new ArrayBufferWriter<byte>(bytes.Length + 16);
        var place = encoded.WrittenCount;
        encoded.Write(text);
        return (place, text.Length);
    }
}
