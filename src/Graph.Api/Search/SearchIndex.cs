using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Search;

/// <summary>
/// Names and aliases of every entity, folded by <see cref="TextNormalizer"/> and sorted, so exact and
/// prefix matches are a binary search; "contains" scans only when those do not fill the page.
/// </summary>
public sealed class SearchIndex
{
    private readonly record struct Name(string Folded, string Original, EntityNode Entity);

    private readonly Name[] names;

    public SearchIndex(IEnumerable<EntityNode> entities)
    {
        names = entities
            .SelectMany(e => e.Entity.Aliases.Prepend(e.Entity.Name).Select(n => new Name(TextNormalizer.Normalize(n), n, e)))
            .Where(n => n.Folded.Length > 0)
            .OrderBy(n => n.Folded, StringComparer.Ordinal).ThenBy(n => n.Entity.Ordinal)
            .ToArray();
    }

    /// <summary>Ranked hits: exact, then prefix, then contains; shorter names first within a rank; one hit per entity.</summary>
    public IReadOnlyList<SearchHit> Find(string text, IReadOnlySet<EntityKind>? kinds, int first)
    {
        var query = TextNormalizer.Normalize(text);
        if (query.Length == 0 || first <= 0) return [];

        var best = new Dictionary<EntityNode, (MatchKind Match, Name Name)>();
        void Offer(Name name, MatchKind match)
        {
            if (kinds is not null && !kinds.Contains(name.Entity.Kind)) return;
            if (!best.TryGetValue(name.Entity, out var current) || match < current.Match
                || (match == current.Match && name.Folded.Length < current.Name.Folded.Length))
            {
                best[name.Entity] = (match, name);
            }
        }

        for (var i = LowerBound(query); i < names.Length && names[i].Folded.StartsWith(query, StringComparison.Ordinal); i++)
        {
            Offer(names[i], names[i].Folded.Length == query.Length ? MatchKind.Exact : MatchKind.Prefix);
        }

        if (best.Count < first)
        {
            foreach (var name in names)
            {
                if (!name.Folded.StartsWith(query, StringComparison.Ordinal) && name.Folded.Contains(query, StringComparison.Ordinal))
                {
                    Offer(name, MatchKind.Contains);
                }
            }
        }

        return best
            .OrderBy(h => h.Value.Match).ThenBy(h => h.Value.Name.Folded.Length).ThenBy(h => h.Key.Ordinal)
            .Take(first)
            .Select(h => new SearchHit(h.Key, h.Value.Name.Original, h.Value.Match))
            .ToList();
    }

    private int LowerBound(string query)
    {
        int low = 0, high = names.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(names[mid].Folded, query) < 0) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
