using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>An entity found by search, with the name or alias that matched and how.</summary>
public sealed record SearchHit(EntityNode Entity, string MatchedName, MatchKind Match);
