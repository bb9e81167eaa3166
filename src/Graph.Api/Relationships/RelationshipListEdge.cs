using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

/// <summary>
/// One relationship of a list of relationships alone (a document's supports, the whole graph's), with its cursor:
/// the list's own prefix and the relationship's id, so a cursor from another list is refused rather than read as this one's.
/// </summary>
public sealed record RelationshipListEdge(RelationshipNode Relationship, string CursorPrefix) : IPageEdge
{
    /// <summary>The cursor prefix of the whole graph's list (<c>Query.relationships</c>).</summary>
    internal const string GraphPrefix = "g";

    /// <summary>The cursor prefix of a document's supports.</summary>
    internal const string CitedPrefix = "c";

    public string Cursor => field ??= Paging.Cursor.Encode(CursorPrefix, Relationship.Id);
}

/// <summary>The edge of a list of relationships alone; each list names its own.</summary>
internal abstract class RelationshipListEdgeType : ObjectGraphType<RelationshipListEdge>
{
    protected RelationshipListEdgeType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge, or as 'before' to go back from it.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<RelationshipGraphType>>("node").Description("The relationship.").ResolveSource(s => s.Relationship);
    }
}

internal sealed class GraphRelationshipEdgeType() : RelationshipListEdgeType("GraphRelationshipEdge", "One relationship of the graph.");

internal sealed class GraphRelationshipConnectionType() : ConnectionType<GraphRelationshipEdgeType, RelationshipListEdge>(
    "GraphRelationshipConnection", "A page of the graph's relationships, in relationship-id order.", "The relationships on this page.");

internal sealed class CitedRelationshipEdgeType() : RelationshipListEdgeType("CitedRelationshipEdge", "A relationship a document supports.");

internal sealed class CitedRelationshipConnectionType() : ConnectionType<CitedRelationshipEdgeType, RelationshipListEdge>(
    "CitedRelationshipConnection", "A page of the relationships a document supports, in relationship-id order.", "The relationships on this page.");
