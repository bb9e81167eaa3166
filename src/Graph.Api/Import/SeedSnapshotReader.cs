using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;
using Microsoft.Win32.SafeHandles;

namespace Graph.Api.Import;

/// <summary>
/// Reads a seed snapshot (<see cref="SeedSnapshotFormat"/>) back into the rows it was written from (the
/// relationships as rows of numbers, <see cref="RelationshipRow"/>, each one's ends as positions among the entities), with
/// the same sharing: rows that shared a list refer to one again, and rows with the same dates to one valid time, in the order
/// given; or, for a snapshot written with the index, into the index's columns, mapped (<see cref="SnapshotColumns"/>); and what
/// it kept beside them for the index (<see cref="PrebuiltParts"/>).
/// A snapshot is used only when it is whole (its payload hash holds) and its fingerprint is the expected
/// one; anything else is refused with the reason, never half-read.
/// </summary>
internal static class SeedSnapshotReader
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SeedSnapshot? Read(string path, SeedFingerprint expected, out string? refusal) => Read(path, Task.FromResult(expected), out refusal);

    /// <summary>
    /// The snapshot's rows, parsed while the seed file's fingerprint (<paramref name="expected"/>) and the snapshot's own hash
    /// are worked out on other cores; its columns are mapped, and the rows given, only once both hold. Parsing first is safe:
    /// the parser checks everything it reads, for a file another program wrote with a correct hash. A refusal gives the
    /// first reason of these that holds: not a snapshot, made from another seed file or by another build, damaged, unreadable.
    /// </summary>
    /// <remarks>A failure to work out <paramref name="expected"/> is the seed file's, and is thrown as it came.</remarks>
    public static SeedSnapshot? Read(string path, Task<SeedFingerprint> expected, out string? refusal)
    {
        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            refusal = "there is none yet";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refusal = $"it cannot be opened ({ex.Message})";
            return null;
        }

        // Closed once read: a mapping of its columns keeps what it needs of the file.
        using (file)
        {
            long length;
            Header? header;
            try
            {
                length = RandomAccess.GetLength(file);
                header = Header.Of(file, length);
            }
            catch (Exception ex) when (Unreadable(ex) is { } reason)
            {
                refusal = $"it cannot be read ({reason.Message})";
                return null;
            }

            if (header is null)
            {
                refusal = "it is not a snapshot file";
                return null;
            }

            if (header.Seed is null)
            {
                refusal = "it was made from another seed file or by another build";
                return null;
            }

            var payloadHash = Task.Run(() => PiecewiseHash.Of(file, SeedSnapshotFormat.HeaderBytes, length));
            (Func<SeedSnapshot>? Parsed, Exception? Unreadable) parse;
            (UInt128 Hash, Exception? Unreadable) hashed;
            try
            {
                parse = Parsed(file, length);
            }
            finally
            {
                // Waited for on every way out: it reads the file, which is closed on the way out.
                hashed = Outcome(payloadHash);
            }

            var ((parsed, unreadable), (hash, hashUnreadable)) = (parse, hashed);
            if (expected.GetAwaiter().GetResult() != header.Seed)
            {
                refusal = "it was made from another seed file or by another build";
                return null;
            }

            refusal = hashUnreadable is not null ? $"it cannot be read ({hashUnreadable.Message})"
                : hash != header.PayloadHash ? "it is damaged (its contents do not match their hash)"
                : unreadable is not null ? $"it cannot be read ({unreadable.Message})"
                : null;
            if (refusal is not null || parsed is null) return null;
            try
            {
                return parsed();
            }
            catch (Exception ex) when (Unreadable(ex) is { } reason)
            {
                refusal = $"it cannot be read ({reason.Message})";
                return null;
            }
        }
    }

    /// <summary>The header's fields, or null when the file is no snapshot; a snapshot of another format version has no fields read.</summary>
    private sealed record Header(SeedFingerprint? Seed, UInt128 PayloadHash)
    {
        public static Header? Of(SafeFileHandle file, long length)
        {
            var header = new byte[SeedSnapshotFormat.HeaderBytes];
            if (length < SeedSnapshotFormat.HeaderBytes + SeedSnapshotFormat.TrailerBytes || !ReadWhole(file, header, 0)
                || !header.AsSpan().StartsWith(SeedSnapshotFormat.Magic))
            {
                return null;
            }

            using var fields = new BinaryReader(new MemoryStream(header, SeedSnapshotFormat.Magic.Length, header.Length - SeedSnapshotFormat.Magic.Length));
            // Another version's fields may lie elsewhere: only the version is read, and the snapshot counts as another build's.
            return fields.ReadInt32() == SeedSnapshotFormat.Version
                ? new Header(new SeedFingerprint(new Guid(fields.ReadBytes(16)), fields.ReadInt64(), ReadHash(fields)), ReadHash(fields))
                : new Header(null, 0);
        }
    }

    /// <summary>
    /// The payload parsed, with what maps its columns and gives the rows once the checks hold; or the error that stopped the
    /// parse, for a file written by another program, or damaged, or changed while it is read.
    /// </summary>
    private static (Func<SeedSnapshot>? Parsed, Exception? Unreadable) Parsed(SafeFileHandle file, long length)
    {
        try
        {
            var columnsAt = ColumnsAt(file, length);
            // Given back as soon as it is parsed: everything read from it is copied out.
            using var bytes = NativeFileBytes.Read(file, columnsAt == 0 ? length - SeedSnapshotFormat.TrailerBytes : columnsAt);
            return (Contents(bytes, file, columnsAt, length), null);
        }
        catch (Exception ex) when (Unreadable(ex) is { } reason)
        {
            return (null, reason);
        }
    }

    private static (UInt128 Hash, Exception? Unreadable) Outcome(Task<UInt128> hashing)
    {
        try
        {
            return (hashing.GetAwaiter().GetResult(), null);
        }
        catch (Exception ex) when (Unreadable(ex) is { } reason)
        {
            return (0, reason);
        }
    }

    /// <summary>Where the columns start, as the file's last bytes say (0 for none), checked to lie within the payload.</summary>
    private static long ColumnsAt(SafeFileHandle file, long length)
    {
        var trailer = new byte[SeedSnapshotFormat.TrailerBytes];
        if (!ReadWhole(file, trailer, length - trailer.Length)) throw new InvalidDataException("The file is cut short.");
        var columnsAt = BitConverter.ToInt64(trailer);
        return columnsAt == 0
            || (columnsAt % SeedSnapshotFormat.ColumnAlignment == 0 && columnsAt >= SeedSnapshotFormat.HeaderBytes && columnsAt <= length - trailer.Length)
            ? columnsAt
            : throw new InvalidDataException("The columns do not start within the file.");
    }

    private static bool ReadWhole(SafeFileHandle file, Span<byte> into, long at)
    {
        for (var read = 0; read < into.Length;)
        {
            var count = RandomAccess.Read(file, into[read..], at + read);
            if (count == 0) return false;
            read += count;
        }

        return true;
    }

    /// <summary>The payload parsed; what is returned maps the columns, if there are any, and gives the rows.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static Func<SeedSnapshot> Contents(NativeFileBytes bytes, SafeFileHandle file, long columnsAt, long length)
    {
        using var reader = new BinaryReader(bytes.Slice(SeedSnapshotFormat.HeaderBytes, bytes.Length - SeedSnapshotFormat.HeaderBytes), Utf8);
        var strings = new string[Count(reader)];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();

        var propertyLists = new TypedProperty[Count(reader)][];
        for (var i = 0; i < propertyLists.Length; i++)
        {
            var list = propertyLists[i] = new TypedProperty[Count(reader)];
            for (var j = 0; j < list.Length; j++) list[j] = new TypedProperty(strings[reader.ReadInt32()], Enum<PropertyValueType>(reader), strings[reader.ReadInt32()]);
        }

        var citationLists = new Citation[Count(reader)][];
        for (var i = 0; i < citationLists.Length; i++)
        {
            var list = citationLists[i] = new Citation[Count(reader)];
            for (var j = 0; j < list.Length; j++) list[j] = new Citation(strings[reader.ReadInt32()], reader.ReadInt32());
        }

        // Each pair of dates made into its valid time once, for every relationship that has it.
        var dates = new SnapshotDates(strings);
        var validTimes = new ValidTime[Count(reader)];
        for (var i = 0; i < validTimes.Length; i++) validTimes[i] = dates.TimeOf(reader.ReadInt32(), reader.ReadInt32());

        // The entities as the index takes them, not as the store's rows: those are made from the index when their batch is
        // saved, after ready, as the relationships' are. Rows made here were 10 MB more held at ready for 100k entities.
        var entities = new Entity[Count(reader)];
        // Entities with the same dates share one valid time, as relationships do: one each was 6 MB for 100k entities.
        var entityTimes = new Dictionary<(int From, int To), ValidTime>();
        for (var i = 0; i < entities.Length; i++)
        {
            var (id, kind, name) = (reader.ReadString(), Enum<EntityKind>(reader), reader.ReadString());
            var aliasCount = Count(reader);
            var aliases = aliasCount == 0 ? [] : new string[aliasCount];
            for (var j = 0; j < aliases.Length; j++) aliases[j] = reader.ReadString();
            var (description, properties) = (reader.ReadString(), propertyLists[reader.ReadInt32()]);
            var datePlaces = (From: reader.ReadInt32(), To: reader.ReadInt32());
            ref var validTime = ref CollectionsMarshal.GetValueRefOrAddDefault(entityTimes, datePlaces, out _);
            validTime ??= dates.TimeOf(datePlaces.From, datePlaces.To);
            entities[i] = new Entity(id, kind, name, aliases, description, properties, validTime);
        }

        var nameCount = reader.ReadInt32();
        int[]? nameOrder = null;
        if (nameCount != SeedSnapshotFormat.None)
        {
            nameOrder = new int[nameCount >= 0 && nameCount <= (reader.BaseStream.Length - reader.BaseStream.Position) / 4
                ? nameCount : throw new InvalidDataException("A count exceeds the file.")];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(nameOrder.AsSpan()));
        }

        var relationshipCount = Count(reader);
        var hasColumns = reader.ReadInt32() switch
        {
            0 => columnsAt == 0 ? false : throw new InvalidDataException("Columns follow rows that say there are none."),
            1 => columnsAt != 0 ? true : throw new InvalidDataException("The rows' columns are missing."),
            _ => throw new InvalidDataException("The rows say neither that columns follow nor that they do not."),
        };
        if (hasColumns)
        {
            var components = Components(reader, entities.Length);
            var (citedDocuments, citedLists) = CitedDocuments(reader, strings);
            // Each block of ids is checked here, in the copy read, and left in the file: the rows' ids are read where they are mapped.
            var idBlocks = new (int At, int Length)[Count(reader)];
            // A row keeps its id's block in a few bits: a million relationships take 16 blocks.
            if (idBlocks.Length > RelationshipRow.MaxIdBlocks) throw new InvalidDataException("The relationships are in more blocks than a row can refer to.");
            for (var b = 0; b < idBlocks.Length; b++)
            {
                var blockLength = Count(reader);
                idBlocks[b] = (SeedSnapshotFormat.HeaderBytes + (int)reader.BaseStream.Position, blockLength);
                // The rows' ids are written into answers as they are: JSON text with nothing to escape, in well-formed UTF-8.
                if (JsonText.Encoder.FindFirstCharacterToEncodeUtf8(bytes.Span.Slice(idBlocks[b].At, blockLength)) >= 0)
                {
                    throw new InvalidDataException("An id is not plain JSON text.");
                }

                reader.BaseStream.Position += blockLength;
            }

            // What is left before the columns is the zeros that align them.
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                if (reader.ReadByte() != 0) throw new InvalidDataException("Bytes follow the relationships' ids.");
            }

            // The columns' ordinals are the entities' places here, which must then be their order by id.
            for (var i = 1; i < entities.Length; i++)
            {
                if (string.CompareOrdinal(entities[i - 1].Id, entities[i].Id) >= 0) throw new InvalidDataException("The entities are not in id order.");
            }

            var tables = new SnapshotColumns.Tables(
                entities.Length, Array.ConvertAll(idBlocks, b => b.Length), strings.Length, validTimes.Length, propertyLists.Length, citationLists.Length);
            if (SnapshotColumns.Problem(file, columnsAt, length - SeedSnapshotFormat.TrailerBytes, relationshipCount, tables, citedLists, out var suffixCount) is { } problem)
            {
                throw new InvalidDataException(problem);
            }

            return WhenMapped(file, length, new Unmapped(
                columnsAt, entities, relationshipCount, suffixCount, citedLists.Sum(), idBlocks, strings, validTimes, propertyLists, citationLists,
                nameOrder, citedDocuments, components));
        }

        // Without columns, the blocks are found one after another, then read on every core.
        var blocks = new List<(int Rows, int FirstRow, int Start, int Length)>();
        for (var rows = 0; rows < relationshipCount; rows += blocks[^1].Rows)
        {
            var (blockRows, blockLength) = (Count(reader), Count(reader));
            if (blockRows == 0 || blockRows > relationshipCount - rows) throw new InvalidDataException("A block holds no rows, or more than counted.");
            blocks.Add((blockRows, rows, (int)reader.BaseStream.Position + SeedSnapshotFormat.HeaderBytes, blockLength));
            reader.BaseStream.Position += blockLength;
        }

        // A row keeps its id's block in a few bits: a million relationships take 16 blocks.
        if (blocks.Count > RelationshipRow.MaxIdBlocks) throw new InvalidDataException("The relationships are in more blocks than a row can refer to.");

        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("Bytes follow the last relationship.");
        var relationships = new RelationshipRow[relationshipCount];
        // The ends' positions are kept as read, so the index finds each end without looking its id up.
        var ends = RelationshipEnds.Sized(relationshipCount);
        // Each block's ids are one block of text the rows refer to; the other values are the tables read above.
        var idText = new byte[blocks.Count][];
        var counts = new TableCounts(entities.Length, strings.Length, validTimes.Length, propertyLists.Length, citationLists.Length);
        Parallel.For(0, blocks.Count, b =>
        {
            using var block = new BinaryReader(bytes.Slice(blocks[b].Start, blocks[b].Length), Utf8);
            var ids = new BlockIds(block);
            for (var row = blocks[b].FirstRow; row < blocks[b].FirstRow + blocks[b].Rows; row++)
            {
                relationships[row] = Relationship(block, ids, b, counts, out ends.From[row], out ends.To[row]);
            }

            if (block.BaseStream.Position != block.BaseStream.Length || !ids.AllTaken) throw new InvalidDataException("A block is longer than its rows.");
            idText[b] = ids.Text;
        });

        var values = new RelationshipValues(Array.ConvertAll(idText, b => (ReadOnlyMemory<byte>)b), strings, validTimes, propertyLists, citationLists);
        return Given(new SeedSnapshot(entities, relationships, values, new PrebuiltParts(null, ends, SearchNameOrder: nameOrder)));
    }

    // Made in methods of their own: a lambda in the parse would capture its locals, which its loops would then read
    // through the closure's object.
    private static Func<SeedSnapshot> Given(SeedSnapshot snapshot) => () => snapshot;

    /// <summary>A snapshot with columns as parsed: what is read from the copy, and where the mapped parts lie in the file.</summary>
    private sealed record Unmapped(
        long ColumnsAt, Entity[] Entities, int Relationships, int Suffixes, int Cited, (int At, int Length)[] IdBlocks, string[] Strings,
        ValidTime[] ValidTimes, TypedProperty[][] PropertyLists, Citation[][] CitationLists, int[]? NameOrder, List<KeptDocument> CitedDocuments,
        GraphComponents Components);

    /// <summary>What maps the file and gives the rows of <paramref name="parsed"/>.</summary>
    private static Func<SeedSnapshot> WhenMapped(SafeFileHandle file, long length, Unmapped parsed) => () =>
    {
        var (columns, suffixes, cited, mappedIds) = Mapped(file, length, parsed);
        return new SeedSnapshot(
            parsed.Entities, [], new RelationshipValues(mappedIds, parsed.Strings, parsed.ValidTimes, parsed.PropertyLists, parsed.CitationLists),
            new PrebuiltParts(suffixes, null, columns, parsed.NameOrder, DocumentCitations.Kept(parsed.CitedDocuments, cited), parsed.Components));
    };

    /// <summary>The file mapped (<see cref="MappedSnapshot"/>), and the columns, the search's suffixes, the cited lists and the ids' blocks where they lie in it.</summary>
    private static unsafe (IndexColumns Columns, Column<NameSuffixes.Suffix> Suffixes, ReadOnlyMemory<int> Cited, ReadOnlyMemory<byte>[] Ids) Mapped(
        SafeFileHandle file, long length, Unmapped parsed)
    {
        var mapped = MappedSnapshot.Map(file, length);
        var columnsAt = mapped + parsed.ColumnsAt;
        var entities = parsed.Entities.Length;
        return (
            SnapshotColumns.At(columnsAt, entities, parsed.Relationships),
            SnapshotColumns.SuffixesAt(columnsAt, entities, parsed.Relationships, parsed.Suffixes),
            SnapshotColumns.CitedAt(columnsAt, entities, parsed.Relationships, parsed.Suffixes, parsed.Cited),
            Array.ConvertAll(parsed.IdBlocks, b => (ReadOnlyMemory<byte>)new MappedMemory<byte>(mapped + b.At, b.Length).Memory));
    }

    /// <summary>The graph's parts as kept: each has an entity, the largest at least one when there is any, and they hold every entity once.</summary>
    private static GraphComponents Components(BinaryReader reader, int entities)
    {
        var (count, largest) = (reader.ReadInt32(), reader.ReadInt32());
        var fits = count >= 0 && largest >= 0 && count <= entities && largest <= entities && (count == 0) == (entities == 0)
            && (count == 0 || count - 1 + largest <= entities);
        return fits ? new GraphComponents(count, largest) : throw new InvalidDataException("The graph's parts do not fit its entities.");
    }

    /// <summary>
    /// The documents whose citations follow among the columns, each with its id (a place in the strings' table), how many
    /// relationships cite it and how many cite each of its paragraphs; and those counts in the order the lists lie.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static (List<KeptDocument> Documents, int[] Lists) CitedDocuments(BinaryReader reader, string[] strings)
    {
        var documents = new List<KeptDocument>(Count(reader));
        var lists = new List<int>();
        for (var remaining = documents.Capacity; remaining > 0; remaining--)
        {
            var place = reader.ReadInt32();
            if ((uint)place >= (uint)strings.Length) throw new InvalidDataException("A cited document is a place past the strings' table.");
            var count = Count(reader);
            lists.Add(count);
            var paragraphs = new (int Paragraph, int Count)[Count(reader)];
            for (var i = 0; i < paragraphs.Length; i++)
            {
                paragraphs[i] = (reader.ReadInt32(), Count(reader));
                lists.Add(paragraphs[i].Count);
            }

            documents.Add(new KeptDocument(strings[place], count, paragraphs));
        }

        return lists.Sum(length => (long)length) <= int.MaxValue ? (documents, [.. lists]) : throw new InvalidDataException("A count exceeds the file.");
    }

    /// <summary>
    /// A row as read, its places checked against the tables' lengths here: the row keeps them as numbers, and a place past a
    /// table's end would otherwise be met only by the request that reads it.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static RelationshipRow Relationship(BinaryReader reader, BlockIds ids, int block, TableCounts counts, out int from, out int to)
    {
        var (id, type) = (ids.Next(reader.Read7BitEncodedInt()), Enum<RelationshipType>(reader));
        (from, to) = (reader.ReadInt32(), reader.ReadInt32());
        if ((uint)from >= (uint)counts.Entities || (uint)to >= (uint)counts.Entities) throw new InvalidDataException("An end is not among the entities.");
        var description = reader.ReadInt32();
        if (description != SeedSnapshotFormat.None && (uint)description >= (uint)counts.Strings) throw new InvalidDataException("A place is not in its table.");
        return new RelationshipRow(
            block, id.Start, id.Length, type, description, Place(reader, counts.ValidTimes), Place(reader, counts.PropertyLists), Place(reader, counts.CitationLists));
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static int Place(BinaryReader reader, int count)
    {
        var place = reader.ReadInt32();
        return (uint)place < (uint)count ? place : throw new InvalidDataException("A place is not in its table.");
    }

    /// <summary>How many items each table a row refers to holds.</summary>
    private readonly record struct TableCounts(int Entities, int Strings, int ValidTimes, int PropertyLists, int CitationLists);

    private static UInt128 ReadHash(BinaryReader reader)
    {
        var lower = reader.ReadUInt64();
        return new UInt128(reader.ReadUInt64(), lower);
    }

    /// <summary>A count of items still to come: each takes at least a byte, so no count exceeds what is left.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException("A count exceeds the file.");
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static T Enum<T>(BinaryReader reader) where T : struct, Enum
    {
        var value = reader.ReadInt32();
        var item = Unsafe.As<int, T>(ref value);
        return System.Enum.IsDefined(item) ? item : throw new InvalidDataException($"{value} is not a {typeof(T).Name}.");
    }

    /// <summary>The error a malformed payload raised, also from inside the parallel read; null for any other.</summary>
    private static Exception? Unreadable(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Select(Unreadable).FirstOrDefault(e => e is not null),
        InvalidDataException or IOException or FormatException or IndexOutOfRangeException or ArgumentException => ex, // EndOfStreamException and DecoderFallbackException among them
        _ => null,
    };
}
