using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

/// <summary>
/// One typing slip (a letter left out, added or changed, or two neighbouring letters swapped), checked against
/// the distance a full table computes; and the words of the names one slip from a word, against every word.
/// </summary>
public sealed class OneEditTests
{
    /// <summary>The optimal string alignment distance, by the full table: the slips a word is away from another.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    private static string RandomWord(Random random, int maxLength) =>
        new([.. Enumerable.Range(0, random.Next(0, maxLength + 1)).Select(_ => "abc"[random.Next(3)])]);

    [Theory]
    [InlineData("belarus", "belarus", true)]
    [InlineData("belarus", "belrus", true)]
    [InlineData("belarus", "belaruss", true)]
    [InlineData("belarus", "belarys", true)]
    [InlineData("belarus", "bealrus", true)]
    [InlineData("belarus", "ebalrus", false)]
    [InlineData("belarus", "blearsu", false)]
    [InlineData("abc", "cab", false)]
    [InlineData("", "a", true)]
    [InlineData("", "ab", false)]
    public void Known_pairs(string a, string b, bool within)
    {
        Assert.Equal(within, OneEdit.Within(a, b));
        Assert.Equal(within, OneEdit.Within(b, a));
    }

    [Fact]
    public void Agrees_with_the_full_table_on_every_pair_of_random_words()
    {
        var random = new Random(5);
        var words = Enumerable.Range(0, 400).Select(_ => RandomWord(random, 7)).ToArray();
        var near = 0;
        foreach (var a in words)
        {
            foreach (var b in words.Take(120))
            {
                var expected = Distance(a, b) <= 1;
                Assert.True(expected == OneEdit.Within(a, b), $"'{a}' and '{b}'");
                if (expected && a != b) near++;
            }
        }

        Assert.True(near >= 500, $"only {near} pairs were one slip apart");
    }

    [Fact]
    public void The_names_words_one_slip_from_a_word_are_those_the_full_table_finds_each_once()
    {
        var random = new Random(9);
        // Names of up to three words, so words repeat across names and within one.
        var names = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomWord(random, 8)).Where(w => w.Length > 0).DefaultIfEmpty("c"))).ToArray();
        var nameWords = new NameWords(names);
        var vocabulary = names.SelectMany(n => n.Split(' ')).Distinct().ToArray();
        Assert.Equal(vocabulary.Length, nameWords.Count);

        var checkedWords = 0;
        foreach (var word in vocabulary.Concat(Enumerable.Range(0, 200).Select(_ => RandomWord(random, 9))).Where(w => w.Length >= SimilarWords.SlipsFrom).Distinct())
        {
            FindsWhatTheFullTableFinds(names, nameWords, word);
            checkedWords++;
        }

        Assert.True(checkedWords >= 150, $"only {checkedWords} words were checked");
    }

    [Theory]
    [InlineData("7413", "7143")]
    [InlineData("7413", "4713")]
    [InlineData("7413", "7431")]
    [InlineData("12005", "12050")]
    [InlineData("12005", "10205")]
    [InlineData("granite", "graintE")]
    [InlineData("granite", "grnaite")]
    public void A_word_with_two_neighbouring_letters_swapped_anywhere_is_found(string word, string name)
    {
        // Beside it, words that share only the word's first letter or its last two, so each range holds others.
        var nameWords = new NameWords([name.ToLowerInvariant(), "7999", "7000 9913", "12999 99905", "gxxxxte"]);
        var found = new List<int>();
        nameWords.WithinOneEdit(word, found);
        Assert.Equal([0], found.SelectMany(w => nameWords.NamesWith(w).ToArray()));
    }

    [Fact]
    public void The_numbers_one_slip_from_a_number_are_those_the_full_table_finds()
    {
        // Names as the synthetic graph has them, a number each: every number is one slip from many others.
        var names = Enumerable.Range(0, 3000).Select(i => $"amber {i * 7 % 5000}").ToArray();
        var nameWords = new NameWords(names);
        var random = new Random(11);
        // Numbers the names hold, each with one slip made somewhere in it, so that the slip falls on every side of the middle.
        var words = Enumerable.Range(0, 300).Select(_ => Slipped(random, names[random.Next(names.Length)][6..])).Where(w => w.Length >= SimilarWords.SlipsFrom).Distinct().ToArray();
        Assert.True(words.Length >= 150, $"only {words.Length} words to check");
        foreach (var word in words)
        {
            FindsWhatTheFullTableFinds(names, nameWords, word);
        }
    }

    /// <summary>The words one slip from the word are found once each, and their names are every name the full table finds.</summary>
    private static void FindsWhatTheFullTableFinds(string[] names, NameWords nameWords, string word)
    {
        var found = new List<int>();
        nameWords.WithinOneEdit(word, found);
        Assert.Equal(found.Count, found.Distinct().Count());
        var expected = names.Select((name, i) => (name, i)).Where(n => n.name.Split(' ').Any(w => Distance(w, word) <= 1)).Select(n => n.i).ToList();
        Assert.Equal(expected, found.SelectMany(w => nameWords.NamesWith(w).ToArray()).Distinct().Order());
    }

    private static string Slipped(Random random, string word)
    {
        var at = random.Next(word.Length);
        var digit = (char)('0' + random.Next(10));
        return random.Next(4) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, digit.ToString()),
            2 => word.Remove(at, 1).Insert(at, digit.ToString()),
            _ => at + 1 < word.Length ? string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)) : word,
        };
    }

    [Fact]
    public void A_name_holding_a_word_twice_lists_it_once()
    {
        var nameWords = new NameWords(["stone stone", "stone park"]);
        var found = new List<int>();
        nameWords.WithinOneEdit("stoen", found);
        Assert.Equal([0, 1], found.SelectMany(w => nameWords.NamesWith(w).ToArray()));
    }
}
