using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// How <see cref="GraphIndex"/> reads one kind of relationship it is built from: the id it is ordered
/// by, the ids of its ends, and the node it becomes. The index is built from the model's relationships or
/// straight from rows (checked, stored or read from a seed snapshot), which spares a million model objects
/// made only to be copied into nodes. Rows that already hold their id's JSON text (a seed snapshot's) give it
/// (<see cref="IdText"/>); the others' ids are encoded into a block by the build. Rows always given with their ends'
/// positions (<see cref="PrebuiltParts.Ends"/>, a seed snapshot's) need no ids of their ends.
/// </summary>
internal sealed record RelationshipInput<T>(
    Func<T, string> Id,
    Func<T, string>? FromId,
    Func<T, string>? ToId,
    Func<int, T, EntityNode, EntityNode, JsonText, RelationshipNode> Node,
    Func<T, JsonText>? IdText = null);

internal static class RelationshipInput
{
    public static RelationshipInput<Relationship> Model { get; } = new(
        static r => r.Id, static r => r.FromId, static r => r.ToId,
        static (ordinal, r, from, to, idJson) => new RelationshipNode(ordinal, r, from, to, idJson));
}
