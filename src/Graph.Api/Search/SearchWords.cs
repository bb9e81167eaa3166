namespace Graph.Api.Search;

/// <summary>
/// The words of a folded search text of several words, for names that hold them all in any order. A word
/// of <see cref="NameSuffixes.ShortestText"/> letters or more may be anywhere in a name, as "contains" has
/// it; a shorter one must start a word of the name, since one or two letters anywhere are in most names.
/// </summary>
internal sealed class SearchWords
{
    private SearchWords(string[] anywhere, string[] wordStarts) => (Anywhere, WordStarts) = (anywhere, wordStarts);

    /// <summary>The long words, each once.</summary>
    public string[] Anywhere { get; }

    /// <summary>The short words, each once.</summary>
    public string[] WordStarts { get; }

    /// <summary>The words of a folded text, or null when it is one word or has no long word to look names up by.</summary>
    public static SearchWords? Of(string folded)
    {
        if (!folded.Contains(' ', StringComparison.Ordinal)) return null;
        var words = folded.Split(' ').Distinct(StringComparer.Ordinal).ToArray();
        var anywhere = Array.FindAll(words, w => w.Length >= NameSuffixes.ShortestText);
        return anywhere.Length == 0 ? null : new SearchWords(anywhere, Array.FindAll(words, w => w.Length < NameSuffixes.ShortestText));
    }

    /// <summary>Whether every short word starts a word of the folded name (words are single spaces apart).</summary>
    public bool StartWordsOf(string foldedName)
    {
        foreach (var word in WordStarts)
        {
            if (!foldedName.StartsWith(word, StringComparison.Ordinal) && !foldedName.Contains(string.Concat(" ", word), StringComparison.Ordinal)) return false;
        }

        return true;
    }
}
