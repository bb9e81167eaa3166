using System.Buffers;
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
        // The ids' text is kept as JSON text for the columns' rows to refer to, which a reader takes only unescaped: a seed's
        // ids always are (lowercase letters, digits and hyphens), and an index with any other is written as if there were none.
        if (index is not null && !AllIdsPlain(index.RelationshipRows)) index = null;
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
        }
        else
        {
            writer.Write(index.Search.NameOrder.Length);
            writer.Write(MemoryMarshal.AsBytes(index.Search.NameOrder));
        }

        writer.Write(relationships.Count);
        long columnsAt = 0;
        if (index is null)
        {
            writer.Write(0);
            WriteRelationshipBlocks(writer, relationships, relationshipsPerBlock, entityPositions!);
        }
        else
        {
            // The index's columns as they lie, for a restart to map (SnapshotColumns), after the ids' text its rows refer to.
            writer.Write(1);
            // What a restart's index would otherwise work out from every row as it becomes ready: the graph's parts, and the
            // relationships citing each document and paragraph, whose lists follow the search's suffixes among the columns.
            writer.Write(index.Components.Count);
            writer.Write(index.Components.LargestSize);
            var citations = index.Citations.Layout().ToList();
            writer.Write(citations.Count);
            foreach (var (document, _) in citations)
            {
                writer.Write(StringPosition(document.Id));
                writer.Write(document.Count);
                writer.Write(document.Paragraphs.Count);
                foreach (var (paragraph, count) in document.Paragraphs)
                {
                    writer.Write(paragraph);
                    writer.Write(count);
                }
            }

            var table = index.RelationshipRows;
            var idStarts = WriteIdBlocks(writer, table, relationshipsPerBlock);
            writer.Flush();
            columnsAt = SnapshotColumns.Aligned(stream.Position);
            SnapshotColumns.PadTo(stream, columnsAt);
            var columns = index.Columns with { ValidTimeOf = FileValidTimes(table, index.Columns.ValidTimeOf) };
            SnapshotColumns.Write(
                stream, entities.Count, columns, position => FileRow(table, position, relationshipsPerBlock, idStarts), index.Search.SuffixOrder,
                [.. citations.SelectMany(document => document.Lists.Select(list => list.Ordinals))]);
        }

        writer.Write(columnsAt);
        writer.Flush();
        var payloadHash = PiecewiseHash.Of(stream.SafeFileHandle, SeedSnapshotFormat.HeaderBytes, stream.Length);
        stream.Position = SeedSnapshotFormat.PayloadHashOffset;
        WriteHash(writer, payloadHash);
        writer.Flush();
    }

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)hash);
        writer.Write((ulong)(hash >> 64));
    }

    private static bool AllIdsPlain(RelationshipTable table)
    {
        for (var position = 0; position < table.Count; position++)
        {
            if (JsonText.Encoder.FindFirstCharacterToEncodeUtf8(table.Values.IdJson(table.RowAt(position)).Utf8) >= 0) return false;
        }

        return true;
    }

    /// <summary>
    /// The relationships as given, in blocks, each led by its row count and length, so that a reader can read them on every
    /// core. A block's ids come first, one after another, for the reader to keep as they are; each row then gives its id's length.
    /// </summary>
    private void WriteRelationshipBlocks(BinaryWriter writer, List<RelationshipRecord> relationships, int relationshipsPerBlock, Dictionary<string, int> entityPositions)
    {
        var stream = writer.BaseStream;
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
                var id = Encoding.UTF8.GetBytes(relationships[i].Id);
                idLengths[i - first] = id.Length;
                ids.Write(id);
            }

            writer.Write(ids.WrittenCount);
            writer.Write(ids.WrittenSpan);
            for (var i = first; i < first + rows; i++) WriteRelationship(writer, relationships[i], idLengths[i - first], entityPositions);
            writer.Flush();
            var end = stream.Position;
            stream.Position = start - sizeof(int);
            writer.Write(checked((int)(end - start)));
            writer.Flush();
            stream.Position = end;
        }
    }

    /// <summary>
    /// The index's ids' JSON text in the order its rows lie, in blocks of <paramref name="relationshipsPerBlock"/> (or more, for
    /// a row to name its block), each led by its length; gives where each position's id starts in its block.
    /// </summary>
    private static int[] WriteIdBlocks(BinaryWriter writer, RelationshipTable table, int relationshipsPerBlock)
    {
        var perBlock = IdsPerBlock(table.Count, relationshipsPerBlock);
        var starts = new int[table.Count];
        writer.Write((table.Count + perBlock - 1) / perBlock);
        for (var first = 0; first < table.Count; first += perBlock)
        {
            var end = Math.Min(table.Count, first + perBlock);
            var length = 0;
            for (var position = first; position < end; position++)
            {
                starts[position] = length;
                length = checked(length + table.RowAt(position).IdLength);
            }

            writer.Write(length);
            for (var position = first; position < end; position++) writer.Write(table.Values.IdJson(table.RowAt(position)).Utf8);
        }

        return starts;
    }

    /// <summary>Each relationship's valid time by ordinal as a place in the file's table of dates, not the index's table.</summary>
    private int[] FileValidTimes(RelationshipTable table, Column<int> validTimeOf)
    {
        var places = table.Values.ValidTimes;
        var filePlaces = new int[places.Length];
        for (var i = 0; i < places.Length; i++) filePlaces[i] = datePairs[(StringPosition(places[i].Start?.Text), StringPosition(places[i].End?.Text))];
        var byOrdinal = new int[validTimeOf.Length];
        for (var ordinal = 0; ordinal < byOrdinal.Length; ordinal++) byOrdinal[ordinal] = filePlaces[validTimeOf[ordinal]];
        return byOrdinal;
    }

    private static int IdsPerBlock(int count, int relationshipsPerBlock) =>
        Math.Max(relationshipsPerBlock, (count + RelationshipRow.MaxIdBlocks - 1) / RelationshipRow.MaxIdBlocks);

    /// <summary>
    /// The index's row at a position as the file keeps it: its id in the file's blocks, its values at their places in the
    /// file's tables (the index's row refers to the index's own).
    /// </summary>
    private RelationshipRow FileRow(RelationshipTable table, int position, int relationshipsPerBlock, int[] idStarts)
    {
        ref readonly var row = ref table.RowAt(position);
        var values = table.Values;
        var validTime = values.ValidTime(in row);
        return new RelationshipRow(
            position / IdsPerBlock(table.Count, relationshipsPerBlock), idStarts[position], row.IdLength, row.Type,
            StringPosition(values.Description(in row)), datePairs[(StringPosition(validTime.Start?.Text), StringPosition(validTime.End?.Text))],
            propertyLists[values.Properties(in row)], citationLists[values.Sources(in row)]);
    }

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
