using System.Globalization;
using Graph.Api.Index;
using Graph.Api.Schema;

namespace Graph.Api.Search;

/// <summary>
/// A search hit's cursor: how it matched, its rank within the match (the length of the name that matched, and
/// for a similar name its slips) and the entity's id, which
/// together are its rank. The next page holds the hits ranked after it, so a cursor stays right however
/// deep the page, without counting the hits before it.
/// </summary>
internal static class SearchCursor
{
    private const string Prefix = "s";

    public static string Encode(SearchHit hit) =>
        Paging.Cursor.Encode(Prefix, string.Create(CultureInfo.InvariantCulture, $"{(int)hit.Match}:{hit.RankLength}:{hit.Entity.Id}"));

    /// <summary>The rank a cursor names (as <see cref="RankedCandidates.Key"/> packs it); refused when it names no rank of this graph.</summary>
    public static long Rank(GraphIndex index, string cursor)
    {
        var parts = Paging.Cursor.Decode(Prefix, cursor).Split(':', 3);
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var match) && Enum.IsDefined((MatchKind)match)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && index.FindEntity(parts[2]) is { } entity)
        {
            return RankedCandidates.Key((MatchKind)match, length, entity.Ordinal);
        }

        throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", "The 'after' cursor names no hit of this graph; search again without 'after'.");
    }
}
