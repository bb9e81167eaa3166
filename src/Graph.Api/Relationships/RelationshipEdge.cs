using Graph.Api.Index;
using Graph.Api.Paging;

namespace Graph.Api.Relationships;

/// <summary>An entity's relationship seen from that entity: the relationship, the other end and the direction.</summary>
public sealed record RelationshipEdge(Adjacent Adjacent, string Cursor) : IPageEdge;
