using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

/// <summary>The suffix array against a scan of every name, for every text the names hold and some they do not.</summary>
public sealed class NameSuffixesTests
{
    // No kind filter, one kind, and two kinds, one of them the last.
    private static readonly HashSet<EntityKind>?[] KindFilters = [null, [EntityKind.Place], [EntityKind.Person, EntityKind.Document]];

    [Theory]
    [InlineData("ab ")]
    // Letters past the first 255 code points share a byte of the sort key, so their suffixes are compared as text.
    [InlineData("aÿ\u0100\u4e60 ")]
    public void A_text_is_found_in_exactly_the_names_containing_it(string alphabet)
    {
        // Names over a few letters, a fifth of them beginning with the same twenty letters, so suffixes share
        // beginnings longer than one and two eight-letter keys; some names are shorter than a suffix or repeat another.
        var random = new Random(11);
        string Letters(int count) => new([.. Enumerable.Range(0, count).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var stem = Letters(20);
        var names = Enumerable.Range(0, 400).Select(_ => Letters(random.Next(0, 30)))
            .Concat(Enumerable.Range(0, 100).Select(_ => stem + Letters(random.Next(0, 12))))
            .Concat(["ab", "", "abababababababababab", "abababababababababab"])
            .ToArray();
        var kinds = KindsFor(names.Length, random);
        var suffixes = new NameSuffixes(names, kinds);

        var texts = names.SelectMany(n => Enumerable.Range(0, Math.Max(0, n.Length - 2)).Select(at => n.Substring(at, Math.Min(3 + at % 29, n.Length - at))))
            .Concat(names.Where(n => n.StartsWith(stem, StringComparison.Ordinal)).SelectMany(n => new[] { n, n[1..], n[..Math.Min(n.Length, 24)] }))
            .Append(new string(alphabet[0], 31)).Append("zzz").Append(alphabet[..3] + "z")
            .Distinct().ToList();
        Assert.True(texts.Count > 1000, $"only {texts.Count} texts");
        foreach (var text in texts)
        {
            foreach (var filter in KindFilters)
            {
                var expected = Enumerable.Range(0, names.Length)
                    .Where(i => names[i].Contains(text, StringComparison.Ordinal) && (filter is null || filter.Contains(kinds[i]))).ToList();
                var found = new List<int>();
                var listed = suffixes.NamesContaining(text, CompactFilter.Mask(filter));
                foreach (var name in listed) found.Add(name);
                Assert.Equal(expected, found.Distinct().Order().ToList());
                // A name is listed once for each place the text starts in it.
                Assert.Equal(expected.Sum(i => Occurrences(names[i], text)), found.Count);
                Assert.Equal(found.Count, listed.Count);
            }
        }
    }

    [Fact]
    public void The_shortest_names_holding_a_text_are_the_fewest_whole_lengths_that_make_up_the_count()
    {
        var random = new Random(3);
        var names = Enumerable.Range(0, 600).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 40)).Select(_ => "ab"[random.Next(2)])])).ToArray();
        var kinds = KindsFor(names.Length, random);
        var suffixes = new NameSuffixes(names, kinds);
        foreach (var filter in KindFilters)
        {
            var mask = CompactFilter.Mask(filter);
            var lengths = new List<int>();
            foreach (var name in suffixes.NamesContaining("aba", mask))
            {
                Assert.True(filter is null || filter.Contains(kinds[name]));
                lengths.Add(names[name].Length);
            }

            Assert.True(lengths.Count > 100, $"only {lengths.Count} places hold the text");
            foreach (var count in new[] { 1, 5, 20, 100, lengths.Count, lengths.Count + 1 })
            {
                var shortest = suffixes.NamesContaining("aba", mask).Shortest(count, out var cut);
                var kept = new List<int>();
                foreach (var name in shortest) kept.Add(names[name].Length);
                // As many as asked for (or all there are), every name of those kinds up to the longest kept, and no longer one.
                var longest = lengths.Order().ElementAt(Math.Min(count, lengths.Count) - 1);
                Assert.Equal(lengths.Where(l => l <= longest).Order(), kept.Order());
                Assert.Equal(kept.Count, shortest.Count);
                Assert.Equal(kept.Count < lengths.Count, cut);
            }
        }
    }

    [Fact]
    public void Texts_shorter_than_a_suffix_are_refused()
    {
        var suffixes = new NameSuffixes(["granite"], [EntityKind.Topic]);

        Assert.Throws<ArgumentOutOfRangeException>(() => suffixes.NamesContaining("gr"));
    }

    [Fact]
    public void An_order_kept_from_an_earlier_build_is_taken_only_when_it_holds_these_names_suffixes_each_once()
    {
        var random = new Random(5);
        var names = Enumerable.Range(0, 300).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 25)).Select(_ => "abc"[random.Next(3)])])).ToArray();
        var kinds = KindsFor(names.Length, random);
        var sorted = new NameSuffixes(names, kinds).Order.ToArray();
        Assert.True(sorted.Length > 2000, $"only {sorted.Length} suffixes");

        // The order of an earlier build is taken as it is, not sorted again.
        var kept = (NameSuffixes.Suffix[])sorted.Clone();
        Assert.True(Taken(new NameSuffixes(names, kinds, kept), kept));

        // Anything else is sorted anew, and the suffixes are found as if nothing had been kept.
        var (first, last) = (sorted[0], sorted[^1]);
        NameSuffixes.Suffix[][] wrong =
        [
            sorted[1..], // one missing
            [.. sorted[..^1], first], // one twice, one missing
            [.. sorted[..^1], last with { Name = names.Length }], // a name that is not there
            [.. sorted[..^1], last with { Offset = (ushort)(names[last.Name].Length - NameSuffixes.ShortestText + 1) }], // shorter than a suffix
            [.. sorted[..^1], last with { Kind = (byte)((last.Kind + 1) % Enum.GetValues<EntityKind>().Length) }], // another kind
            [.. sorted[..^1], last with { NameLength = (byte)(last.NameLength + 1) }], // another length
            [.. sorted, first], // one too many
        ];
        foreach (var order in wrong)
        {
            var suffixes = new NameSuffixes(names, kinds, order);
            Assert.False(Taken(suffixes, order));
            Assert.Equal(sorted, suffixes.Order.ToArray());
        }

        static bool Taken(NameSuffixes suffixes, NameSuffixes.Suffix[] order) =>
            System.Runtime.CompilerServices.Unsafe.AreSame(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(suffixes.Order), ref order[0]);
    }

    // Every kind, so the kind byte of a suffix is tested up to the last one.
    private static EntityKind[] KindsFor(int count, Random random)
    {
        var all = Enum.GetValues<EntityKind>();
        return [.. Enumerable.Range(0, count).Select(_ => all[random.Next(all.Length)])];
    }

    private static int Occurrences(string name, string text) =>
        Enumerable.Range(0, name.Length - text.Length + 1).Count(at => string.CompareOrdinal(name, at, text, 0, text.Length) == 0);
}
