using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>Which relationships a scan keeps: by type, by the kind of the other end, and by the date they hold on.</summary>
public sealed record RelationshipFilter(
    IReadOnlySet<RelationshipType>? Types = null,
    IReadOnlySet<EntityKind>? OtherKinds = null,
    DateOnly? AsOf = null)
{
    public static readonly RelationshipFilter None = new();

    public bool Keeps(RelationshipNode relationship, EntityNode other) =>
        (Types is null || Types.Contains(relationship.Type))
        && (OtherKinds is null || OtherKinds.Contains(other.Kind))
        && (AsOf is not { } date || relationship.ValidTime.HoldsOn(date));
}
