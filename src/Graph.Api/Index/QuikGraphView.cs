using QuikGraph;

namespace Graph.Api.Index;

/// <summary>
/// One index snapshot as a QuikGraph directed graph, for QuikGraph's algorithms: the entities are its
/// vertices, each with the relationships it starts as out-edges, read straight from the compact rows
/// (nothing is copied). Lookups are by ordinal: QuikGraph's own delegate-backed graphs find a vertex by
/// walking the whole vertex list, once per edge, which took a weakly connected components run on a
/// million relationships from under a second to minutes. Its edges are nodes for one read
/// (<see cref="RelationshipTable.Uncached"/>): a whole-graph algorithm walks every relationship, and the nodes the index
/// keeps are for the ones requests read (a node kept for each of a million was 72 MB).
/// </summary>
internal sealed class QuikGraphView(GraphIndex index) : IVertexAndEdgeListGraph<EntityNode, RelationshipNode>
{
    public bool IsDirected => true;

    public bool AllowParallelEdges => true;

    public bool IsVerticesEmpty => index.Entities.Count == 0;

    public int VertexCount => index.Entities.Count;

    public IEnumerable<EntityNode> Vertices => index.Entities;

    public bool IsEdgesEmpty => index.Relationships.Count == 0;

    public int EdgeCount => index.Relationships.Count;

    public IEnumerable<RelationshipNode> Edges => Enumerable.Range(0, EdgeCount).Select(index.UncachedRelationshipAt);

    /// <summary>Whether the entity is this snapshot's own (another snapshot's node for the same id is not).</summary>
    public bool ContainsVertex(EntityNode vertex) =>
        vertex.Ordinal < index.Entities.Count && ReferenceEquals(index.EntityAt(vertex.Ordinal), vertex);

    public bool ContainsEdge(RelationshipNode edge) =>
        edge.Ordinal < index.Relationships.Count && index.UncachedRelationshipAt(edge.Ordinal).Equals(edge);

    public bool IsOutEdgesEmpty(EntityNode vertex) => OutDegree(vertex) == 0;

    public int OutDegree(EntityNode vertex) => Outgoing(vertex).Count;

    public IEnumerable<RelationshipNode> OutEdges(EntityNode vertex) => EdgesOf(Outgoing(vertex));

    public bool TryGetOutEdges(EntityNode vertex, out IEnumerable<RelationshipNode> edges)
    {
        var known = ContainsVertex(vertex);
        edges = known ? EdgesOf(index.Outgoing(vertex)) : [];
        return known;
    }

    public RelationshipNode OutEdge(EntityNode vertex, int position) => Outgoing(vertex).UncachedAt(position);

    public bool ContainsEdge(EntityNode source, EntityNode target) => TryGetEdge(source, target, out _);

    public bool TryGetEdge(EntityNode source, EntityNode target, out RelationshipNode edge)
    {
        edge = ContainsVertex(source) ? EdgesOf(index.Outgoing(source)).FirstOrDefault(r => r.To == target)! : null!;
        return edge is not null;
    }

    public bool TryGetEdges(EntityNode source, EntityNode target, out IEnumerable<RelationshipNode> edges)
    {
        var known = ContainsVertex(source) && ContainsVertex(target);
        edges = known ? EdgesOf(index.Outgoing(source)).Where(r => r.To == target).ToList() : [];
        return known;
    }

    private static IEnumerable<RelationshipNode> EdgesOf(RelationshipRun run) => Enumerable.Range(0, run.Count).Select(run.UncachedAt);

    private RelationshipRun Outgoing(EntityNode vertex) =>
        ContainsVertex(vertex) ? index.Outgoing(vertex) : throw new VertexNotFoundException();
}
