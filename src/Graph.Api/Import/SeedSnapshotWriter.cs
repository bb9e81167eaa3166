using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>
/// Writes a seed's validated rows as a snapshot (<see cref="SeedSnapshotFormat"/>). The file is written
/// under a temporary name beside its place and then moved there, so a reader never meets half a file.
/// </summary>
internal sealed class SeedSnapshotWriter
{
    // Each table's positions, and its entries in that order.
    private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);
    private readonly List<string> stringOrder = [];
    // Equal lists share an entry, so rows that held equal lists read back one (ListValueComparer).
    private readonly Dictionary<IReadOnlyList<TypedProperty>, int> propertyLists = new(ListValueComparer<TypedProperty>.Instance);
    private readonly List<IReadOnlyList<TypedProperty>> propertyListOrder = [];
    private readonly Dictionary<IReadOnlyList<Citation>, int> citationLists = new(ListValueComparer<Citation>.Instance);
    private readonly List<IReadOnlyList<Citation>> citationListOrder = [];
    private readonly Dictionary<(int From, int To), int> datePairs = [];
    private readonly List<(int From, int To)> datePairOrder = [];

    /// <param name="path">The snapshot's file.</param>
    /// <param name="fingerprint">The seed file's and this build's.</param>
    /// <param name="entities">The seed's checked entities.</param>
    /// <param name="relationships">The seed's checked relationships.</param>
    /// <param name="relationshipsPerBlock">How many relationships a block holds.</param>
    /// <param name="index">
    /// The index built from these rows, or null. With it, the search's sorted suffixes and names are kept too, the entities are
    /// written in id order (the index's), and the relationships in the order it lays out their rows, each with its
    /// ordinal; without, both as given.
    /// </param>
    public static void Write(
        string path, SeedFingerprint fingerprint, List<EntityRecord> entities, List<RelationshipRecord> relationships,
        int relationshipsPerBlock = SeedSnapshotFormat.RelationshipsPerBlock, GraphIndex? index = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Files a write that was killed half-way left behind (a clean failure deletes its own).
        foreach (var stale in Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.*.tmp")) File.Delete(stale);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20))
            {
                new SeedSnapshotWriter().WriteTo(stream, fingerprint, entities, relationships, relationshipsPerBlock, index);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void WriteTo(
        FileStream stream, SeedFingerprint fingerprint, List<EntityRecord> entities, List<RelationshipRecord> relationships, int relationshipsPerBlock, GraphIndex? index)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(SeedSnapshotFormat.Magic);
        writer.Write(SeedSnapshotFormat.Version);
        writer.Write(fingerprint.Build.ToByteArray());
        writer.Write(fingerprint.Length);
        WriteHash(writer, fingerprint.Hash);
        WriteHash(writer, UInt128.Zero); // the payload's, filled in below

        // The tables come first in the file but are collected from the rows, so the rows are numbered first.
        foreach (var entity in entities) Number(entity.Properties, entity.ValidFrom, entity.ValidTo);
        foreach (var relationship in relationships)
        {
            Number(relationship.Properties, relationship.ValidFrom, relationship.ValidTo);
            if (relationship.Description is { } description) NumberString(description);
            var dates = (StringPosition(relationship.ValidFrom), StringPosition(relationship.ValidTo));
            if (datePairs.TryAdd(dates, datePairs.Count)) datePairOrder.Add(dates);
            if (citationLists.TryAdd(relationship.Sources, citationLists.Count))
            {
                citationListOrder.Add(relationship.Sources);
                foreach (var citation in relationship.Sources) NumberString(citation.DocumentId);
            }
        }

        WriteTables(writer);
        // In id order a restart's index takes them as they come: sorting a hundred thousand ids was a tenth of a second of its way to
        // ready. Each entity's place in the file is then its ordinal in the index.
        if (index is not null) entities = [.. entities.OrderBy(e => e.Id, StringComparer.Ordinal)];
        // Without the index, the relationships' ends are found by id among the entities' places.
        var entityPositions = index is null ? new Dictionary<string, int>(entities.Count, StringComparer.Ordinal) : null;
        writer.Write(entities.Count);
        foreach (var entity in entities)
        {
            entityPositions?.Add(entity.Id, entityPositions.Count);
            writer.Write(entity.Id);
            writer.Write((int)entity.Kind);
            writer.Write(entity.Name);
            writer.Write(entity.Aliases.Count);
            foreach (var alias in entity.Aliases) writer.Write(alias);
            writer.Write(entity.Description);
            writer.Write(propertyLists[entity.Properties]);
            writer.Write(StringPosition(entity.ValidFrom));
            writer.Write(StringPosition(entity.ValidTo));
        }

        if (index is null)
        {
            writer.Write(SeedSnapshotFormat.None);
            writer.Write(SeedSnapshotFormat.None);
        }
        else
        {
            writer.Write(index.Search.SuffixOrder.Length);
            writer.Write(MemoryMarshal.AsBytes(index.Search.SuffixOrder));
            writer.Write(index.Search.NameOrder.Length);
            writer.Write(MemoryMarshal.AsBytes(index.Search.NameOrder));
        }

        // The index's rows as they lie, when there is an index: each has the same fields as the record it was made from, its
        // lists and its dates' texts the very same objects, so its fields are written as the record's.
        var table = index?.RelationshipRows;
        Action<int, int> writeRow = table is null
            ? (i, idLength) => WriteRelationship(writer, relationships[i], idLength, entityPositions!)
            : WriteRow(writer, table);
        Func<int, ReadOnlySpan<byte>> idBytes = table is null ? i => Encoding.UTF8.GetBytes(relationships[i].Id) : i => Utf8Of(table.Values.IdJson(table.RowAt(i)));
        // In blocks, each led by its row count and length, so that a reader can read them on every core. A block's ids come
        // first, one after another, for the reader to keep as they are; each row then gives its id's length.
        writer.Write(relationships.Count);
        for (var first = 0; first < relationships.Count; first += relationshipsPerBlock)
        {
            var rows = Math.Min(relationshipsPerBlock, relationships.Count - first);
            writer.Write(rows);
            writer.Write(0); // the block's length, filled in once it is written
            writer.Flush();
            var start = stream.Position;
            var ids = new ArrayBufferWriter<byte>();
            var idLengths = new int[rows];
            for (var i = first; i < first + rows; i++)
            {
                var id = idBytes(i);
                idLengths[i - first] = id.Length;
                ids.Write(id);
            }

            writer.Write(ids.WrittenCount);
            writer.Write(ids.WrittenSpan);
            for (var i = first; i < first + rows; i++) writeRow(i, idLengths[i - first]);
            writer.Flush();
            var end = stream.Position;
            stream.Position = start - sizeof(int);
            writer.Write(checked((int)(end - start)));
            writer.Flush();
            stream.Position = end;
        }

        if (table is null)
        {
            writer.Write(SeedSnapshotFormat.None);
        }
        else
        {
            writer.Write(table.OrdinalsByPosition.Length);
            writer.Write(MemoryMarshal.AsBytes(table.OrdinalsByPosition.AsSpan()));
        }

        writer.Flush();
        stream.Position = SeedSnapshotFormat.HeaderBytes;
        var hash = new XxHash128();
        hash.Append(stream);
        stream.Position = SeedSnapshotFormat.PayloadHashOffset;
        WriteHash(writer, hash.GetCurrentHashAsUInt128());
        writer.Flush();
    }

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)hash);
        writer.Write((ulong)(hash >> 64));
    }

    /// <summary>An id in UTF-8: its JSON text as it is, unless escaped.</summary>
    private static ReadOnlySpan<byte> Utf8Of(JsonText id) => id.Utf8.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(id.Decoded()) : id.Utf8;

    /// <summary>
    /// Writes the index's row at a place in the layout order from its own fields, with no object made for it: a record
    /// made for each only to be read back had the first start's write take 1.7–2.1 s instead of 1.4–1.6 s, and a node
    /// for each (read twice, for its id and its row) 2.0–2.1 s instead of 1.1–1.4 s. Its ends are written as their
    /// ordinals, which are their places in the file (the entities are written in id order).
    /// </summary>
    private Action<int, int> WriteRow(BinaryWriter writer, RelationshipTable table) => (i, idLength) =>
    {
        ref readonly var row = ref table.RowAt(i);
        var values = table.Values;
        var validTime = values.ValidTime(in row);
        WriteRelationship(
            writer, idLength, row.Type, table.FromAt(i), table.ToAt(i), values.Description(in row),
            validTime.Start?.Text, validTime.End?.Text, values.Properties(in row), values.Sources(in row));
    };

    private void WriteRelationship(BinaryWriter writer, RelationshipRecord relationship, int idLength, Dictionary<string, int> entityPositions) =>
        WriteRelationship(
            writer, idLength, relationship.Type, entityPositions[relationship.FromId], entityPositions[relationship.ToId], relationship.Description,
            relationship.ValidFrom, relationship.ValidTo, relationship.Properties, relationship.Sources);

    private void WriteRelationship(
        BinaryWriter writer, int idLength, RelationshipType type, int from, int to, string? description, string? validFrom, string? validTo,
        IReadOnlyList<TypedProperty> properties, IReadOnlyList<Citation> sources)
    {
        writer.Write7BitEncodedInt(idLength);
        writer.Write((int)type);
        writer.Write(from);
        writer.Write(to);
        writer.Write(StringPosition(description));
        writer.Write(datePairs[(StringPosition(validFrom), StringPosition(validTo))]);
        writer.Write(propertyLists[properties]);
        writer.Write(citationLists[sources]);
    }

    private void Number(IReadOnlyList<TypedProperty> properties, string? validFrom, string? validTo)
    {
        if (propertyLists.TryAdd(properties, propertyLists.Count))
        {
            propertyListOrder.Add(properties);
            foreach (var property in properties)
            {
                NumberString(property.Key);
                NumberString(property.Value);
            }
        }

        if (validFrom is not null) NumberString(validFrom);
        if (validTo is not null) NumberString(validTo);
    }

    private void NumberString(string text)
    {
        if (strings.TryAdd(text, strings.Count)) stringOrder.Add(text);
    }

    private int StringPosition(string? text) => text is null ? SeedSnapshotFormat.None : strings[text];

    private void WriteTables(BinaryWriter writer)
    {
        writer.Write(stringOrder.Count);
        foreach (var text in stringOrder) writer.Write(text);

        writer.Write(propertyListOrder.Count);
        foreach (var list in propertyListOrder)
        {
            writer.Write(list.Count);
            foreach (var property in list)
            {
                writer.Write(strings[property.Key]);
                writer.Write((int)property.Type);
                writer.Write(strings[property.Value]);
            }
        }

        writer.Write(citationListOrder.Count);
        foreach (var list in citationListOrder)
        {
            writer.Write(list.Count);
            foreach (var citation in list)
            {
                writer.Write(strings[citation.DocumentId]);
                writer.Write(citation.Paragraph);
            }
        }

        writer.Write(datePairOrder.Count);
        foreach (var (from, to) in datePairOrder)
        {
            writer.Write(from);
            writer.Write(to);
        }
    }
}
