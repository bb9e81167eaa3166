using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>
/// An entity found by search, with the name or alias that matched, how, and its rank within the match: the
/// name's folded length, and for a similar name first how many of the text's words it holds only with a slip
/// (<see cref="SimilarWords.RankLength"/>).
/// </summary>
public sealed record SearchHit(EntityNode Entity, string MatchedName, MatchKind Match, int RankLength)
{
    /// <summary>Where the hit ranks, for <see cref="SearchCursor"/>.</summary>
    public long Rank => RankedCandidates.Key(Match, RankLength, Entity.Ordinal);

    public string Cursor => field ??= SearchCursor.Encode(this);
}
