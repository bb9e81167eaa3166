using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>
/// The ids of a file's entities, found by their UTF-8 text as the relationships are read: each gives
/// the id as one shared string and the entity's position among the file's entities. A relationship's
/// two ends were looked up three times by their text (as shared strings while reading, as ends while
/// checking, as nodes while indexing), each time in a table of a hundred thousand entries scattered over
/// the heap; for a million relationships that was a fifth of a start's CPU time (bench/HISTORY.md, round
/// 36). This table replaces the first: each slot of one flat array holds the id, its position and the
/// first bytes of its text, so a search mostly reads one slot. The position replaces the second with an
/// array; the index still finds each end's node by id.
/// </summary>
/// <remarks>
/// Built from the part of the file before the relationships (where the entities usually are) by a pass
/// of the reader that makes no objects but the ids. It only guesses, and what it finds is a hint: the
/// validator trusts a position only when the entity there has the very same id string
/// (<see cref="ImportChecks.CheckEnd"/>), so a file this pass misreads (an escaped id, an id given
/// twice) is checked the usual way, and a file without entities before its relationships gets an empty table.
/// </remarks>
internal sealed class EntityIdTable
{
    // Ids longer than this are not shared strings (InternedStringConverter) and are left to the usual lookup;
    // so are ids that are not ASCII (no well-formed id is), so the text's bytes can be compared with the id's chars.
    private const int MaxIdBytes = 128;

    // At most this many ids (a table of 100 MB): a file with more entities gets positions for its first
    // ones only, and the rest are found as before, rather than a table that grows with the file unbounded.
    internal const int MaxIds = 1 << 20;

    private readonly Slot[] slots;
    private readonly int mask;

    private EntityIdTable(List<(string Id, int Position)> ids)
    {
        // At most half full, so a search ends after a probe or two.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, ids.Count * 2));
        slots = new Slot[size];
        mask = size - 1;
        Span<byte> utf8 = stackalloc byte[MaxIdBytes];
        foreach (var (id, position) in ids)
        {
            Ascii.FromUtf16(id, utf8, out var length);
            var key = Key.Of(utf8[..length]);
            var slot = key.Hash & mask;
            while (slots[slot].Id is { } taken && taken != id) slot = (slot + 1) & mask;
            // An id given twice keeps its first position, as the validator's table of ends does.
            if (slots[slot].Id is null) slots[slot] = new Slot(id, position, key);
        }
    }

    /// <summary>A table of no ids: every end is looked up the usual way.</summary>
    public static EntityIdTable None { get; } = new([]);

    /// <summary>
    /// The entities' ids in <paramref name="beforeRelationships"/> (the file up to where its relationships
    /// begin; the first <paramref name="maxIds"/> of them), each also put into <paramref name="pool"/>, so
    /// the entities read from that text get the same strings as the relationships that name them.
    /// </summary>
    public static EntityIdTable Read(byte[] beforeRelationships, JsonReaderOptions options, ConcurrentDictionary<string, string> pool, int maxIds = MaxIds)
    {
        var ids = new List<(string Id, int Position)>();
        try
        {
            Scan(beforeRelationships, options, ids, maxIds);
        }
        catch (JsonException)
        {
            // Malformed text is the file reader's to report; the ids found before it are still good hints.
        }

        if (ids.Count == 0) return None;
        for (var i = 0; i < ids.Count; i++) ids[i] = (pool.GetOrAdd(ids[i].Id, ids[i].Id), ids[i].Position);
        return new EntityIdTable(ids);
    }

    /// <summary>The shared id string and the entity's position for an id's UTF-8 text (unescaped), if the table has it.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    public bool TryFind(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? id, out int position)
    {
        if (utf8.Length <= MaxIdBytes)
        {
            var key = Key.Of(utf8);
            for (var slot = key.Hash & mask; slots[slot].Id is { } candidate; slot = (slot + 1) & mask)
            {
                if (!slots[slot].Key.Equals(key) || (utf8.Length > Key.Bytes && !Ascii.Equals(utf8, candidate))) continue;
                (id, position) = (candidate, slots[slot].Position);
                return true;
            }
        }

        (id, position) = (null, -1);
        return false;
    }

    /// <summary>
    /// An id's length and first bytes, held in its slot: most ids fit, and are then compared without
    /// reading the id string (which would be a second read of memory far away); a longer one also compares
    /// the string. The hash covers the whole text.
    /// </summary>
    private readonly record struct Key(int Length, int Hash, ulong First, ulong Second, ulong Third)
    {
        public const int Bytes = 3 * sizeof(ulong);

        public static Key Of(ReadOnlySpan<byte> utf8)
        {
            Span<byte> padded = stackalloc byte[Bytes];
            padded.Clear();
            utf8[..Math.Min(utf8.Length, Bytes)].CopyTo(padded);
            var hash = new HashCode();
            hash.AddBytes(utf8);
            return new Key(utf8.Length, hash.ToHashCode(),
                BinaryPrimitives.ReadUInt64LittleEndian(padded), BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]), BinaryPrimitives.ReadUInt64LittleEndian(padded[16..]));
        }
    }

    /// <summary>Each element of the top-level <c>entities</c> array in turn, with the plain (unescaped ASCII) id of those that are objects.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static void Scan(byte[] json, JsonReaderOptions options, List<(string Id, int Position)> ids, int maxIds)
    {
        // Not the final block: the text stops inside the file's object, where the relationships begin.
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var entities = reader.ValueTextEquals("entities"u8);
            if (!reader.Read()) return;
            if (!entities)
            {
                if (!reader.TrySkip()) return;
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray) return;
            for (var position = 0; ids.Count < maxIds && reader.Read() && reader.TokenType != JsonTokenType.EndArray; position++)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    if (!reader.TrySkip()) return;
                    continue;
                }

                if (!Members(ref reader, out var id)) return;
                if (id is not null) ids.Add((id, position));
            }

            return;
        }
    }

    /// <summary>Reads an entity object's members, the reader left on its end; the id if it is a plain ASCII string. False when the text ends first.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool Members(ref Utf8JsonReader reader, out string? id)
    {
        id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            if (!reader.Read()) return false;
            if (isId && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxIdBytes && Ascii.IsValid(reader.ValueSpan))
            {
                id = Encoding.ASCII.GetString(reader.ValueSpan);
            }
            else if (isId)
            {
                // Given in a form the table does not hold, or given again (which the file's reader refuses): no id here.
                id = null;
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private readonly record struct Slot(string? Id, int Position, Key Key);
}
