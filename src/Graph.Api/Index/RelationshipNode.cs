using Graph.Api.Model;
using QuikGraph;

namespace Graph.Api.Index;

/// <summary>
/// A relationship inside one index snapshot: an edge of the QuikGraph graph, ordinal in id order.
/// Its id and type are kept here too (the id also as JSON text encoded once), for the same reason as
/// on <see cref="EntityNode"/>.
/// </summary>
public sealed class RelationshipNode : IEdge<EntityNode>
{
    public RelationshipNode(int ordinal, Relationship relationship, EntityNode from, EntityNode to)
    {
        Ordinal = ordinal;
        Relationship = relationship;
        From = from;
        To = to;
        Id = relationship.Id;
        Type = relationship.Type;
        IdJson = JsonText.Encode(relationship.Id);
    }

    public int Ordinal { get; }

    public Relationship Relationship { get; }

    public EntityNode From { get; }

    public EntityNode To { get; }

    public string Id { get; }

    public RelationshipType Type { get; }

    public JsonText IdJson { get; }

    EntityNode IEdge<EntityNode>.Source => From;

    EntityNode IEdge<EntityNode>.Target => To;

    public EntityNode OtherEnd(EntityNode end) => ReferenceEquals(end, From) ? To : From;

    public override string ToString() => Id;
}
