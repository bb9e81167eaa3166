using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Search;

/// <summary>
/// Names and aliases of every entity, folded by <see cref="TextNormalizer"/>. Sorted, so exact and
/// prefix matches are a binary search. "Contains" is answered exactly, without checking names one by
/// one: for one or two letters by the entities holding each such run, for more by a suffix array of
/// the names.
/// </summary>
public sealed class SearchIndex
{
    private readonly record struct Name(string Folded, string Original, EntityNode Entity);

    // What ranking and marking read of each name, in an array of their own beside the names: a common
    // text's candidates are thousands of names in no order, and 12 bytes each (1.6 MB for 100k entities)
    // stay in the cache where the name records, read with their strings and entities, did not.
    private readonly record struct Rank(int Length, int Ordinal, EntityKind Kind);

    private readonly Name[] names;
    private readonly Rank[] ranks;
    private readonly string[][] foldedByOrdinal;
    private readonly EntityNode[] byOrdinal;
    private readonly NameSuffixes suffixes;
    private readonly ShortRunEntities shortRuns;

    [MethodImpl(LoadingCode.Optimised)]
    public SearchIndex(IEnumerable<EntityNode> entities)
    {
        names = entities
            .SelectMany(e => e.Entity.Aliases.Prepend(e.Entity.Name).Select(n => new Name(TextNormalizer.Normalize(n), n, e)))
            .Where(n => n.Folded.Length > 0)
            .OrderBy(n => n.Folded, StringComparer.Ordinal).ThenBy(n => n.Entity.Ordinal)
            .ToArray();

        ranks = Array.ConvertAll(names, n => new Rank(n.Folded.Length, n.Entity.Ordinal, n.Entity.Kind));
        foldedByOrdinal = new string[names.Length == 0 ? 0 : names.Max(n => n.Entity.Ordinal) + 1][];
        byOrdinal = new EntityNode[foldedByOrdinal.Length];
        foreach (var group in names.GroupBy(n => n.Entity.Ordinal))
        {
            foldedByOrdinal[group.Key] = group.Select(n => n.Folded).ToArray();
            byOrdinal[group.Key] = group.First().Entity;
        }

        suffixes = new NameSuffixes(Array.ConvertAll(names, n => n.Folded), Array.ConvertAll(names, n => n.Entity.Kind));
        shortRuns = new ShortRunEntities(foldedByOrdinal, byOrdinal);
    }

    /// <summary>Ranked hits: exact, then prefix, then contains; shorter names first within a rank; one hit per entity.</summary>
    public IReadOnlyList<SearchHit> Find(string text, IReadOnlySet<EntityKind>? kinds, int first)
    {
        var query = TextNormalizer.Normalize(text);
        if (query.Length == 0 || first <= 0) return [];
        // A page that the shortest "contains" names left short (entities named twice among them, or names
        // that start with the text) is found again from all of them.
        var hits = Find(query, kinds, first, shortestContainsOnly: true, out var cut);
        return hits.Count == first || !cut ? hits : Find(query, kinds, first, shortestContainsOnly: false, out _);
    }

    private List<SearchHit> Find(string query, IReadOnlySet<EntityKind>? kinds, int first, bool shortestContainsOnly, out bool cut)
    {
        using var candidates = new RankedCandidates();
        var wanted = CompactFilter.Mask(kinds);
        void Offer(int index, MatchKind match)
        {
            var rank = ranks[index];
            if (CompactFilter.Includes(wanted, (int)rank.Kind)) candidates.Add(match, rank.Length, rank.Ordinal, index);
        }

        // Names starting with the text are one sorted range: from the text itself up to the text
        // followed by the highest character, which no folded name contains.
        var prefixStart = LowerBound(query);
        var prefixEnd = LowerBound(query + char.MaxValue);
        for (var i = prefixStart; i < prefixEnd; i++)
        {
            Offer(i, ranks[i].Length == query.Length ? MatchKind.Exact : MatchKind.Prefix);
        }

        // "Contains" needs three letters to be selective; shorter text matches by prefix only. Names that
        // start with the text are the prefix range, already offered.
        cut = false;
        if (candidates.Count < first && query.Length >= NameSuffixes.ShortestText)
        {
            // Each suffix carries its name's kind, so names of other kinds are passed over without being read.
            var containing = suffixes.NamesContaining(query, wanted);
            // Contains ranks shorter names first, so only the shortest names that can fill the page are read:
            // a common text's are thousands, each read from anywhere in the names.
            if (shortestContainsOnly) containing = containing.Shortest(first - candidates.Count, out cut);
            candidates.Expect(containing.Count);
            foreach (var i in containing)
            {
                if (i < prefixStart || i >= prefixEnd) Offer(i, MatchKind.Contains);
            }
        }

        // Best first; an entity found by several of its names counts once, by its best match. A page
        // holds at most a hundred hits, so a scan of those already taken beats a hash set.
        var hits = new List<SearchHit>(Math.Min(first, candidates.Count));
        // Stops as soon as the page is full: asking for one candidate more would sort all the others.
        foreach (var (match, index) in candidates.InRankOrder(first))
        {
            var name = names[index];
            if (Taken(hits, name.Entity)) continue;
            hits.Add(new SearchHit(name.Entity, name.Original, match));
            if (hits.Count == first) break;
        }

        return hits;

        static bool Taken(List<SearchHit> hits, EntityNode entity)
        {
            foreach (var hit in hits)
            {
                if (ReferenceEquals(hit.Entity, entity)) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// The entities with a name or alias containing the text (already folded, not empty), in id order:
    /// for one or two letters a list made with the index, for more those of a range of suffixes.
    /// </summary>
    public IReadOnlyList<EntityNode> EntitiesNamedWith(string foldedText)
    {
        ArgumentException.ThrowIfNullOrEmpty(foldedText);
        if (foldedText.Length <= ShortRunEntities.LongestRun) return shortRuns.With(foldedText);
        // Marked by ordinal, so the entities come out in id order, each once, however many of its names match.
        var marked = new ulong[(byOrdinal.Length + 63) / 64];
        foreach (var i in suffixes.NamesContaining(foldedText))
        {
            marked[ranks[i].Ordinal >> 6] |= 1UL << ranks[i].Ordinal;
        }

        return new MarkedEntities(marked, byOrdinal);
    }

    /// <summary>Whether any of the entity's names contains the text, already folded by <see cref="TextNormalizer"/>.</summary>
    public bool NameContains(EntityNode entity, string foldedText)
    {
        if (entity.Ordinal >= foldedByOrdinal.Length || foldedByOrdinal[entity.Ordinal] is not { } folded) return false;
        foreach (var name in folded)
        {
            if (name.Contains(foldedText, StringComparison.Ordinal)) return true;
        }

        return false;
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
