using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

/// <summary>
/// The run filter must never drop a name that contains the text, whichever mix of rare lists and
/// common bit sets the text's runs fall into; and it returns only names holding every run.
/// </summary>
public sealed class RunPostingsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Candidates_are_exactly_the_names_holding_every_run_for_common_and_rare_runs(int run)
    {
        // Four letters make most runs common (bit sets); the numbered tails make some rare (lists).
        var random = new Random(11);
        var names = Enumerable.Range(0, 3000)
            .Select(i => $"{Word(random)} {Word(random)} {i % 500}")
            .Order(StringComparer.Ordinal).ToArray();
        var postings = new RunPostings(names, run);
        var queries = Enumerable.Range(0, 300).Select(_ => Query(random, names)).Concat(["zzz", "ab", "zzzz", "abc"]).ToList();

        var withCandidates = 0;
        foreach (var query in queries)
        {
            using var found = postings.NamesHoldingAllRuns(query);
            var expected = Enumerable.Range(0, names.Length).Where(i => query.Length >= run && Runs(query, run).All(names[i].Contains)).ToArray();
            Assert.Equal(expected, found.Items.ToArray());
            Assert.All(Enumerable.Range(0, names.Length).Where(i => names[i].Contains(query, StringComparison.Ordinal) && query.Length >= run),
                i => Assert.Contains(i, expected));
            if (expected.Length > 0) withCandidates++;
        }

        Assert.True(withCandidates > 100, $"only {withCandidates} queries had candidates: the test would not exercise the filter");
    }

    [Fact]
    public void Runs_that_always_occur_together_share_a_set_and_still_filter_exactly()
    {
        // "gra", "ran", "ani", "nit" and "ite" are in exactly the granites, so they have one set between them;
        // "ble" and "ate" are in other names as well as these words, so theirs differ.
        var words = new[] { "granite", "marble", "slate", "tablet" };
        var names = Enumerable.Range(0, 2000).Select(i => $"{words[i % words.Length]} {i}").Order(StringComparer.Ordinal).ToArray();
        var postings = new RunPostings(names, 3);

        foreach (var query in new[] { "granite 1", "anite 12", "granite", "marble 7", "ble", "late 19", "tablet 3", "ate 1", "nite 2", "graphite" })
        {
            using var found = postings.NamesHoldingAllRuns(query);
            var expected = Enumerable.Range(0, names.Length).Where(i => Runs(query, 3).All(names[i].Contains)).ToArray();
            Assert.Equal(expected, found.Items.ToArray());
        }
    }

    private static IEnumerable<string> Runs(string text, int run) => Enumerable.Range(0, text.Length - run + 1).Select(at => text.Substring(at, run));

    private static string Word(Random random) => new([.. Enumerable.Range(0, random.Next(3, 7)).Select(_ => "abcd"[random.Next(4)])]);

    // Half the queries are pieces of real names (so they match), half are made up.
    private static string Query(Random random, string[] names)
    {
        if (random.Next(2) == 0) return Word(random) + (random.Next(3) == 0 ? " " + random.Next(60) : "");
        var name = names[random.Next(names.Length)];
        var start = random.Next(name.Length - 3);
        return name.Substring(start, random.Next(3, name.Length - start + 1));
    }
}
