using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>One relationship on a path, in the order walked: from one entity to the next.</summary>
public sealed record PathStep(RelationshipNode Relationship, EntityNode From, EntityNode To)
{
    /// <summary>OUT when walked along the relationship's own direction, IN when against it.</summary>
    public Direction Direction => ReferenceEquals(Relationship.From, From) && ReferenceEquals(Relationship.To, To) ? Direction.Out : Direction.In;
}

/// <summary>A walk from one entity to another through relationships, with no entity twice.</summary>
public sealed record GraphPath(IReadOnlyList<PathStep> Steps, EntityNode Start)
{
    public int Length => Steps.Count;

    public IEnumerable<EntityNode> Entities => Steps.Select(s => s.To).Prepend(Start);
}
