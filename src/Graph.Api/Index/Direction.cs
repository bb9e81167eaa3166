namespace Graph.Api.Index;

/// <summary>Which relationships of an entity to follow: outgoing, incoming or both (undirected).</summary>
public enum Direction
{
    Out,
    In,
    Both,
}
