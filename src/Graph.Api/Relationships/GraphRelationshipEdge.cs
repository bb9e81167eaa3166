using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

/// <summary>One relationship of the graph-wide list (<c>Query.relationships</c>).</summary>
public sealed record GraphRelationshipEdge(RelationshipNode Relationship) : IPageEdge
{
    /// <summary>The cursor's prefix: its own, so a cursor from another list is refused rather than read as this one's.</summary>
    internal const string CursorPrefix = "g";

    public string Cursor => field ??= Paging.Cursor.Encode(CursorPrefix, Relationship.Id);
}

internal sealed class GraphRelationshipEdgeType : ObjectGraphType<GraphRelationshipEdge>
{
    public GraphRelationshipEdgeType()
    {
        Name = "GraphRelationshipEdge";
        Description = "One relationship of the graph.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this edge, or as 'before' to go back from it.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<RelationshipGraphType>>("node").Description("The relationship.").ResolveSource(s => s.Relationship);
    }
}

internal sealed class GraphRelationshipConnectionType() : ConnectionType<GraphRelationshipEdgeType, GraphRelationshipEdge>(
    "GraphRelationshipConnection", "A page of the graph's relationships, in relationship-id order.", "The relationships on this page.");
