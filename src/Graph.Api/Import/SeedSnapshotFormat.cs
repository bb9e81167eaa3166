namespace Graph.Api.Import;

/// <summary>
/// The layout of a seed snapshot: the validated rows of a seed file in binary, so that a restart with the
/// same file and the same build loads them without reading the JSON or checking it again.
/// </summary>
/// <remarks>
/// Header, little-endian: the magic, the format version, the <see cref="SeedFingerprint"/> (build id,
/// seed length, seed hash) and the hash of the payload (both <see cref="PiecewiseHash"/>). Payload: a table of shared strings (dates,
/// property keys and values, cited documents, the relationships' descriptions), a table of property lists and one of citation lists
/// (rows that shared a list in memory share one entry), a table of the relationships' pairs of start and
/// end dates (string positions), the entities (in id order when written with the index, which then takes them as they
/// come), the search index's names in sorted order (their count, -1 for none, then each one's place as read, 4 bytes
/// each), then the relationships' count and whether the index's columns follow (1) or not (0).
/// <para>
/// Without the columns (a snapshot written without an index), the relationships follow, whose ends are entity positions and
/// whose descriptions, dates and shared values are table positions (-1 for none), in blocks that each give their row count
/// and length in bytes first, then their rows' ids in UTF-8 one after another (their length in bytes, then the bytes; each
/// row gives its id's length).
/// </para>
/// <para>
/// With them, the graph's parts follow (their count and the largest's size), then the documents the relationships cite (their
/// count, then each one's id as a string position, how many relationships cite it, and its paragraphs' count, then each
/// paragraph's number and how many cite it), then the relationships' ids, in blocks of JSON text (their count, then each one's
/// length and bytes) that the rows refer to; then zeros up to a multiple of <see cref="ColumnAlignment"/> bytes from the file's
/// start, and the index's columns, the search's name suffixes in sorted order and the cited lists as they lie in memory
/// (<see cref="SnapshotColumns"/>), which a restart maps instead of reading them.
/// </para>
/// Last, in both, eight bytes give where the columns start (0 for none).
/// </remarks>
internal static class SeedSnapshotFormat
{
    public static ReadOnlySpan<byte> Magic => "GRAPHSNP"u8;

    public const int Version = 10;

    // Magic, version, build id, seed length, seed hash, payload hash.
    public const int PayloadHashOffset = 8 + 4 + 16 + 8 + 16;

    public const int HeaderBytes = PayloadHashOffset + 16;

    public const int None = -1;

    public const int RelationshipsPerBlock = 1 << 16;

    /// <summary>What the columns start at a multiple of, from the file's start: a cache line, and a multiple of every value's size.</summary>
    public const int ColumnAlignment = 64;

    /// <summary>The bytes after the payload's last part that say where the columns start.</summary>
    public const int TrailerBytes = sizeof(long);
}
