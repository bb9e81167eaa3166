using System.Runtime.CompilerServices;

namespace Graph.Api.Search;

/// <summary>
/// Every word of the folded names, each once, with the names holding it: what similar names are found
/// by. A word one slip (<see cref="OneEdit"/>) from a word of n letters keeps either its first
/// <c>n / 2</c> letters (the slip falls at or after them) or its last <c>n - n / 2</c> (a letter left out,
/// added or changed before them). Only two letters swapped across that split keep neither, and that is one
/// word, looked up whole. So the words to check are two sorted ranges: the words starting with the one,
/// and those ending with the other (the words sorted again by their reversed letters), instead of every word.
/// </summary>
/// <remarks>
/// The split used to leave the middle letter to neither side (<c>(n - 1) / 2</c> and <c>n - 1 - (n - 1) / 2</c>
/// letters), which covers a swap without a lookup. For a word of four letters that is a range of words starting
/// with one letter: for a number among a hundred thousand names' numbers, about 11,000 words checked one by one,
/// where two letters leave about 1,100 (bench/HISTORY.md, round 66).
/// </remarks>
internal sealed class NameWords
{
    private readonly string[] words;
    private readonly int[] byEnding;
    private readonly int[] namesStart;
    private readonly int[] names;

    /// <param name="folded">The folded names, a name's position its index; words are single spaces apart.</param>
    [MethodImpl(LoadingCode.Optimised)]
    public NameWords(string[] folded)
    {
        var occurrences = new List<(string Word, int Name)>();
        for (var name = 0; name < folded.Length; name++)
        {
            foreach (var word in folded[name].Split(' ', StringSplitOptions.RemoveEmptyEntries)) occurrences.Add((word, name));
        }

        var sorted = occurrences.ToArray();
        Array.Sort(sorted, static (x, y) => string.CompareOrdinal(x.Word, y.Word) is var byWord and not 0 ? byWord : x.Name.CompareTo(y.Name));
        var distinct = new List<string>();
        var starts = new List<int>();
        var holders = new List<int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || !string.Equals(sorted[i].Word, sorted[i - 1].Word, StringComparison.Ordinal))
            {
                distinct.Add(sorted[i].Word);
                starts.Add(holders.Count);
            }

            // A name holding a word twice lists it once.
            if (holders.Count == starts[^1] || holders[^1] != sorted[i].Name) holders.Add(sorted[i].Name);
        }

        starts.Add(holders.Count);
        words = [.. distinct];
        namesStart = [.. starts];
        names = [.. holders];
        byEnding = Enumerable.Range(0, words.Length).ToArray();
        Array.Sort(byEnding, (x, y) => CompareReversed(words[x], words[y]));
    }

    /// <summary>How many different words the names hold.</summary>
    public int Count => words.Length;

    /// <summary>Adds to <paramref name="found"/> every word at most one slip from <paramref name="word"/> (itself included, when a name holds it).</summary>
    public void WithinOneEdit(string word, List<int> found)
    {
        var head = word.Length / 2;
        var (from, to) = StartingWith(word.AsSpan(0, head));
        for (var i = from; i < to; i++)
        {
            if (OneEdit.Within(words[i], word)) found.Add(i);
        }

        (from, to) = EndingWith(word.AsSpan(head));
        for (var i = from; i < to; i++)
        {
            // A word in both ranges was added from the first.
            var candidate = byEnding[i];
            if (OneEdit.Within(words[candidate], word) && !words[candidate].AsSpan().StartsWith(word.AsSpan(0, head))) found.Add(candidate);
        }

        // The two letters either side of the split swapped: in neither range, since both of its sides changed.
        if (head == 0 || word[head - 1] == word[head]) return;
        var swapped = string.Create(word.Length, (word, head), static (letters, state) =>
        {
            state.word.AsSpan().CopyTo(letters);
            (letters[state.head - 1], letters[state.head]) = (letters[state.head], letters[state.head - 1]);
        });
        (from, to) = StartingWith(swapped);
        if (from < to && string.Equals(words[from], swapped, StringComparison.Ordinal)) found.Add(from);
    }

    /// <summary>The names (their indices, ascending) holding the word.</summary>
    public ReadOnlySpan<int> NamesWith(int word) => names.AsSpan(namesStart[word], namesStart[word + 1] - namesStart[word]);

    private (int From, int To) StartingWith(ReadOnlySpan<char> start)
    {
        int low = 0, high = words.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (words[mid].AsSpan().SequenceCompareTo(start) < 0) low = mid + 1;
            else high = mid;
        }

        var to = low;
        while (to < words.Length && words[to].AsSpan().StartsWith(start)) to++;
        return (low, to);
    }

    private (int From, int To) EndingWith(ReadOnlySpan<char> end)
    {
        int low = 0, high = byEnding.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (CompareReversed(words[byEnding[mid]], end) < 0) low = mid + 1;
            else high = mid;
        }

        var to = low;
        while (to < byEnding.Length && words[byEnding[to]].AsSpan().EndsWith(end)) to++;
        return (low, to);
    }

    /// <summary>Ordinal order of the words read from their last letter to their first.</summary>
    private static int CompareReversed(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        for (int i = x.Length - 1, j = y.Length - 1; i >= 0 && j >= 0; i--, j--)
        {
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
        }

        return x.Length.CompareTo(y.Length);
    }
}
