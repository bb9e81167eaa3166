using System.Runtime.CompilerServices;
using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>
/// For every run of one or two letters in the folded names, the entities with a name or alias holding
/// it, in id order, made once when the index is built: a name filter of one or two letters is then a
/// lookup. Longer text is a range of the names' suffixes (<see cref="NameSuffixes"/>); shorter text used to test
/// every entity (10–50 ms a request for 100k entities, whether it asked for a total or found nothing).
/// A run held by at least one entity in 64 keeps its entities as a bit set (12.5 KB for 100k entities),
/// a rarer one as an array.
/// </summary>
internal sealed class ShortRunEntities
{
    public const int LongestRun = 2;

    private readonly Dictionary<string, IReadOnlyList<EntityNode>>.AlternateLookup<ReadOnlySpan<char>> byRun;

    /// <param name="foldedByOrdinal">Each entity's folded names, by ordinal (null for an entity without any).</param>
    /// <param name="byOrdinal">The entities by ordinal.</param>
    [MethodImpl(LoadingCode.Optimised)]
    public ShortRunEntities(string[]?[] foldedByOrdinal, EntityNode[] byOrdinal)
    {
        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = holders.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var ordinal = 0; ordinal < foldedByOrdinal.Length; ordinal++)
        {
            foreach (var name in foldedByOrdinal[ordinal] ?? [])
            {
                for (var length = 1; length <= LongestRun; length++)
                {
                    for (var at = 0; at + length <= name.Length; at++)
                    {
                        var run = name.AsSpan(at, length);
                        if (!lookup.TryGetValue(run, out var list)) lookup[run] = list = [];
                        // Ordinals come in ascending order: an entity already listed is the last one.
                        if (list.Count == 0 || list[^1] != ordinal) list.Add(ordinal);
                    }
                }
            }
        }

        var words = (byOrdinal.Length + 63) / 64;
        var entities = new Dictionary<string, IReadOnlyList<EntityNode>>(StringComparer.Ordinal);
        foreach (var (run, ordinals) in holders)
        {
            if ((long)ordinals.Count * 64 < byOrdinal.Length)
            {
                entities[run] = ordinals.ConvertAll(o => byOrdinal[o]).ToArray();
                continue;
            }

            var marked = new ulong[words];
            foreach (var ordinal in ordinals) marked[ordinal >> 6] |= 1UL << ordinal;
            entities[run] = new MarkedEntities(marked, byOrdinal);
        }

        byRun = entities.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The entities with a name or alias containing the text, already folded, of one or two letters.</summary>
    public IReadOnlyList<EntityNode> With(ReadOnlySpan<char> foldedText)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(foldedText.Length, LongestRun);
        return byRun.TryGetValue(foldedText, out var entities) ? entities : [];
    }
}
