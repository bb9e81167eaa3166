namespace Graph.Api.Index;

/// <summary>Which relationships of one index hold on one day (<see cref="CompactAdjacency.HoldingOn"/>): a flag for each valid time.</summary>
/// <param name="Adjacency">The index's adjacency it was worked out for.</param>
/// <param name="ValidTimeOf">Each relationship's valid time, by ordinal.</param>
/// <param name="Holds">Whether each valid time holds on the day.</param>
internal sealed record HoldingOnADay(CompactAdjacency Adjacency, Column<int> ValidTimeOf, bool[] Holds)
{
    public bool Of(int relationship) => Holds[ValidTimeOf[relationship]];
}
