using Graph.Api.Model;
using QuikGraph;

namespace Graph.Api.Index;

/// <summary>A relationship inside one index snapshot: an edge of the QuikGraph graph, ordinal in id order.</summary>
public sealed class RelationshipNode(int ordinal, Relationship relationship, EntityNode from, EntityNode to) : IEdge<EntityNode>
{
    public int Ordinal { get; } = ordinal;
    public Relationship Relationship { get; } = relationship;
    public EntityNode From { get; } = from;
    public EntityNode To { get; } = to;
    public string Id => Relationship.Id;
    public RelationshipType Type => Relationship.Type;
    EntityNode IEdge<EntityNode>.Source => From;
    EntityNode IEdge<EntityNode>.Target => To;

    public EntityNode OtherEnd(EntityNode end) => ReferenceEquals(end, From) ? To : From;
    public override string ToString() => Id;
}
