using Graph.Api.Index;
using Graph.Api.Paging;

namespace Graph.Api.Relationships;

/// <summary>An entity's relationship seen from that entity: the relationship, the other end and the direction.</summary>
public sealed record RelationshipEdge(Adjacent Adjacent) : IPageEdge
{
    public string Cursor => field ??= Paging.Cursor.Encode("r", Adjacent.Relationship.Id);
}
