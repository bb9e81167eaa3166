namespace Graph.Api.Index;

/// <summary>Which relationships of an entity to follow: outgoing, incoming or both (undirected).</summary>
public enum Direction
{
    Out,
    In,
    Both,
}

public static class DirectionExtensions
{
    /// <summary>The direction that walks the same relationships the other way (BOTH stays BOTH).</summary>
    public static Direction Reversed(this Direction direction) => direction switch
    {
        Direction.Out => Direction.In,
        Direction.In => Direction.Out,
        _ => Direction.Both,
    };
}
