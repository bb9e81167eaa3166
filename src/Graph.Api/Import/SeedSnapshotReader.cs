using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>
/// Reads a seed snapshot (<see cref="SeedSnapshotFormat"/>) back into the rows it was written from, with
/// the same sharing: each relationship's ends are its entities' own id strings, and rows that shared a
/// list or a date text share it again. A snapshot is used only when it is whole (its payload hash holds)
/// and its fingerprint is the expected one; anything else is refused with the reason, never half-read.
/// </summary>
internal static class SeedSnapshotReader
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (List<EntityRecord> Entities, List<RelationshipRecord> Relationships)? Read(string path, SeedFingerprint expected, out string? refusal)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            refusal = "there is none yet";
            return null;
        }

        var header = new SpanReader(bytes);
        if (bytes.Length < SeedSnapshotFormat.HeaderBytes || !header.Bytes(SeedSnapshotFormat.Magic.Length).SequenceEqual(SeedSnapshotFormat.Magic))
        {
            refusal = "it is not a snapshot file";
            return null;
        }

        if (header.Int() != SeedSnapshotFormat.Version
            || new SeedFingerprint(new Guid(header.Bytes(16)), header.Long(), header.Hash()) != expected)
        {
            refusal = "it was made from another seed file or by another build";
            return null;
        }

        if (header.Hash() != XxHash128.HashToUInt128(bytes.AsSpan(SeedSnapshotFormat.HeaderBytes)))
        {
            refusal = "it is damaged (its contents do not match their hash)";
            return null;
        }

        try
        {
            var rows = Rows(bytes.AsMemory(SeedSnapshotFormat.HeaderBytes));
            refusal = null;
            return rows;
        }
        catch (Exception ex) when (Unreadable(ex) is { } reason)
        {
            // Only a file written by another program with the same hash gets here.
            refusal = $"it cannot be read ({reason.Message})";
            return null;
        }
    }

    private static (List<EntityRecord>, List<RelationshipRecord>) Rows(ReadOnlyMemory<byte> payload)
    {
        var reader = new SpanReader(payload.Span);
        var strings = new string[reader.Count()];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.String();

        var propertyLists = new TypedProperty[reader.Count()][];
        for (var i = 0; i < propertyLists.Length; i++)
        {
            var list = propertyLists[i] = new TypedProperty[reader.Count()];
            for (var j = 0; j < list.Length; j++) list[j] = new TypedProperty(strings[reader.Int()], reader.Enum<PropertyValueType>(), strings[reader.Int()]);
        }

        var citationLists = new Citation[reader.Count()][];
        for (var i = 0; i < citationLists.Length; i++)
        {
            var list = citationLists[i] = new Citation[reader.Count()];
            for (var j = 0; j < list.Length; j++) list[j] = new Citation(strings[reader.Int()], reader.Int());
        }

        var entities = new List<EntityRecord>(reader.Count());
        for (var i = entities.Capacity; i > 0; i--)
        {
            var (id, kind, name) = (reader.String(), reader.Enum<EntityKind>(), reader.String());
            var aliases = new string[reader.Count()];
            for (var j = 0; j < aliases.Length; j++) aliases[j] = reader.String();
            entities.Add(new EntityRecord
            {
                Id = id, Kind = kind, Name = name, Aliases = aliases, Description = reader.String(), Properties = propertyLists[reader.Int()],
                ValidFrom = Optional(strings, reader.Int()), ValidTo = Optional(strings, reader.Int()),
            });
        }

        // The blocks are found one after another, then read on every core.
        var relationshipCount = reader.Count();
        var blocks = new List<(int Rows, int Start, int Length)>();
        for (var rows = 0; rows < relationshipCount; rows += blocks[^1].Rows)
        {
            var (blockRows, length) = (reader.Count(), reader.Count());
            if (blockRows == 0) throw new InvalidDataException("A block holds no rows.");
            blocks.Add((blockRows, reader.Position, length));
            reader.Bytes(length);
        }

        if (!reader.AtEnd) throw new InvalidDataException("Bytes follow the last relationship.");
        // The ends' ids side by side: a relationship then reads its ends' strings from one small array, not from two entity rows anywhere in memory.
        var entityIds = entities.ConvertAll(e => e.Id).ToArray();
        var read = new RelationshipRecord[blocks.Count][];
        Parallel.For(0, blocks.Count, b =>
        {
            var block = new SpanReader(payload.Span.Slice(blocks[b].Start, blocks[b].Length));
            var records = read[b] = new RelationshipRecord[blocks[b].Rows];
            for (var i = 0; i < records.Length; i++) records[i] = Relationship(ref block, entityIds, strings, propertyLists, citationLists);
            if (!block.AtEnd) throw new InvalidDataException("A block is longer than its rows.");
        });

        var relationships = new List<RelationshipRecord>(relationshipCount);
        foreach (var records in read) relationships.AddRange(records);
        return relationships.Count == relationshipCount ? (entities, relationships) : throw new InvalidDataException("The blocks do not hold the rows counted.");
    }

    private static RelationshipRecord Relationship(
        ref SpanReader reader, string[] entityIds, string[] strings, TypedProperty[][] propertyLists, Citation[][] citationLists) => new()
    {
        Id = reader.String(), Type = reader.Enum<RelationshipType>(), FromId = entityIds[reader.Int()], ToId = entityIds[reader.Int()],
        Description = reader.Bool() ? reader.String() : null, ValidFrom = Optional(strings, reader.Int()), ValidTo = Optional(strings, reader.Int()),
        Properties = propertyLists[reader.Int()], Sources = citationLists[reader.Int()],
    };

    /// <summary>The error a malformed payload raised, also from inside the parallel read; null for any other.</summary>
    private static Exception? Unreadable(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Select(Unreadable).FirstOrDefault(e => e is not null),
        InvalidDataException or IndexOutOfRangeException or ArgumentException or DecoderFallbackException => ex,
        _ => null,
    };

    private static string? Optional(string[] strings, int position) => position == SeedSnapshotFormat.None ? null : strings[position];

    /// <summary>An enum's members by their number (null where no member has it), for a check cheaper than Enum.IsDefined on every row.</summary>
    private static class Defined<T>
        where T : struct, Enum
    {
        public static readonly T?[] Values = Table();

        private static T?[] Table()
        {
            var members = System.Enum.GetValues<T>();
            var table = new T?[members.Max(m => Convert.ToInt32(m, System.Globalization.CultureInfo.InvariantCulture)) + 1];
            foreach (var member in members) table[Convert.ToInt32(member, System.Globalization.CultureInfo.InvariantCulture)] = member;
            return table;
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, straight from the file's bytes.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int position;

        public readonly bool AtEnd => position == bytes.Length;

        public readonly int Position => position;

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length > bytes.Length - position) throw new InvalidDataException("The file ends early.");
            var span = bytes.Slice(position, length);
            position += length;
            return span;
        }

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public UInt128 Hash()
        {
            var lower = BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));
            return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8)), lower);
        }

        public bool Bool() => Bytes(1)[0] != 0;

        /// <summary>A count of items still to come: each takes at least a byte, so no count exceeds what is left.</summary>
        public int Count()
        {
            var count = Int();
            if (count < 0 || count > bytes.Length - position) throw new InvalidDataException("A count exceeds the file.");
            return count;
        }

        public T Enum<T>() where T : struct, Enum
        {
            var value = Int();
            return (uint)value < (uint)Defined<T>.Values.Length && Defined<T>.Values[value] is { } item
                ? item
                : throw new InvalidDataException($"{value} is not a {typeof(T).Name}.");
        }

        /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: its UTF-8 length, seven bits a byte, then the bytes.</summary>
        public string String()
        {
            int length = 0, shift = 0;
            byte next;
            do
            {
                if (shift > 28) throw new InvalidDataException("A string's length is malformed.");
                next = Bytes(1)[0];
                length |= (next & 0x7F) << shift;
                shift += 7;
            }
            while ((next & 0x80) != 0);

            return length < 0 ? throw new InvalidDataException("A string's length is malformed.") : Utf8.GetString(Bytes(length));
        }
    }
}
