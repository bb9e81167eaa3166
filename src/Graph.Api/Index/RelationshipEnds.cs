namespace Graph.Api.Index;

/// <summary>
/// Each relationship's two ends, relationship by relationship, as two columns of entity positions or ordinals. Two arrays,
/// not one of pairs: once the rows lie as the index lays them out, the column of far ends is the adjacency's outgoing rows'
/// others as it is (<see cref="CompactAdjacency.OutgoingRows"/>), kept rather than copied, and only the starts are let go
/// after the build. As pairs, a restart from a seed snapshot held both (8 MB for a million relationships) and a copy of the
/// far ends (4 MB more) at ready.
/// </summary>
/// <param name="From">The entity each relationship starts at.</param>
/// <param name="To">The entity each ends at.</param>
internal sealed record RelationshipEnds(int[] From, int[] To)
{
    public int Count => From.Length;

    /// <summary>Columns of this many relationships, each end 0 until set.</summary>
    public static RelationshipEnds Sized(int count) => new(new int[count], new int[count]);

    /// <summary>The same ends with each entity number replaced by its number in <paramref name="map"/>.</summary>
    public RelationshipEnds Mapped(int[] map) => new(Array.ConvertAll(From, e => map[e]), Array.ConvertAll(To, e => map[e]));
}
