using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>An entity found by search, with the name or alias that matched, how, and that name's folded length (its rank within the match).</summary>
public sealed record SearchHit(EntityNode Entity, string MatchedName, MatchKind Match, int FoldedLength)
{
    /// <summary>Where the hit ranks, for <see cref="SearchCursor"/>.</summary>
    public long Rank => RankedCandidates.Key(Match, FoldedLength, Entity.Ordinal);

    public string Cursor => field ??= SearchCursor.Encode(this);
}
