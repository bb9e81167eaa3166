using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

/// <summary>
/// A seed snapshot must give back exactly the rows it was written from, shared as they were, and must be
/// refused, never half-read, when it is missing, damaged, or made from another seed or by another build.
/// </summary>
public sealed class SeedSnapshotTests : IDisposable
{
    private static readonly SeedFingerprint Fingerprint = new(SeedFingerprint.CurrentBuild, 1234, new UInt128(5, 6));
    private readonly string folder = Directory.CreateTempSubdirectory("graph-snapshot-tests-").FullName;

    private string SnapshotPath => Path.Combine(folder, "seed.snapshot");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(SeedSnapshotFormat.RelationshipsPerBlock)]
    public void The_rows_read_back_are_the_rows_written_shared_as_they_were(int relationshipsPerBlock)
    {
        var (entities, relationships) = SeedRows();

        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock);
        var read = SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal);

        Assert.Null(refusal);
        var (readEntities, _, _, prebuilt) = read!;
        var readRelationships = RowsOf(read);
        // No index was given: no search suffixes, no columns, the rows as given; the ends are kept as positions among the entities.
        Assert.Null(prebuilt!.SearchSuffixes);
        Assert.Null(prebuilt.Columns);
        var position = entities.Select((e, i) => (e.Id, i)).ToDictionary();
        Assert.Equal(relationships.Select(r => (position[r.FromId], position[r.ToId])), prebuilt.Ends!.Pairs());
        // Each relationship's valid time is made from its dates, once for each pair of them.
        Assert.Equal(relationships.Select(r => RecordMapping.TimeOf(r.ValidFrom, r.ValidTo)), readRelationships.Select(r => r.ValidTime));
        var timesByDates = relationships.Select((r, i) => (Dates: (r.ValidFrom, r.ValidTo), readRelationships[i].ValidTime)).GroupBy(x => x.Dates).ToList();
        Assert.True(timesByDates.Count > 5, $"only {timesByDates.Count} pairs of dates");
        Assert.All(timesByDates, group => Assert.Single(group.Select(x => x.ValidTime).Distinct(ReferenceEqualityComparer.Instance)));
        Assert.Equal(timesByDates.Count, readRelationships.Select(r => r.ValidTime).Distinct(ReferenceEqualityComparer.Instance).Count());
        // The entities come back as the index takes them, and as the rows they were when stored again.
        Assert.Equal(entities.Select(Describe), readEntities.Select(RecordMapping.ToRecord).Select(Describe));
        Assert.Equal(entities.Select(e => RecordMapping.TimeOf(e.ValidFrom, e.ValidTo)), readEntities.Select(e => e.ValidTime));
        Assert.Equal(relationships.Select(Describe), Described(read));
        Assert.All(readRelationships, r => Assert.Equal(JsonEncodedText.Encode(r.Id, JsonText.Encoder).EncodedUtf8Bytes.ToArray(), r.IdJson.Utf8.ToArray()));
        Assert.Contains(readRelationships, r => r.IdJson.Utf8.SequenceEqual("zz-\\\"quoted\\\"-id"u8));
        Assert.Contains(readRelationships, r => r.Description is null);
        Assert.Contains(readRelationships, r => r.Properties.Count > 0);
        Assert.Contains(readEntities, e => e.ValidTime.End is not null);
        // Entities with the same dates share one valid time, as relationships do, and as the entities made from the rows do.
        AssertOneValidTimePerDates(entities, readEntities);
        AssertOneValidTimePerDates(entities, RecordMapping.ToEntities(entities));
        // Each date's text is parsed once: every valid time with that date, of an entity or a relationship, at either end, shares it.
        var datesRead = readEntities.Select(e => e.ValidTime).Concat(readRelationships.Select(r => r.ValidTime))
            .SelectMany(time => new[] { time.Start, time.End }).OfType<PartialDate>().ToList();
        Assert.Contains(datesRead.GroupBy(date => date.Text), group => group.Distinct(ReferenceEqualityComparer.Instance).Count() < group.Count());
        Assert.All(datesRead.GroupBy(date => date.Text), group => Assert.Single(group.Distinct(ReferenceEqualityComparer.Instance)));

        // Rows with equal lists share one list once read back, even where the seed gave each its own; rows that shared a date's
        // text share it again.
        Assert.NotEqual(Sharing(relationships, r => r.Properties), SharingByValue(relationships, r => r.Properties));
        Assert.NotEqual(Sharing(relationships, r => r.Sources), SharingByValue(relationships, r => r.Sources));
        Assert.Equal(SharingByValue(relationships, r => r.Sources), Sharing(readRelationships, r => r.Sources));
        Assert.Equal(SharingByValue(relationships, r => r.Properties), Sharing(readRelationships, r => r.Properties));
        Assert.Equal(Sharing(relationships, r => r.ValidFrom), Sharing(readRelationships, r => r.ValidTime.Start?.Text));
    }

    [Fact]
    public void With_the_index_the_entities_are_kept_in_id_order_and_the_relationships_as_its_columns_with_the_search_s_suffixes()
    {
        var (entities, relationships) = PlainSeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());

        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock: 5, index);
        var read = SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal);

        Assert.Null(refusal);
        var (readEntities, readRows, _, prebuilt) = read!;
        // Every entity, in id order: a position among them is the entity's ordinal in the index.
        Assert.Equal(entities.OrderBy(e => e.Id, StringComparer.Ordinal).Select(Describe), readEntities.Select(RecordMapping.ToRecord).Select(Describe));
        Assert.Equal(index.Entities.Select(e => e.Id), readEntities.Select(e => e.Id));
        // No row is read: the relationships are the index's columns, each as the index held it (the rows and valid times refer to
        // the file's own tables, so they are compared through the index built from them, in IndexFromRowsTests).
        Assert.Empty(readRows);
        Assert.Null(prebuilt.Ends);
        var (kept, written) = (prebuilt.Columns!, index.Columns);
        Assert.Equal(relationships.Count, kept.Rows.Length);
        foreach (var (column, original) in new[]
        {
            (kept.OrdinalAt, written.OrdinalAt), (kept.PositionOf, written.PositionOf), (kept.OutStart, written.OutStart), (kept.OutOther, written.OutOther),
            (kept.InStart, written.InStart), (kept.InRelationship, written.InRelationship), (kept.InOther, written.InOther),
            (kept.TypeCounts, written.TypeCounts),
        })
        {
            Assert.Equal(original.Span.ToArray(), column.Span.ToArray());
        }

        Assert.Equal(written.RelationshipTypes.Span.ToArray(), kept.RelationshipTypes.Span.ToArray());
        Assert.Equal(written.EntityRelationshipTypes.Span.ToArray(), kept.EntityRelationshipTypes.Span.ToArray());
        Assert.True(index.Search.SuffixOrder.Length > 500, $"only {index.Search.SuffixOrder.Length} suffixes");
        Assert.Equal(index.Search.SuffixOrder.ToArray(), prebuilt.SearchSuffixes!.Value.Span.ToArray());
        Assert.Equal(index.Search.NameOrder.ToArray(), prebuilt.SearchNameOrder);
        // What a restart would otherwise work out from every row: the graph's parts, and each document's and paragraph's citing list.
        Assert.Equal(index.Components, prebuilt.Components);
        Assert.True(index.Citations.Layout().Sum(p => p.Document.Paragraphs.Count) >= 5, "fewer than five cited paragraphs");
        Assert.Equal(CitedLists(index.Citations), CitedLists(prebuilt.Citations!));
    }

    private static List<string> CitedLists(DocumentCitations citations) =>
        [.. citations.Layout().SelectMany(p => p.Document.Paragraphs.Select(q => (int?)q.Paragraph).Prepend(null)
            .Select(paragraph => $"{p.Document.Id} {paragraph}: {string.Join(',', citations.Of(p.Document.Id, paragraph).Ordinals.ToArray())}"))];

    [Fact]
    public void With_an_index_whose_ids_need_escaping_the_rows_are_written_as_given()
    {
        var (entities, relationships) = SeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());

        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock: 5, index);
        var read = SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal);

        Assert.Null(refusal);
        Assert.Null(read!.Prebuilt.Columns);
        Assert.Equal(relationships.Select(Describe), Described(read));
    }

    [Theory]
    [InlineData("far end")] // an outgoing row's far end is an entity past the last
    [InlineData("starts")] // an entity's outgoing rows start before the one before it's
    [InlineData("ordinal")] // an incoming row names a relationship past the last
    [InlineData("valid time")] // a row's valid time is a place past the valid times' table
    [InlineData("id block")] // a row's id lies in a block past the last
    [InlineData("type")] // a relationship's type is no type
    [InlineData("entity types")] // an entity takes part in a type past the last
    [InlineData("counts")] // the counts by type add up to one more than there are relationships
    [InlineData("escaped id")] // an id's text holds a character JSON must escape
    [InlineData("trailer")] // the file's last bytes say the columns start a cache line later
    [InlineData("cited ordinal")] // a document's cited list names a relationship past the last
    [InlineData("cited order")] // a document's cited list holds its second relationship before its first
    [InlineData("parts")] // the graph's largest part holds more entities than there are
    public void A_snapshot_whose_hash_holds_but_whose_columns_do_not_is_refused(string damage)
    {
        var (entities, relationships) = PlainSeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, index: index);
        var bytes = File.ReadAllBytes(SnapshotPath);
        var columnsAt = (int)BitConverter.ToInt64(bytes, bytes.Length - SeedSnapshotFormat.TrailerBytes);
        // Where each column starts, in the order SnapshotColumns writes them.
        var cited = index.Citations.Layout().SelectMany(document => document.Lists).Select(list => list.Ordinals.Length).ToList();
        var at = Array.ConvertAll(
            SnapshotColumns.Places(entities.Count, relationships.Count, index.Search.SuffixOrder.Length, cited.Sum()), place => columnsAt + (int)place);
        var rowSize = Unsafe.SizeOf<RelationshipRow>();
        var expected = "a value in its columns is out of range";
        switch (damage)
        {
            case "far end": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[4] + 4 * 3), entities.Count); break;
            case "starts": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[3] + 4 * 2), relationships.Count); break;
            case "ordinal": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[6]), relationships.Count); break;
            // A row: the id's block, length and type in one number, then the id's start, description, valid time, properties and sources.
            case "valid time": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[0] + rowSize * 2 + 12), 1_000_000); break;
            case "id block": bytes[at[0] + rowSize * 2] = 0xFF; break;
            case "type": bytes[at[9] + 1] = 63; break;
            case "entity types": bytes[at[10] + 7] = 0x80; break;
            case "counts": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[11]), BitConverter.ToInt32(bytes, at[11]) + 1); break;
            case "cited ordinal": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[13] + 4 * (cited[0] - 1)), relationships.Count); break;
            case "cited order":
                Assert.True(cited[0] >= 2, "the first document is cited by one relationship only");
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at[13] + 4), BitConverter.ToInt32(bytes, at[13]));
                break;
            case "parts":
                // After the relationships' count and the columns' flag: the parts' count and the largest's size.
                int[] kept = [relationships.Count, 1, index.Components.Count, index.Components.LargestSize];
                var parts = bytes.AsSpan().IndexOf(MemoryMarshal.AsBytes(kept.AsSpan())) + 12;
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(parts), entities.Count + 1);
                expected = "The graph's parts do not fit its entities.";
                break;
            case "escaped id":
                var id = bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(index.Relationships[0].Id));
                bytes[id] = (byte)'"';
                expected = "An id is not plain JSON text.";
                break;
            case "trailer":
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(bytes.Length - SeedSnapshotFormat.TrailerBytes), columnsAt + SeedSnapshotFormat.ColumnAlignment);
                expected = "Bytes follow the relationships' ids.";
                break;
        }

        // Written by something else that gave it a correct hash: only the reader's own checks stand between it and the index.
        BinaryPrimitives.WriteUInt128LittleEndian(
            bytes.AsSpan(SeedSnapshotFormat.PayloadHashOffset), PiecewiseHash.Of(bytes.AsSpan(SeedSnapshotFormat.HeaderBytes)));
        File.WriteAllBytes(SnapshotPath, bytes);

        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
        Assert.Equal($"it cannot be read ({expected})", refusal);
    }

    [Fact]
    public void A_mapped_snapshot_replaced_on_disk_leaves_the_index_read_from_it_as_it_was()
    {
        var (entities, relationships) = PlainSeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, index: index);
        var read = SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out _)!;
        var mapped = GraphIndex.Build(read.Entities, read.Relationships, read.Input, read.Prebuilt);
        var before = mapped.Relationships.Select(r => (r.Id, r.From.Id, r.To.Id, r.Type)).ToList();

        // A later start writes its snapshot under another name and moves it over this one; the mapping keeps the file it mapped.
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities[..^1], [.. relationships.Where(r => r.FromId != entities[^1].Id && r.ToId != entities[^1].Id)]);

        Assert.Equal(before, mapped.Relationships.Select(r => (r.Id, r.From.Id, r.To.Id, r.Type)));
        Assert.Equal(index.Relationships.Select(r => (r.Id, r.From.Id, r.To.Id, r.Type)), before);
    }

    [Fact]
    public void A_restart_reads_the_relationships_ids_where_the_snapshot_is_mapped_not_from_a_copy_in_the_heap()
    {
        var (entities, relationships) = PlainSeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock: 5, index);
        var read = SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out _)!;
        var mapped = GraphIndex.Build(read.Entities, read.Relationships, read.Input, read.Prebuilt);

        Assert.Equal(index.Relationships.Select(r => r.Id), mapped.Relationships.Select(r => r.Id));
        var blocks = mapped.Relationships.Select(r => r.IdJson.Place.Block).Distinct().ToList();
        // Written five rows a block, the ids lie in as many blocks of the file, none of them an array.
        Assert.Equal((relationships.Count + 4) / 5, blocks.Count);
        Assert.All(blocks, block => Assert.False(MemoryMarshal.TryGetArray(block, out _)));
        Assert.All(mapped.Relationships, r => Assert.Equal(r.IdJson.Utf8.ToArray(), r.IdJson.Place.Block.Slice(r.IdJson.Place.Start, r.IdJson.Length).ToArray()));
    }

    [Fact]
    public void A_snapshot_that_is_not_there_yet_is_refused_as_such()
    {
        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
        Assert.Equal("there is none yet", refusal);
        Assert.Null(SeedSnapshotReader.Read(Path.Combine(folder, "no", "such", "folder"), Fingerprint, out refusal));
        Assert.Equal("there is none yet", refusal);
    }

    [Fact]
    public void A_write_clears_what_killed_writes_left_behind_and_leaves_nothing_of_its_own()
    {
        var (entities, relationships) = SeedRows();
        var leftover = Path.Combine(folder, ".seed.snapshot.0123456789abcdef.tmp");
        var unrelated = Path.Combine(folder, ".other.snapshot.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "half a snapshot");
        File.WriteAllText(unrelated, "another snapshot's write, in progress");

        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships);

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(unrelated));
        Assert.Equal(new[] { SnapshotPath, unrelated }.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_snapshot_of_another_seed_file_or_from_another_build_is_refused()
    {
        var (entities, relationships) = SeedRows();
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships);

        foreach (var other in new[] { Fingerprint with { Hash = new UInt128(5, 7) }, Fingerprint with { Length = 1235 }, Fingerprint with { Build = Guid.NewGuid() } })
        {
            Assert.Null(SeedSnapshotReader.Read(SnapshotPath, other, out var refusal));
            Assert.Equal("it was made from another seed file or by another build", refusal);
        }

        // Another version of the format: refused as another build's, though everything after the version still holds (the
        // payload's hash does not cover the header).
        var bytes = File.ReadAllBytes(SnapshotPath);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(SeedSnapshotFormat.Magic.Length), SeedSnapshotFormat.Version - 1);
        File.WriteAllBytes(SnapshotPath, bytes);
        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var versionRefusal));
        Assert.Equal("it was made from another seed file or by another build", versionRefusal);
    }

    [Fact]
    public void A_seed_file_fingerprint_follows_its_contents()
    {
        var seed = Path.Combine(folder, "seed.json");
        File.WriteAllText(seed, "{\"entities\": []}");
        var first = SeedFingerprint.Of(seed);

        Assert.Equal(first, SeedFingerprint.Of(seed));
        File.WriteAllText(seed, "{\"entities\": [ ]}");
        Assert.NotEqual(first.Hash, SeedFingerprint.Of(seed).Hash);
        File.WriteAllText(seed, "{\"entities\": []} ");
        Assert.NotEqual(first.Length, SeedFingerprint.Of(seed).Length);
    }

    [Fact]
    public void A_cut_or_altered_snapshot_is_refused_whole()
    {
        var (entities, relationships) = SeedRows();
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock: 5);
        var whole = File.ReadAllBytes(SnapshotPath);

        var lengths = new[] { 0, 3, SeedSnapshotFormat.HeaderBytes - 1, SeedSnapshotFormat.HeaderBytes, whole.Length / 2, whole.Length - 1 };
        foreach (var length in lengths)
        {
            File.WriteAllBytes(SnapshotPath, whole[..length]);
            Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
            Assert.NotNull(refusal);
        }

        // Every byte changed in turn: each change must be caught (by the magic, the fingerprint or the payload's hash), and
        // one in the payload is called damage, even where the parse, which runs beside the hash, has failed on it too.
        for (var position = 0; position < whole.Length; position += Math.Max(1, whole.Length / 500))
        {
            var altered = (byte[])whole.Clone();
            altered[position] ^= 0x20;
            File.WriteAllBytes(SnapshotPath, altered);
            Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
            Assert.NotNull(refusal);
            if (position >= SeedSnapshotFormat.HeaderBytes) Assert.Equal("it is damaged (its contents do not match their hash)", refusal);
        }
    }

    [Theory]
    [InlineData(-1)] // the file's last bytes say the columns start past its end
    [InlineData(-2)] // the payload loses its last byte
    [InlineData(-3)] // a byte too many after the last relationship
    [InlineData(-4)] // the block's ids said to be longer than the file
    [InlineData(-5)] // the block's ids a byte shorter than its rows' ids
    [InlineData(-6)] // the last relationship ends at an entity past the last
    [InlineData(-7)] // the last relationship's description is a place past the strings' table
    [InlineData(-8)] // the last relationship's valid time is a place past the valid times' table
    [InlineData(-9)] // the last relationship's sources are a place before the citation lists' table
    public void A_snapshot_whose_hash_holds_but_whose_rows_do_not_is_refused(int damage)
    {
        var (entities, relationships) = SeedRows();
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships);
        var bytes = File.ReadAllBytes(SnapshotPath);
        // The one block's ids begin with the first relationship's, after their length.
        var ids = bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(relationships[0].Id + relationships[1].Id)) - sizeof(int);
        bytes = damage switch
        {
            -1 => [.. bytes[..^8], .. BitConverter.GetBytes(long.MaxValue - 63)],
            -2 => bytes[..^1],
            -3 => [.. bytes, 0],
            // The file ends with that relationship's end, its description's, dates', properties' and citations' table positions
            // (4 bytes each), and where the columns start (8 bytes, 0: none).
            -6 => [.. bytes[..^28], .. BitConverter.GetBytes(entities.Count), .. bytes[^24..]],
            -7 => [.. bytes[..^24], .. BitConverter.GetBytes(1_000_000), .. bytes[^20..]],
            -8 => [.. bytes[..^20], .. BitConverter.GetBytes(1_000_000), .. bytes[^16..]],
            -9 => [.. bytes[..^12], .. BitConverter.GetBytes(-2), .. bytes[^8..]],
            _ => [.. bytes[..ids], .. BitConverter.GetBytes(damage == -4 ? int.MaxValue : BitConverter.ToInt32(bytes, ids) - 1), .. bytes[(ids + sizeof(int))..]],
        };

        // Written by something else that gave it a correct hash: only the reader's own checks stand between it and the store.
        BinaryPrimitives.WriteUInt128LittleEndian(
            bytes.AsSpan(SeedSnapshotFormat.PayloadHashOffset), PiecewiseHash.Of(bytes.AsSpan(SeedSnapshotFormat.HeaderBytes)));
        File.WriteAllBytes(SnapshotPath, bytes);

        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
        Assert.StartsWith("it cannot be read", refusal, StringComparison.Ordinal);
        if (damage == -6) Assert.Contains("An end is not among the entities", refusal, StringComparison.Ordinal);
        if (damage <= -7) Assert.Contains("A place is not in its table", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_whose_kept_name_order_is_counted_past_its_end_is_refused()
    {
        var (entities, relationships) = PlainSeedRows();
        var index = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, index: index);
        var bytes = File.ReadAllBytes(SnapshotPath);
        // The names' order is led by its count; the count is said to be larger than the rest of the file.
        var order = index.Search.NameOrder;
        var kept = bytes.AsSpan().IndexOf([.. BitConverter.GetBytes(order.Length), .. MemoryMarshal.AsBytes(order[..8])]);
        Assert.True(kept > 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(kept), bytes.Length);
        BinaryPrimitives.WriteUInt128LittleEndian(
            bytes.AsSpan(SeedSnapshotFormat.PayloadHashOffset), PiecewiseHash.Of(bytes.AsSpan(SeedSnapshotFormat.HeaderBytes)));
        File.WriteAllBytes(SnapshotPath, bytes);

        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
        Assert.Equal("it cannot be read (A count exceeds the file.)", refusal);
    }

    [Fact]
    public void A_snapshot_in_more_blocks_than_a_row_can_refer_to_is_refused()
    {
        var (entities, relationships) = SeedRows();
        var many = Enumerable.Range(0, RelationshipRow.MaxIdBlocks + 1 - relationships.Count)
            .Select(i => new RelationshipRecord
            {
                Id = $"zz-many-{i:D5}", Type = relationships[0].Type, FromId = relationships[0].FromId, ToId = relationships[0].ToId,
                Properties = [], Sources = relationships[0].Sources,
            });
        relationships.AddRange(many);

        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships, relationshipsPerBlock: 1);

        Assert.Null(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out var refusal));
        Assert.Equal("it cannot be read (The relationships are in more blocks than a row can refer to.)", refusal);
        // One block fewer is read.
        SeedSnapshotWriter.Write(SnapshotPath, Fingerprint, entities, relationships[..^1], relationshipsPerBlock: 1);
        Assert.NotNull(SeedSnapshotReader.Read(SnapshotPath, Fingerprint, out refusal));
        Assert.Null(refusal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void AssertOneValidTimePerDates(List<EntityRecord> records, IReadOnlyList<Entity> entities)
    {
        var byDates = records.Zip(entities).GroupBy(pair => (pair.First.ValidFrom, pair.First.ValidTo)).ToList();
        Assert.Contains(byDates, group => group.Key.ValidFrom is not null && group.Count() > 1);
        Assert.All(byDates, group => Assert.Single(group.Select(pair => pair.Second.ValidTime).Distinct(ReferenceEqualityComparer.Instance)));
        Assert.Equal(byDates.Count, entities.Select(e => e.ValidTime).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    /// <summary>The seed's validated rows, and a few more, all with ids that need no escaping in JSON.</summary>
    private static (List<EntityRecord>, List<RelationshipRecord>) PlainSeedRows()
    {
        var (entities, relationships) = SeedRows();
        relationships.RemoveAll(r => r.Id.Contains('"', StringComparison.Ordinal));
        return (entities, relationships);
    }

    /// <summary>The seed's validated rows, and a few more that the seed lacks: no description, text beyond ASCII, an entity that ended.</summary>
    private static (List<EntityRecord>, List<RelationshipRecord>) SeedRows()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json));
        entities.Add(new EntityRecord
        {
            Id = "minsk-office", Kind = EntityKind.Organization, Name = "Офис в Минске 北京", Aliases = ["Минск", ""], Description = "Closed — “ended”.",
            Properties = [new TypedProperty("staff", PropertyValueType.Number, "12")], ValidFrom = "2001-03", ValidTo = "2009",
        });
        relationships.Add(new RelationshipRecord
        {
            Id = "zz-minsk-office-in-belarus", Type = relationships[0].Type, FromId = entities[^1].Id, ToId = relationships[0].ToId,
            Properties = [], Sources = relationships[0].Sources, ValidFrom = relationships[0].ValidFrom,
        });
        // Ids the seed's rules refuse, written as rows all the same: the snapshot must give them back, and their JSON text.
        foreach (var id in new[] { "zz-\"quoted\"-id", "zz-офис-в-минске" })
        {
            relationships.Add(new RelationshipRecord
            {
                Id = id, Type = relationships[1].Type, FromId = relationships[1].ToId, ToId = entities[^1].Id, Properties = [], Sources = relationships[1].Sources,
            });
        }

        // A relationship whose lists equal another's, item for item, but are lists of their own.
        var withProperties = relationships.First(r => r.Properties.Count > 0);
        relationships.Add(new RelationshipRecord
        {
            Id = "zz-equal-lists", Type = withProperties.Type, FromId = withProperties.FromId, ToId = entities[^1].Id,
            Properties = [.. withProperties.Properties], Sources = [.. withProperties.Sources],
        });

        // Another entity with the same dates: the two share one valid time once read.
        entities.Add(new EntityRecord
        {
            Id = "minsk-office-annex", Kind = EntityKind.Organization, Name = "Minsk office annex", Aliases = [], Description = "An annex.",
            Properties = [], ValidFrom = "2001-03", ValidTo = "2009",
        });

        return (entities, relationships);
    }

    private static string Describe(EntityRecord e) =>
        $"{e.Id}|{e.Kind}|{e.Name}|{string.Join(",", e.Aliases)}|{e.Description}|{string.Join(",", e.Properties)}|{e.ValidFrom}|{e.ValidTo}";

    private static string Describe(RelationshipRecord r) =>
        $"{r.Id}|{r.Type}|{r.FromId}|{r.ToId}|{r.Description ?? "(none)"}|{r.ValidFrom}|{r.ValidTo}|{string.Join(",", r.Properties)}|{string.Join(",", r.Sources)}";

    /// <summary>The relationships read back, each described as the row it was written from is, its ends named by their positions.</summary>
    private static IEnumerable<string> Described(SeedSnapshot read) =>
        RowsOf(read).Select((r, i) => Describe(r, read.Entities[read.Prebuilt.Ends!.From[i]].Id, read.Entities[read.Prebuilt.Ends.To[i]].Id));

    /// <summary>A snapshot's relationship rows with the values they refer to looked up.</summary>
    private static ReadRow[] RowsOf(SeedSnapshot read) => Array.ConvertAll(read.Relationships, row =>
    {
        var values = read.Values;
        var idJson = values.IdJson(row);
        return new ReadRow(idJson.Decoded(), idJson, row.Type, values.Description(row), values.ValidTime(row), values.Properties(row), values.Sources(row));
    });

    private sealed record ReadRow(
        string Id, JsonText IdJson, RelationshipType Type, string? Description, ValidTime ValidTime, IReadOnlyList<TypedProperty> Properties, IReadOnlyList<Citation> Sources);

    private static string Describe(ReadRow r, string fromId, string toId) => Describe(new RelationshipRecord
    {
        Id = r.Id, Type = r.Type, FromId = fromId, ToId = toId, Description = r.Description, ValidFrom = r.ValidTime.Start?.Text, ValidTo = r.ValidTime.End?.Text,
        Properties = r.Properties, Sources = r.Sources,
    });

    /// <summary>Which rows hold the same object as an earlier row: the first row holding it, for each row.</summary>
    /// <summary>For each row, the first row whose list is equal to its list, item for item.</summary>
    private static int[] SharingByValue<TRow, T>(IEnumerable<TRow> rows, Func<TRow, IReadOnlyList<T>> value)
    {
        var list = rows.ToList();
        return list.Select(row => list.FindIndex(other => value(other).SequenceEqual(value(row)))).ToArray();
    }

    private static int[] Sharing<TRow, T>(IEnumerable<TRow> rows, Func<TRow, T?> value) where T : class
    {
        var list = rows.ToList();
        return list.Select(row => list.FindIndex(other => value(other) is { } shared && ReferenceEquals(shared, value(row)))).ToArray();
    }
}
