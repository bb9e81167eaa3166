using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;
using Microsoft.Win32.SafeHandles;

namespace Graph.Api.Import;

/// <summary>
/// The index's columns in a seed snapshot (<see cref="IndexColumns"/>, <see cref="SeedSnapshotFormat"/>), the search's
/// name suffixes in sorted order (<see cref="NameSuffixes.Suffix"/>) and the lists of relationships citing each document and
/// paragraph one after another (<see cref="DocumentCitations"/>): a head giving the entities', relationships', types', suffixes'
/// and cited ordinals' counts, then each column as it lies in memory, every one starting at a multiple of
/// <see cref="SeedSnapshotFormat.ColumnAlignment"/> bytes. Their places follow from the counts alone.
/// </summary>
/// <remarks>
/// A restart maps them (<see cref="MappedSnapshot"/>) and takes them as they lie: no copy, no build, and no page of them in
/// the process's memory until a request reads it. Before, a restart of a million relationships read 55 MB of columns into
/// the heap or worked them out on its way to ready. They are checked first by reading the file, not the mapping, so that the
/// check leaves no page mapped in: every position, ordinal and entity in range, the row starts in order, every row's places
/// within their tables. A column is then read without another check, with its bounds checked as any array's. The suffixes
/// are checked by the search as it takes them (every suffix of its names once), through the mapping; it then gives their
/// pages back (<see cref="Column{T}.LetPagesGo"/>). The cited lists are checked by reading the file, each in id order.
/// </remarks>
internal static class SnapshotColumns
{
    private const int HeadBytes = SeedSnapshotFormat.ColumnAlignment;

    // Read in pieces of this many bytes: a multiple of every value's size (a row is 24 bytes).
    private const int PieceBytes = 3 << 18;

    /// <summary>How many relationship types a row or a bit set can name: the model's.</summary>
    public static int TypeCount { get; } = Enum.GetValues<RelationshipType>().Max(t => (int)t) + 1;

    // The places of the last two columns, from the end of Places: the suffixes, then the cited lists.
    private const int SuffixesFromEnd = 3, CitedFromEnd = 2;

    /// <summary>Where each column starts, from the columns' start, in the order written; last, where they end.</summary>
    internal static long[] Places(int entities, int relationships, int suffixes, int cited)
    {
        long[] sizes =
        [
            (long)relationships * Unsafe.SizeOf<RelationshipRow>(), 4L * relationships, 4L * relationships, // rows, ordinal at, position of
            4L * (entities + 1), 4L * relationships, // outgoing starts, others
            4L * (entities + 1), 4L * relationships, 4L * relationships, // incoming starts, relationships, others
            4L * relationships, relationships, 8L * entities, 4L * TypeCount, // valid time of, types, entity types, type counts
            (long)suffixes * Unsafe.SizeOf<NameSuffixes.Suffix>(), // the search's suffixes
            4L * cited, // the relationships citing each document and paragraph
        ];
        var places = new long[sizes.Length + 1];
        places[0] = HeadBytes;
        for (var i = 0; i < sizes.Length; i++) places[i + 1] = Aligned(places[i] + sizes[i]);
        return places;
    }

    /// <summary>The next multiple of the alignment from a place.</summary>
    public static long Aligned(long place) => (place + SeedSnapshotFormat.ColumnAlignment - 1) / SeedSnapshotFormat.ColumnAlignment * SeedSnapshotFormat.ColumnAlignment;

    /// <summary>
    /// Writes the columns at the stream's position, which must be aligned. The rows are written as <paramref name="rowAt"/> gives
    /// them: the file's rows refer to its own tables, not the index's.
    /// </summary>
    public static void Write(
        Stream stream, int entities, IndexColumns columns, Func<int, RelationshipRow> rowAt, ReadOnlySpan<NameSuffixes.Suffix> suffixes, IReadOnlyList<ReadOnlyMemory<int>> cited)
    {
        var start = stream.Position;
        var citedCount = cited.Sum(list => list.Length);
        var places = Places(entities, columns.Rows.Length, suffixes.Length, citedCount);
        Span<int> head = [entities, columns.Rows.Length, TypeCount, suffixes.Length, citedCount];
        stream.Write(MemoryMarshal.AsBytes(head));
        var rows = new RelationshipRow[Math.Min(columns.Rows.Length, 1 << 14)];
        var column = 0;
        PadTo(stream, start + places[column++]);
        for (var first = 0; first < columns.Rows.Length; first += rows.Length)
        {
            var count = Math.Min(rows.Length, columns.Rows.Length - first);
            for (var i = 0; i < count; i++) rows[i] = rowAt(first + i);
            stream.Write(MemoryMarshal.AsBytes(rows.AsSpan(0, count)));
        }

        foreach (var values in new[] { columns.OrdinalAt, columns.PositionOf, columns.OutStart, columns.OutOther, columns.InStart, columns.InRelationship, columns.InOther, columns.ValidTimeOf })
        {
            PadTo(stream, start + places[column++]);
            stream.Write(MemoryMarshal.AsBytes(values.Span));
        }

        PadTo(stream, start + places[column++]);
        stream.Write(columns.RelationshipTypes.Span);
        PadTo(stream, start + places[column++]);
        stream.Write(MemoryMarshal.AsBytes(columns.EntityRelationshipTypes.Span));
        PadTo(stream, start + places[column++]);
        stream.Write(MemoryMarshal.AsBytes(columns.TypeCounts.Span));
        PadTo(stream, start + places[column++]);
        stream.Write(MemoryMarshal.AsBytes(suffixes));
        PadTo(stream, start + places[column++]);
        foreach (var list in cited) stream.Write(MemoryMarshal.AsBytes(list.Span));
        PadTo(stream, start + places[column]);
    }

    /// <summary>Writes zeros up to the place (from the file's start).</summary>
    public static void PadTo(Stream stream, long place)
    {
        Span<byte> zeros = stackalloc byte[SeedSnapshotFormat.ColumnAlignment];
        zeros.Clear();
        while (stream.Position < place) stream.Write(zeros[..(int)Math.Min(zeros.Length, place - stream.Position)]);
    }

    /// <summary>What the rows may refer to: how many entities, id blocks (and each one's length), strings and table entries there are.</summary>
    public sealed record Tables(int Entities, int[] IdBlockLengths, int Strings, int ValidTimes, int PropertyLists, int CitationLists);

    /// <summary>
    /// Why the columns at <paramref name="start"/> cannot be taken as they are, or null when every value is in range and they end
    /// where the file's columns end. Read from the file, not from a mapping. <paramref name="citedLists"/> are the cited lists'
    /// lengths, in the order they lie.
    /// </summary>
    public static string? Problem(SafeFileHandle file, long start, long end, int relationships, Tables tables, int[] citedLists, out int suffixes)
    {
        Span<int> head = stackalloc int[5];
        suffixes = 0;
        if (end - start < HeadBytes || RandomAccess.Read(file, MemoryMarshal.AsBytes(head), start) != head.Length * sizeof(int)) return "its columns are cut short";
        var cited = citedLists.Sum(length => (long)length);
        if (head[0] != tables.Entities || head[1] != relationships || head[2] != TypeCount || head[3] < 0 || head[4] != cited)
        {
            return "its columns' counts do not match its rows";
        }

        suffixes = head[3];
        var places = Places(tables.Entities, relationships, suffixes, head[4]);
        if (start + places[^1] != end) return "its columns are not as long as their counts say";
        var n = relationships;
        var column = 0;
        var rows = new RowCheck(tables);
        var ordinal = new BelowCheck(n);
        var entity = new BelowCheck(tables.Entities);
        var outStarts = new StartsCheck(n);
        var inStarts = new StartsCheck(n);
        var validTime = new BelowCheck(tables.ValidTimes);
        var type = new TypeCheck();
        var entityTypes = new TypeBitsCheck();
        var counts = new CountsCheck();
        var citedOrder = new CitedCheck(relationships, citedLists);
        var holds =
            All<RelationshipRow, RowCheck>(file, start + places[column++], n, ref rows)
            && All<int, BelowCheck>(file, start + places[column++], n, ref ordinal)
            && All<int, BelowCheck>(file, start + places[column++], n, ref ordinal)
            && All<int, StartsCheck>(file, start + places[column++], tables.Entities + 1, ref outStarts) && outStarts.Ended
            && All<int, BelowCheck>(file, start + places[column++], n, ref entity)
            && All<int, StartsCheck>(file, start + places[column++], tables.Entities + 1, ref inStarts) && inStarts.Ended
            && All<int, BelowCheck>(file, start + places[column++], n, ref ordinal)
            && All<int, BelowCheck>(file, start + places[column++], n, ref entity)
            && All<int, BelowCheck>(file, start + places[column++], n, ref validTime)
            && All<byte, TypeCheck>(file, start + places[column++], n, ref type)
            && All<ulong, TypeBitsCheck>(file, start + places[column++], tables.Entities, ref entityTypes)
            && All<int, CountsCheck>(file, start + places[column], TypeCount, ref counts) && counts.Total == n
            && All<int, CitedCheck>(file, start + places[^CitedFromEnd], head[4], ref citedOrder);
        return holds ? null : "a value in its columns is out of range";
    }

    /// <summary>The search's suffixes at <paramref name="start"/> of a mapped file, once <see cref="Problem"/> found nothing wrong with the columns.</summary>
    public static unsafe Column<NameSuffixes.Suffix> SuffixesAt(byte* start, int entities, int relationships, int suffixes) =>
        new((NameSuffixes.Suffix*)(start + Places(entities, relationships, suffixes, 0)[^SuffixesFromEnd]), suffixes);

    /// <summary>The cited lists, one after another, at <paramref name="start"/> of a mapped file, once <see cref="Problem"/> found nothing wrong.</summary>
    public static unsafe ReadOnlyMemory<int> CitedAt(byte* start, int entities, int relationships, int suffixes, int cited) =>
        new MappedMemory<int>((int*)(start + Places(entities, relationships, suffixes, cited)[^CitedFromEnd]), cited).Memory;

    /// <summary>The columns at <paramref name="start"/> of a mapped file, once <see cref="Problem"/> found none.</summary>
    public static unsafe IndexColumns At(byte* start, int entities, int relationships)
    {
        var places = Places(entities, relationships, 0, 0);
        var n = relationships;
        var column = 0;
        return new IndexColumns(
            Rows: new((RelationshipRow*)(start + places[column++]), n),
            OrdinalAt: Ints(start + places[column++], n),
            PositionOf: Ints(start + places[column++], n),
            OutStart: Ints(start + places[column++], entities + 1),
            OutOther: Ints(start + places[column++], n),
            InStart: Ints(start + places[column++], entities + 1),
            InRelationship: Ints(start + places[column++], n),
            InOther: Ints(start + places[column++], n),
            ValidTimeOf: Ints(start + places[column++], n),
            RelationshipTypes: new(start + places[column++], n),
            EntityRelationshipTypes: new((ulong*)(start + places[column++]), entities),
            TypeCounts: Ints(start + places[column], TypeCount));

        static Column<int> Ints(byte* at, int count) => new((int*)at, count);
    }

    /// <summary>Whether every one of <paramref name="count"/> values from <paramref name="place"/> passes the check, read piece by piece.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool All<T, TCheck>(SafeFileHandle file, long place, int count, ref TCheck check)
        where T : unmanaged
        where TCheck : struct, IValueCheck<T>
    {
        var size = Unsafe.SizeOf<T>();
        var buffer = ArrayPool<byte>.Shared.Rent(PieceBytes);
        try
        {
            for (var done = 0; done < count;)
            {
                var take = Math.Min(count - done, PieceBytes / size);
                var piece = buffer.AsSpan(0, take * size);
                for (var read = 0; read < piece.Length;)
                {
                    var got = RandomAccess.Read(file, piece[read..], place + (long)done * size + read);
                    if (got == 0) return false;
                    read += got;
                }

                foreach (var value in MemoryMarshal.Cast<byte, T>(piece))
                {
                    if (!check.Holds(value)) return false;
                }

                done += take;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Calls through a struct type parameter, so each check is compiled into the loop rather than called for a value.
    private interface IValueCheck<T>
    {
        bool Holds(T value);
    }

    private readonly struct BelowCheck(int count) : IValueCheck<int>
    {
        public bool Holds(int value) => (uint)value < (uint)count;
    }

    // Where each entity's rows start: from 0, never going back, ending at the count.
    private struct StartsCheck(int count) : IValueCheck<int>
    {
        private int last;

        public readonly bool Ended => last == count;

        public bool Holds(int value)
        {
            if (value < last || value > count) return false;
            last = value;
            return true;
        }
    }

    private readonly struct TypeCheck : IValueCheck<byte>
    {
        public bool Holds(byte value) => value < TypeCount && Enum.IsDefined((RelationshipType)value);
    }

    private readonly struct TypeBitsCheck : IValueCheck<ulong>
    {
        public bool Holds(ulong value) => TypeCount >= 64 || value >> TypeCount == 0;
    }

    private struct CountsCheck : IValueCheck<int>
    {
        public long Total { get; private set; }

        public bool Holds(int value)
        {
            Total += value;
            return value >= 0;
        }
    }

    // Each list of relationships citing a document or paragraph: ordinals in range, each greater than the one before in its list.
    private struct CitedCheck(int relationships, int[] lists) : IValueCheck<int>
    {
        private int list = -1, left, last;

        public bool Holds(int value)
        {
            while (left == 0)
            {
                if (++list >= lists.Length) return false;
                (left, last) = (lists[list], -1);
            }

            left--;
            if (value <= last || value >= relationships) return false;
            last = value;
            return true;
        }
    }

    private readonly struct RowCheck(Tables tables) : IValueCheck<RelationshipRow>
    {
        public bool Holds(RelationshipRow row) =>
            (uint)row.IdBlock < (uint)tables.IdBlockLengths.Length
            && row.IdStart >= 0 && row.IdStart <= tables.IdBlockLengths[row.IdBlock] - row.IdLength
            && (uint)row.Type < (uint)TypeCount && Enum.IsDefined(row.Type)
            && (row.Description == SeedSnapshotFormat.None || (uint)row.Description < (uint)tables.Strings)
            && (uint)row.ValidTime < (uint)tables.ValidTimes
            && (uint)row.Properties < (uint)tables.PropertyLists
            && (uint)row.Sources < (uint)tables.CitationLists;
    }
}
