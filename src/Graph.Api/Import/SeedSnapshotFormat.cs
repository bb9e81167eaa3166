namespace Graph.Api.Import;

/// <summary>
/// The layout of a seed snapshot: the validated rows of a seed file in binary, so that a restart with the
/// same file and the same build loads them without reading the JSON or checking it again.
/// </summary>
/// <remarks>
/// Header, little-endian: the magic, the format version, the <see cref="SeedFingerprint"/> (build id,
/// seed length, seed hash) and the XxHash128 of the payload. Payload: a table of shared strings (dates,
/// property keys and values, cited documents, the relationships' descriptions), a table of property lists and one of citation lists
/// (rows that shared a list in memory share one entry), a table of the relationships' pairs of start and
/// end dates (string positions), the entities (in id order when written with the index, which then takes them as they
/// come), the search index's name suffixes
/// in sorted order (their count, -1 for none, then 8 bytes each, as <see cref="Search.NameSuffixes.Suffix"/>
/// lies in memory) and its names in sorted order (their count, -1 for none, then each one's place as read, 4 bytes
/// each), then the relationships, whose ends are entity positions and whose descriptions, dates and shared values are
/// table positions (-1 for none), in blocks that each give their row count and length in bytes first, then their rows'
/// ids in UTF-8 one after another (their length in bytes, then the bytes; each row gives its id's length), and last each
/// relationship's ordinal in the index (its place in id order; the count, -1 for none, then 4 bytes each). With the
/// ordinals, the relationships lie in the order the index lays its rows out in: grouped by the entity they start at,
/// then by ordinal (<see cref="Index.PrebuiltParts.Ordinals"/>).
/// </remarks>
internal static class SeedSnapshotFormat
{
    public static ReadOnlySpan<byte> Magic => "GRAPHSNP"u8;

    public const int Version = 6;

    // Magic, version, build id, seed length, seed hash, payload hash.
    public const int PayloadHashOffset = 8 + 4 + 16 + 8 + 16;

    public const int HeaderBytes = PayloadHashOffset + 16;

    public const int None = -1;

    public const int RelationshipsPerBlock = 1 << 16;
}
