using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Import;

/// <summary>
/// A relationship as a seed snapshot gives it back: a value in one array, not a row object. A restart builds the
/// index from these and lets the array go; the store's rows are made afterwards from the index's nodes
/// (<see cref="GraphImporter"/>). A million row objects held until the store was written were about 100 MiB
/// of a restart's heap at ready, and the reader's and the index's collections traced every one of them.
/// Its valid time is made once for each pair of dates the snapshot holds, and shared by the rows with that pair.
/// Its id comes as the JSON text the node keeps (<see cref="RelationshipNode.IdJson"/>), in a block the reader shares
/// among a block of rows: no string is made for it, nor encoded again by the index. Its ends are not in it: the
/// snapshot gives every row's ends as positions among its entities (<see cref="PrebuiltParts.Ends"/>), which the index
/// reads instead of ids, so two references a row (16 MB for a million) were made and traced only to go unread.
/// </summary>
internal readonly record struct SnapshotRelationship(
    JsonText IdJson,
    RelationshipType Type,
    string? Description,
    ValidTime ValidTime,
    IReadOnlyList<TypedProperty> Properties,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>The id, made from its text each time it is asked for.</summary>
    public string Id => IdJson.Decoded();

    /// <summary>How the index reads these: each becomes its node with the valid time it came with.</summary>
    public static RelationshipInput<SnapshotRelationship> IndexInput { get; } = new(
        static r => r.Id, FromId: null, ToId: null,
        [MethodImpl(LoadingCode.Optimised)] static (ordinal, r, from, to, idJson) =>
            new RelationshipNode(ordinal, r.Type, r.Description, r.ValidTime, r.Properties, r.Sources, from, to, idJson),
        static r => r.IdJson);
}
