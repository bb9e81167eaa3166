using System.Runtime.CompilerServices;
using Graph.Api.Index;

namespace Graph.Api.Search;

/// <summary>
/// The entities holding each run of one or two characters, gathered name by name while
/// <see cref="ShortRunEntities"/> is built, in the form that class keeps: a run held by at least one
/// entity in 64 as a bit set of ordinals, a rarer one as a list. A run of ASCII characters (nearly
/// every run of a folded name: letters, digits and spaces) is a slot of an array found by its
/// characters; any other run is a key of a dictionary. Finding each of the 4.4 million runs of 100k
/// entities' names by its text in a dictionary, and growing lists of up to 100k ordinals for the common
/// ones, took 0.2–0.36 s of the search index's 1.5 s, the last part of an index build to finish
/// (bench/HISTORY.md, round 32).
/// </summary>
/// <param name="entityCount">How many entities there are: ordinals are below it.</param>
internal sealed class ShortRunHolders(int entityCount)
{
    private const int Ascii = 128;

    // Slot c holds the run of the one character c, slot Ascii + c1 * Ascii + c2 the run c1 c2.
    private readonly Holders?[] ascii = new Holders?[Ascii + (Ascii * Ascii)];
    private readonly Dictionary<string, Holders> other = new(StringComparer.Ordinal);

    /// <summary>Notes that the entity holds the run (one or two characters). Ordinals come in ascending order.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    public void Add(ReadOnlySpan<char> run, int ordinal)
    {
        var holders = Of(run);
        // An entity already noted is the last one.
        if (holders.Last == ordinal) return;
        holders.Last = ordinal;
        if (holders.Marked is { } marked)
        {
            marked[ordinal >> 6] |= 1UL << ordinal;
            return;
        }

        holders.Ordinals.Add(ordinal);
        if ((long)holders.Ordinals.Count * 64 < entityCount) return;
        holders.Marked = new ulong[(entityCount + 63) / 64];
        foreach (var held in holders.Ordinals) holders.Marked[held >> 6] |= 1UL << held;
        holders.Ordinals = [];
    }

    /// <summary>Every run held by some entity, with its entities in id order.</summary>
    public IEnumerable<(string Run, IReadOnlyList<EntityNode> Entities)> All(EntityNode[] byOrdinal)
    {
        for (var slot = 0; slot < ascii.Length; slot++)
        {
            if (ascii[slot] is not { } holders) continue;
            var run = slot < Ascii ? ((char)slot).ToString() : new string([(char)((slot - Ascii) / Ascii), (char)((slot - Ascii) % Ascii)]);
            yield return (run, holders.Entities(byOrdinal));
        }

        foreach (var (run, holders) in other) yield return (run, holders.Entities(byOrdinal));
    }

    [MethodImpl(LoadingCode.Optimised)]
    private Holders Of(ReadOnlySpan<char> run)
    {
        int? slot = run switch
        {
            [var c] when c < Ascii => c,
            [var c1, var c2] when c1 < Ascii && c2 < Ascii => Ascii + (c1 * Ascii) + c2,
            _ => null,
        };
        if (slot is { } at) return ascii[at] ??= new Holders();
        var lookup = other.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(run, out var holders)) lookup[run] = holders = new Holders();
        return holders;
    }

    /// <summary>One run's entities: a list of ordinals until they are one in 64 of all, then a bit set.</summary>
    private sealed class Holders
    {
        public int Last { get; set; } = -1;

        public List<int> Ordinals { get; set; } = [];

        public ulong[]? Marked { get; set; }

        public IReadOnlyList<EntityNode> Entities(EntityNode[] byOrdinal) =>
            Marked is { } marked ? new MarkedEntities(marked, byOrdinal) : Ordinals.ConvertAll(o => byOrdinal[o]).ToArray();
    }
}
