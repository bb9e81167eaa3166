using System.Runtime.CompilerServices;
using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>
/// For every run of one or two letters in the folded names, the entities with a name or alias holding
/// it, in id order, made once per index, just after it serves (<see cref="SearchIndex.PrepareDeferred"/>): a name
/// filter of one or two letters is then a lookup. Longer text is a range of the names' suffixes (<see cref="NameSuffixes"/>); shorter text used to test
/// every entity (10–50 ms a request for 100k entities, whether it asked for a total or found nothing).
/// A run held by at least one entity in 64 keeps its entities as a bit set (12.5 KB for 100k entities),
/// a rarer one as an array.
/// </summary>
internal sealed class ShortRunEntities
{
    public const int LongestRun = 2;

    private readonly Dictionary<string, IReadOnlyList<EntityNode>>.AlternateLookup<ReadOnlySpan<char>> byRun;

    /// <param name="foldedByOrdinal">Each entity's folded names, by ordinal.</param>
    /// <param name="byOrdinal">The entities by ordinal.</param>
    [MethodImpl(LoadingCode.Optimised)]
    public ShortRunEntities(EntityNames foldedByOrdinal, EntityNode[] byOrdinal)
    {
        var holders = new ShortRunHolders(byOrdinal.Length);
        for (var ordinal = 0; ordinal < foldedByOrdinal.EntityCount; ordinal++)
        {
            foreach (var name in foldedByOrdinal.Of(ordinal))
            {
                for (var length = 1; length <= LongestRun; length++)
                {
                    for (var at = 0; at + length <= name.Length; at++) holders.Add(name.AsSpan(at, length), ordinal);
                }
            }
        }

        var entities = new Dictionary<string, IReadOnlyList<EntityNode>>(StringComparer.Ordinal);
        foreach (var (run, holding) in holders.All(byOrdinal)) entities[run] = holding;

        byRun = entities.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The entities with a name or alias containing the text, already folded, of one or two letters.</summary>
    public IReadOnlyList<EntityNode> With(ReadOnlySpan<char> foldedText)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(foldedText.Length, LongestRun);
        return byRun.TryGetValue(foldedText, out var entities) ? entities : [];
    }
}
