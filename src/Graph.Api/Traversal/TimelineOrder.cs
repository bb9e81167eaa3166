namespace Graph.Api.Traversal;

/// <summary>Which end of an entity's timeline comes first.</summary>
public enum TimelineOrder
{
    EarliestFirst,
    LatestFirst,
}
