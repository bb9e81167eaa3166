namespace Graph.Api.Index;

/// <summary>
/// The ordinals of every relationship's two ends, by the relationship's ordinal: what the adjacency is built from,
/// read in order from two flat arrays instead of through each node and its two entities (three objects a relationship).
/// Only the build holds them; the index finds a relationship's ends in the adjacency's outgoing rows.
/// </summary>
internal readonly record struct RelationshipEnds(int[] From, int[] To);
