using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// How <see cref="GraphIndex"/> reads one kind of relationship it is built from: the id it is ordered
/// by, the ids of its ends, and the node it becomes (given its valid time when that is already known,
/// <see cref="PrebuiltParts.Times"/>). The index is built from the model's relationships or straight from
/// stored rows, which spares a million model objects made only to be copied into nodes.
/// </summary>
internal sealed record RelationshipInput<T>(
    Func<T, string> Id,
    Func<T, string> FromId,
    Func<T, string> ToId,
    Func<int, T, EntityNode, EntityNode, JsonText, ValidTime?, RelationshipNode> Node);

internal static class RelationshipInput
{
    public static RelationshipInput<Relationship> Model { get; } = new(
        static r => r.Id, static r => r.FromId, static r => r.ToId,
        static (ordinal, r, from, to, idJson, _) => new RelationshipNode(ordinal, r, from, to, idJson));
}
