namespace Graph.Api.Search;

/// <summary>
/// The words of a folded search text, for names that hold each of them, or a word one slip away
/// (<see cref="OneEdit"/>) from each of the longer ones: what a text that names nothing as typed is
/// most likely to have meant. A word of <see cref="SlipsFrom"/> letters or more may be matched by a
/// word one slip away; every word may also be held as <see cref="SearchWords"/> holds it (three letters
/// or more anywhere, fewer at the start of a word), so "alexandr lukashenko" finds "Alexander Lukashenko".
/// Names with fewer words held only with a slip rank first.
/// </summary>
internal sealed class SimilarWords
{
    /// <summary>
    /// The shortest word that may be matched by a word one slip away: nearly every word of three letters is
    /// one slip from dozens of others.
    /// </summary>
    public const int SlipsFrom = 4;

    private SimilarWords(string[] words) => Words = words;

    /// <summary>The words, each once.</summary>
    public string[] Words { get; }

    /// <summary>The words of a folded text, or null when none is long enough to be matched by a slip.</summary>
    public static SimilarWords? Of(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        return Array.Exists(words, word => word.Length >= SlipsFrom) ? new SimilarWords(words) : null;
    }

    /// <summary>
    /// How many of the long words the folded name holds only with a slip, or null when it does not hold every
    /// word so (<see cref="NameWords"/> finds the same names by sets, for many names at once).
    /// </summary>
    public int? SlipsIn(string foldedName)
    {
        var slips = 0;
        foreach (var word in Words)
        {
            if (word.Length >= NameSuffixes.ShortestText ? foldedName.Contains(word, StringComparison.Ordinal) : StartsAWord(foldedName, word)) continue;
            if (word.Length < SlipsFrom || !HasWordOneSlipFrom(foldedName, word)) return null;
            slips++;
        }

        return slips;
    }

    /// <summary>
    /// A similar name's rank within its match, as a hit carries it: fewer slips first, then shorter names. A
    /// folded name is at most a few hundred letters (an import's names are at most 200 characters), well
    /// within the 16 bits kept for its length.
    /// </summary>
    public static int RankLength(int slips, int length) => (slips << 16) | Math.Min(length, 0xFFFF);

    private static bool HasWordOneSlipFrom(string foldedName, string word)
    {
        foreach (var range in foldedName.AsSpan().Split(' '))
        {
            if (OneEdit.Within(foldedName.AsSpan(range), word)) return true;
        }

        return false;
    }

    private static bool StartsAWord(string foldedName, string word)
    {
        foreach (var range in foldedName.AsSpan().Split(' '))
        {
            if (foldedName.AsSpan(range).StartsWith(word, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
