namespace Graph.Api.Search;

/// <summary>
/// The words of a folded search text of several words, for names that hold them all in any order. A word
/// of <see cref="NameSuffixes.ShortestText"/> letters or more may be anywhere in a name, as "contains" has
/// it; a shorter one must start a word of the name, since one or two letters anywhere are in most names.
/// </summary>
internal sealed class SearchWords
{
    // Each short word after a space: the start of any word of a name but its first.
    private readonly string[] afterSpace;

    private SearchWords(string[] anywhere, string[] wordStarts)
    {
        (Anywhere, WordStarts) = (anywhere, wordStarts);
        afterSpace = Array.ConvertAll(wordStarts, word => string.Concat(" ", word));
        foreach (var word in wordStarts) Initials |= Initial(word[0]);
    }

    /// <summary>The short words' first letters as <see cref="InitialsOf"/> marks them.</summary>
    public uint Initials { get; }

    /// <summary>The long words, each once.</summary>
    public string[] Anywhere { get; }

    /// <summary>The short words, each once.</summary>
    public string[] WordStarts { get; }

    /// <summary>The words of a folded text, or null when it is one word or has no long word to look names up by.</summary>
    public static SearchWords? Of(string folded)
    {
        if (!folded.Contains(' ', StringComparison.Ordinal)) return null;
        var words = folded.Split(' ').Distinct(StringComparer.Ordinal).ToArray();
        // A long word inside another is held wherever the other is: only the other is looked up.
        var anywhere = Array.FindAll(words, w => w.Length >= NameSuffixes.ShortestText
            && !Array.Exists(words, other => other.Length > w.Length && other.Contains(w, StringComparison.Ordinal)));
        return anywhere.Length == 0 ? null : new SearchWords(anywhere, Array.FindAll(words, w => w.Length < NameSuffixes.ShortestText));
    }

    /// <summary>
    /// The first letters of a folded name's words, a bit for each: a name without all of a text's
    /// <see cref="Initials"/> has a short word that starts none of its words. Each of a–z has a bit of its own,
    /// the digits share six, and any other letter shares the bit of a letter 32 code points from it.
    /// </summary>
    public static uint InitialsOf(string folded)
    {
        var initials = 0u;
        for (var i = 0; i < folded.Length; i++)
        {
            if (i == 0 || folded[i - 1] == ' ') initials |= Initial(folded[i]);
        }

        return initials;
    }

    private static uint Initial(char letter) => letter switch
    {
        >= 'a' and <= 'z' => 1u << (letter - 'a'),
        >= '0' and <= '9' => 1u << (26 + ((letter - '0') % 6)),
        _ => 1u << (letter & 31),
    };

    /// <summary>Whether the folded name holds every word: each long one anywhere, each short one at the start of a word.</summary>
    public bool HeldBy(string foldedName) => Array.TrueForAll(Anywhere, word => foldedName.Contains(word, StringComparison.Ordinal)) && StartWordsOf(foldedName);

    /// <summary>Whether every short word starts a word of the folded name (words are single spaces apart).</summary>
    public bool StartWordsOf(string foldedName)
    {
        for (var i = 0; i < WordStarts.Length; i++)
        {
            if (!foldedName.StartsWith(WordStarts[i], StringComparison.Ordinal) && !foldedName.Contains(afterSpace[i], StringComparison.Ordinal)) return false;
        }

        return true;
    }
}
