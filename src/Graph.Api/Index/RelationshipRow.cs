using System.Runtime.InteropServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// A relationship's own fields as a value, one of a million in the array an index keeps them in
/// (<see cref="RelationshipTable"/>): numbers only, 24 bytes, no reference the collector must follow. Its id is a slice
/// of one of the table's blocks of JSON text (<see cref="JsonText"/>); its description, valid time, properties and sources are
/// places in the table's shared lists (<see cref="RelationshipValues"/>), which rows with the same value share, read through
/// <see cref="RelationshipValues"/>. A seed snapshot written with the index keeps the rows as they lie in memory, and a restart
/// maps them (<see cref="IndexColumns"/>). Its ends are not in it: the rows are laid out by the entity they start at, and
/// the adjacency's outgoing rows hold each one's far end (<see cref="RelationshipTable.FromAt"/>, <see cref="RelationshipTable.ToAt"/>).
/// </summary>
/// <remarks>
/// It held the values themselves (the id's block, the description, the valid time and the two lists as references):
/// 56 bytes a row, 56 MB for a million, and five million references each full collection traced. Rows share most of those
/// values (a million relationships had some sixty thousand distinct valid times), and places in shared lists take half the room.
/// The id's block, length and the type share one number (<see cref="MaxIdBlocks"/>, <see cref="MaxIdLength"/>; a type is one of
/// fewer than 64, as the adjacency's bit per type already needs): an int each, the row was 32 bytes, 8 MB more for a million.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RelationshipRow
{
    /// <summary>How many blocks of id text rows can refer to: a build from objects makes one, a seed snapshot one per 65,536 rows.</summary>
    public const int MaxIdBlocks = 1 << BlockBits;

    /// <summary>The longest id's JSON text in bytes a row can refer to (a seed's ids are at most 100 letters).</summary>
    public const int MaxIdLength = (1 << LengthBits) - 1;

    private const int BlockBits = 12, LengthBits = 14, TypeBits = 6;

    private readonly uint blockLengthAndType;

    /// <param name="idBlock">The block of <see cref="RelationshipValues"/> the id's JSON text lies in.</param>
    /// <param name="idStart">Where in that block it begins.</param>
    /// <param name="idLength">Its length in bytes.</param>
    /// <param name="type">The relationship's type.</param>
    /// <param name="description">The place of its description among the values' texts, or <see cref="RelationshipValues.None"/>.</param>
    /// <param name="validTime">The place of its valid time among the values' valid times.</param>
    /// <param name="properties">The place of its properties among the values' property lists.</param>
    /// <param name="sources">The place of its sources among the values' citation lists.</param>
    public RelationshipRow(int idBlock, int idStart, int idLength, RelationshipType type, int description, int validTime, int properties, int sources)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)idBlock, (uint)MaxIdBlocks, nameof(idBlock));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)idLength, (uint)MaxIdLength, nameof(idLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)type, 1u << TypeBits, nameof(type));
        blockLengthAndType = (uint)idBlock | (uint)idLength << BlockBits | (uint)type << (BlockBits + LengthBits);
        (IdStart, Description, ValidTime, Properties, Sources) = (idStart, description, validTime, properties, sources);
    }

    /// <summary>The block of <see cref="RelationshipValues"/> the id's JSON text lies in.</summary>
    public int IdBlock => (int)(blockLengthAndType & (MaxIdBlocks - 1));

    /// <summary>Where in that block it begins.</summary>
    public int IdStart { get; }

    /// <summary>Its length in bytes.</summary>
    public int IdLength => (int)(blockLengthAndType >> BlockBits & MaxIdLength);

    /// <summary>The relationship's type.</summary>
    public RelationshipType Type => (RelationshipType)(blockLengthAndType >> (BlockBits + LengthBits));

    /// <summary>The place of its description among the values' texts, or <see cref="RelationshipValues.None"/>.</summary>
    public int Description { get; }

    /// <summary>The place of its valid time among the values' valid times.</summary>
    public int ValidTime { get; }

    /// <summary>The place of its properties among the values' property lists.</summary>
    public int Properties { get; }

    /// <summary>The place of its sources among the values' citation lists.</summary>
    public int Sources { get; }
}
