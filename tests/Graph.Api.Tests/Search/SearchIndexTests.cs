using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

/// <summary>Ranking of the name index: exact, then prefix (shorter first), then contains, then every word; the prefix range's ends.</summary>
public sealed class SearchIndexTests
{
    private static readonly string[] Names = ["Granite 12", "Granite 120", "Granite 1", "Granite 12 Works", "Old Granite 12", "Granite 13", "Granit 12", "Granite 129"];

    private static SearchIndex Index() =>
        GraphIndex.Build(Names.Select((name, i) => new Entity($"e{i}", i % 2 == 0 ? EntityKind.Topic : EntityKind.Place, name, [], "", [], ValidTime.Always)), []).Search;

    [Fact]
    public void A_kept_name_order_is_taken_only_when_it_is_the_order_a_sort_gives()
    {
        // Names that fold alike, from several entities and an alias, so the order within a tie counts too.
        var graph = GraphIndex.Build(
            Names.Select((name, i) => new Entity($"e{i}", EntityKind.Topic, name, i % 3 == 0 ? ["granite 12", "GRANITE 1"] : [], "", [], ValidTime.Always)), []);
        var sorted = graph.Search.NameOrder.ToArray();
        var kept = (int[])sorted.Clone();
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(new SearchIndex(graph.Entities, null, kept).NameOrder), ref kept[0]));

        int[] Swapped(int a, int b)
        {
            var order = (int[])sorted.Clone();
            (order[a], order[b]) = (order[b], order[a]);
            return order;
        }

        var tie = Enumerable.Range(1, sorted.Length - 1).First(i => Folded(graph, sorted[i]) == Folded(graph, sorted[i - 1]));
        int[][] wrong =
        [
            Swapped(0, sorted.Length - 1),
            Swapped(tie - 1, tie),
            [.. sorted.Take(sorted.Length - 1)],
            [.. sorted.Take(sorted.Length - 1), sorted[0]],
            [.. sorted.Take(sorted.Length - 1), sorted.Length],
        ];
        foreach (var order in wrong)
        {
            var search = new SearchIndex(graph.Entities, null, order);
            Assert.Equal(sorted, search.NameOrder.ToArray());
            Assert.Equal(graph.Search.Find("granite 12", null, 50).Select(h => (h.Entity.Id, h.MatchedName)), search.Find("granite 12", null, 50).Select(h => (h.Entity.Id, h.MatchedName)));
        }
    }

    // A name's folded text by its place as read: each entity's name, then its aliases.
    private static string Folded(GraphIndex graph, int place) =>
        graph.Entities.SelectMany(e => new[] { e.Entity.Name }.Concat(e.Entity.Aliases)).Select(TextNormalizer.Normalize).ElementAt(place);

    [Fact]
    public void Exact_match_first_then_prefixes_by_length_then_contains()
    {
        var hits = Index().Find("granite 12", null, 10);

        Assert.Equal(["Granite 12", "Granite 120", "Granite 129", "Granite 12 Works", "Old Granite 12"], hits.Select(h => h.MatchedName));
        Assert.Equal([MatchKind.Exact, MatchKind.Prefix, MatchKind.Prefix, MatchKind.Prefix, MatchKind.Contains], hits.Select(h => h.Match));
    }

    [Fact]
    public void The_prefix_range_stops_before_the_next_name_and_honours_kinds_and_first()
    {
        Assert.Equal(["Granite 13"], Index().Find("granite 13", null, 10).Select(h => h.MatchedName));
        Assert.Equal(["Granite 120", "Granite 129", "Granite 12 Works"], Index().Find("granite 12", new HashSet<EntityKind> { EntityKind.Place }, 10).Select(h => h.MatchedName));
        Assert.Equal(2, Index().Find("granite", null, 2).Count);
        Assert.Empty(Index().Find("granitexs", null, 10));
    }

    [Fact]
    public void A_text_that_matches_no_name_finds_the_names_one_slip_from_it_shorter_first()
    {
        // "granites" matches no name as typed: one letter too many for "granite", two for "granit".
        var hits = Index().Find("granites", null, 10);
        Assert.Equal(["Granite 1", "Granite 12", "Granite 13", "Granite 120", "Granite 129", "Old Granite 12", "Granite 12 Works"], hits.Select(h => h.MatchedName));
        Assert.All(hits, hit => Assert.Equal(MatchKind.Similar, hit.Match));
        // A swap of two letters, a letter changed or left out, with the other words held as typed.
        Assert.Equal(["Granite 13"], Index().Find("garnite 13", null, 10).Select(h => h.MatchedName));
        Assert.Equal(["Granit 12"], Index().Find("12 grant", null, 10).Select(h => h.MatchedName));
        Assert.Equal(["Granite 12 Works"], Index().Find("wroks granit", null, 10).Select(h => h.MatchedName));
        // Words shorter than four letters are never taken for others.
        Assert.Empty(Index().Find("granite 14", null, 10));
        Assert.DoesNotContain(Index().Find("old", null, 10), h => h.Match == MatchKind.Similar);
    }

    [Fact]
    public void Past_a_cursor_an_entity_shown_by_its_shortest_similar_name_is_not_shown_again_by_a_longer_one()
    {
        var index = GraphIndex.Build(
        [
            new Entity("e0", EntityKind.Topic, "Granite X", ["Granite Works Old"], "", [], ValidTime.Always),
            new Entity("e1", EntityKind.Topic, "Granite Park", [], "", [], ValidTime.Always),
        ], []).Search;

        var first = Assert.Single(index.Find("granitte", null, 1));
        var second = Assert.Single(index.Find("granitte", null, 1, first.Rank));
        Assert.Equal(("e0", "e1"), (first.Entity.Id, second.Entity.Id));
        Assert.Empty(index.Find("granitte", null, 1, second.Rank));
    }

    [Fact]
    public void A_similar_name_may_hold_one_word_as_typed_inside_a_longer_one_and_another_with_a_slip()
    {
        // "granite" is held only inside "granitesque", by one name; "works", one slip from "wroks", by many.
        var index = GraphIndex.Build(
            Enumerable.Range(0, 20).Select(i => new Entity($"e{i:D2}", EntityKind.Topic, i == 7 ? "Granitesque Works" : $"Stone {i} Works", [], "", [], ValidTime.Always)), []).Search;

        Assert.Equal([("e07", MatchKind.Similar)], index.Find("granite wroks", null, 10).Select(h => (h.Entity.Id, h.Match)));
    }

    [Fact]
    public void Names_holding_more_of_the_words_as_typed_rank_first_whatever_their_length()
    {
        var index = GraphIndex.Build(
        [
            new Entity("e0", EntityKind.Topic, "Nova Delta 4842", [], "", [], ValidTime.Always),
            new Entity("e1", EntityKind.Topic, "Nova Delta Works 4242", [], "", [], ValidTime.Always),
            new Entity("e2", EntityKind.Topic, "Nova Delta 4243", [], "", [], ValidTime.Always),
        ], []).Search;

        // "4242" is held as typed by e1 only; e0 and e2 hold it with a slip, as every name holds "nvoa".
        var hits = index.Find("nvoa delta 4242", null, 10);
        Assert.Equal(["e1", "e0", "e2"], hits.Select(h => h.Entity.Id));
        var second = Assert.Single(index.Find("nvoa delta 4242", null, 1, hits[0].Rank));
        Assert.Equal("e0", second.Entity.Id);
    }

    [Fact]
    public void Of_an_entity_s_similar_names_that_rank_alike_the_hit_shows_the_first_in_name_order()
    {
        // Both names are ten letters with one slip from "stone xark"; "dark stone" sorts first, though the word
        // "bark" sorts before "dark".
        var index = GraphIndex.Build([new Entity("e0", EntityKind.Topic, "Stone Bark", ["Dark Stone"], "", [], ValidTime.Always)], []).Search;

        Assert.Equal("Dark Stone", Assert.Single(index.Find("stone xark", null, 10)).MatchedName);
    }

    [Fact]
    public void A_text_that_matches_some_name_gets_no_similar_ones()
    {
        // "granit" is held by every name, so names one slip from it ("grant") are not offered.
        Assert.All(Index().Find("granit", null, 10), hit => Assert.NotEqual(MatchKind.Similar, hit.Match));
    }

    [Theory]
    [InlineData("Great-Stone", new[] { "Great Stone", "GREAT STONE" }, "Great-Stone")]
    [InlineData("Park", new[] { "Great Stone", "Great-Stone", "great stone" }, "Great Stone")]
    [InlineData("Park", new[] { "Great, Stone", "Great Stone" }, "Great, Stone")]
    public void Of_names_that_fold_alike_the_hit_shows_the_first_given(string name, string[] aliases, string shown)
    {
        // Other entities around it, some folding alike too, so the sort has runs of equal names to order.
        var others = Enumerable.Range(0, 40).Select(i => new Entity($"e{i:00}", EntityKind.Topic, i % 3 == 0 ? "Great  Stone" : $"Stone {i}", i % 4 == 0 ? ["GREAT-STONE"] : [], "", [], ValidTime.Always));
        var index = GraphIndex.Build([.. others, new Entity("e20a", EntityKind.Place, name, aliases, "", [], ValidTime.Always)], []);

        var hit = Assert.Single(index.Search.Find("great stone", new HashSet<EntityKind> { EntityKind.Place }, 10));
        Assert.Equal(("e20a", shown, MatchKind.Exact), (hit.Entity.Id, hit.MatchedName, hit.Match));
        // Entities named alike come in id order, each once, by the first of its names that matches best.
        var all = index.Search.Find("great stone", null, 100).Where(h => h.Match == MatchKind.Exact).ToList();
        Assert.Equal(all.Select(h => h.Entity.Id).Order(StringComparer.Ordinal), all.Select(h => h.Entity.Id));
        Assert.All(all.Where(h => h.Entity.Id != "e20a"), h => Assert.Equal(h.Entity.Entity.Name.StartsWith("Great", StringComparison.Ordinal) ? "Great  Stone" : "GREAT-STONE", h.MatchedName));
    }

    [Fact]
    public void Entities_named_with_a_text_of_any_length_are_those_whose_names_or_aliases_contain_it_in_id_order()
    {
        // Random names and aliases over a small alphabet, so that texts match many names, some entities
        // by several of their names; ids in the reverse order of creation, so id order is not input order.
        var random = new Random(5);
        string Word() => new([.. Enumerable.Range(0, random.Next(2, 6)).Select(_ => "abc"[random.Next(3)])]);
        var entities = Enumerable.Range(0, 300).Select(i => new Entity($"e{999 - i}", EntityKind.Topic, $"{Word()} {Word()}",
            [.. Enumerable.Range(0, random.Next(3)).Select(_ => Word())], "", [], ValidTime.Always)).ToList();
        // Two entities with letters no other name has: their runs are held by too few entities for a bit set.
        entities.Add(new Entity("e0001", EntityKind.Topic, "Zq Ab", ["qqz"], "", [], ValidTime.Always));
        entities.Add(new Entity("e0002", EntityKind.Place, "Bazq", [], "", [], ValidTime.Always));
        // Holds every four-letter run of "abcde" and "zqab" without containing either.
        entities.Add(new Entity("e0003", EntityKind.Place, "Abcd Bcde", ["zqa qab"], "", [], ValidTime.Always));
        // Letters beyond ASCII, alone and beside ASCII ones: runs of them are kept apart from the ASCII runs' table.
        entities.Add(new Entity("e0004", EntityKind.Country, "Беларусь", ["Zб Łab"], "", [], ValidTime.Always));
        entities.Add(new Entity("e0005", EntityKind.Country, "Бб", ["łz"], "", [], ValidTime.Always));
        var index = GraphIndex.Build(entities, []);
        var checkedTexts = 0;
        foreach (var text in new[] { "abc", "aab", "b a", "cab", "ccc", "a b c", "bbbb", "zzz", "ab", "ca", " c", "zz", "a", "c", " ", "z", "abca", "zq", "q", "qz", "zq a", "qq", "abcde", "abcd", "zqab", "zqa", "б", "бб", "бе", "ру", "ь", "zб", "б ", "ł", "łz", "ła", "z" })
        {
            var expected = index.Entities.Where(e => index.Search.NameContains(e, text)).Select(e => e.Id).ToList();
            Assert.Equal(expected, index.Search.EntitiesNamedWith(text).Select(e => e.Id).ToList());
            if (expected.Count > 1) checkedTexts++;
        }

        Assert.True(checkedTexts >= 10, $"only {checkedTexts} texts matched more than one entity");
    }

    [Fact]
    public void Search_ranks_every_entity_by_its_best_name_as_a_scan_of_all_names_does()
    {
        // Names over three letters: texts occur in many names, twice in some, at the start of others, and
        // entities with aliases match by several names; kinds alternate for the kind filter.
        var random = new Random(7);
        string Word() => new([.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => "abc"[random.Next(3)])]);
        var entities = Enumerable.Range(0, 400).Select(i => new Entity($"e{i:D4}", i % 3 == 0 ? EntityKind.Place : EntityKind.Topic, $"{Word()} {Word()}",
            [.. Enumerable.Range(0, random.Next(3)).Select(_ => Word())], "", [], ValidTime.Always)).ToList();
        var index = GraphIndex.Build(entities, []);
        var places = new HashSet<EntityKind> { EntityKind.Place };
        var checkedPages = 0;
        var similarPages = 0;
        foreach (var text in new[] { "a", "ab", "abc", "bca", "cab", "aaa", "a b", "b c", "abca", "cc a", "abcab", "b", "ccc", "bbb", "bca ab", "ab bca", "cab c", "c cab", "aab bb", "abc cab bca", "ca abc", "bb aa", "aaa aaa", "b ac bca", "abc abca", "cab abcab bc", "bca cabc",
            // Texts no name holds, for the names one slip from them: a letter no name has, added, in place of one, between two.
            "abcx", "xabc", "abxc", "bcax", "aaxa", "xxxx", "x", "abx", "cab abcx", "ab abxc", "abcx cbax", "c xbca", "bacx ab", "abcabcx", "bacbx", "a xa",
            // A long word held as typed inside a longer word of the name, beside one held only with a slip.
            "abca xbca", "cabc bxab", "bcab cxab ab", "aabc cbxa" })
        {
            foreach (var first in new[] { 1, 3, 10, 40, 500 })
            {
                foreach (var kinds in new[] { null, places })
                {
                    var expected = Scan(index, text, kinds).Take(first).ToList();
                    var found = index.Search.Find(text, kinds, first).Select(h => (h.Entity.Id, h.Match, h.MatchedName)).ToList();
                    Assert.Equal(expected, found);
                    if (expected.Count > 1) checkedPages++;
                    if (expected.Count > 0 && expected[0].Match == MatchKind.Similar) similarPages++;
                }
            }
        }

        Assert.True(checkedPages >= 100, $"only {checkedPages} pages held more than one hit");
        Assert.True(similarPages >= 60, $"only {similarPages} pages held similar names");
    }

    [Fact]
    public void A_page_that_one_entity_s_names_would_fill_goes_on_to_names_containing_the_text()
    {
        // Two of e0's names start with the text: as many as the page holds, but one entity. The page was left
        // at one hit, since "contains" was read only when fewer names than the page started with the text.
        var index = GraphIndex.Build([new Entity("e0", EntityKind.Topic, "Abc x", ["Abc y"], "", [], ValidTime.Always), new Entity("e1", EntityKind.Topic, "Zabc", [], "", [], ValidTime.Always)], []).Search;

        Assert.Equal([("e0", MatchKind.Prefix), ("e1", MatchKind.Contains)], index.Find("abc", null, 2).Select(h => (h.Entity.Id, h.Match)));
    }

    [Fact]
    public void Pages_after_a_hit_s_rank_walk_the_same_hits_as_one_long_page()
    {
        // Entities named several ways, so a later page meets names of entities an earlier page showed.
        var random = new Random(11);
        string Word() => new([.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => "abc"[random.Next(3)])]);
        var entities = Enumerable.Range(0, 300).Select(i => new Entity($"e{i:D4}", i % 3 == 0 ? EntityKind.Place : EntityKind.Topic, $"{Word()} {Word()}",
            [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"{Word()} {Word()}")], "", [], ValidTime.Always)).ToList();
        var index = GraphIndex.Build(entities, []).Search;
        var walks = 0;
        var similarWalks = 0;
        foreach (var text in new[] { "a", "ab", "abc", "cab", "a b", "bca ab", "c cab", "abc abca", "b ac", "abcx", "ab bcxa", "xcab c" })
        {
            foreach (var kinds in new[] { null, new HashSet<EntityKind> { EntityKind.Place } })
            {
                var all = index.Find(text, kinds, 1000).Select(h => (h.Entity.Id, h.Match, h.MatchedName)).ToList();
                foreach (var size in new[] { 1, 3, 7 })
                {
                    var walked = new List<(string, MatchKind, string)>();
                    var after = SearchIndex.NoRank;
                    for (var pages = 0; pages <= all.Count; pages++)
                    {
                        var page = index.Find(text, kinds, size, after);
                        walked.AddRange(page.Select(h => (h.Entity.Id, h.Match, h.MatchedName)));
                        if (page.Count < size) break;
                        after = page[^1].Rank;
                    }

                    Assert.Equal(all, walked);
                    if (all.Count > size) walks++;
                    if (all.Count > size && all[0].Match == MatchKind.Similar) similarWalks++;
                }
            }
        }

        Assert.True(walks >= 30, $"only {walks} walks took more than one page");
        Assert.True(similarWalks >= 12, $"only {similarWalks} walks of similar names took more than one page");
    }

    [Fact]
    public void Names_holding_every_word_in_another_order_come_after_those_holding_the_text_shorter_first()
    {
        string[] names = ["Human-rights record of Belarus", "Report: Belarus human rights", "Belarusian rights of humans", "Rights in Belarus", "Human rights", "Visit by taxi, Belarus", "Xi's visit to Belarus", "Humanity's rights"];
        var index = GraphIndex.Build(names.Select((name, i) => new Entity($"e{i}", i == 2 ? EntityKind.Place : EntityKind.Topic, name, i == 4 ? ["Rights of Belarus humans"] : [], "", [], ValidTime.Always)), []).Search;

        var hits = index.Find("belarus human rights", null, 10).Select(h => (h.Entity.Id, h.Match)).ToList();
        // Long words anywhere, even inside a longer word ("belarusian", "humans"); an entity once, by its best name.
        Assert.Equal([("e1", MatchKind.Contains), ("e4", MatchKind.Words), ("e2", MatchKind.Words), ("e0", MatchKind.Words)], hits);
        Assert.Equal(["e2"], index.Find("belarus human rights", new HashSet<EntityKind> { EntityKind.Place }, 10).Select(h => h.Entity.Id));
        Assert.Equal(2, index.Find("belarus human rights", null, 2).Count);
        // A word of two letters must start a word of the name: "taxi" holds "xi" but does not start with it.
        Assert.Equal([("e6", MatchKind.Words)], index.Find("belarus xi", null, 10).Select(h => (h.Entity.Id, h.Match)));
        // Words all shorter than three letters find only what holds the text whole.
        Assert.Empty(index.Find("of xi", null, 10));
        Assert.Empty(index.Find("belarus humanist", null, 10));
    }

    // Every entity's best name (exact, prefix, then contains from three letters on, then every word of a text
    // of several with one of three letters or more, short words starting a word; shorter first; then the
    // names' folded order), the entities ranked by it and then by id. When no entity of the kinds has such a
    // name: the names holding each word so, or for a word of four letters or more a word one slip from it.
    private static IEnumerable<(string Id, MatchKind Match, string MatchedName)> Scan(GraphIndex index, string text, HashSet<EntityKind>? kinds)
    {
        var query = TextNormalizer.Normalize(text);
        var words = query.Split(' ');
        bool Holds(string folded, string w) => w.Length >= 3 ? folded.Contains(w, StringComparison.Ordinal) : $" {folded}".Contains($" {w}", StringComparison.Ordinal);
        bool HoldsEveryWord(string folded) => words.Length > 1 && words.Any(w => w.Length >= 3) && words.All(w => Holds(folded, w));
        var matched = Scan(index, kinds, folded => (folded == query ? MatchKind.Exact
            : folded.StartsWith(query, StringComparison.Ordinal) ? MatchKind.Prefix
            : query.Length >= 3 && folded.Contains(query, StringComparison.Ordinal) ? MatchKind.Contains
            : HoldsEveryWord(folded) ? MatchKind.Words : null, 0)).ToList();
        if (matched.Count > 0 || !words.Any(w => w.Length >= 4)) return matched;
        // Fewer words held only with a slip first.
        return Scan(index, kinds, folded => words.All(w => Holds(folded, w) || (w.Length >= 4 && folded.Split(' ').Any(n => OneEditTests.Distance(n, w) <= 1)))
            ? (MatchKind.Similar, words.Count(w => !Holds(folded, w))) : (null, 0));
    }

    private static IEnumerable<(string Id, MatchKind Match, string MatchedName)> Scan(GraphIndex index, HashSet<EntityKind>? kinds, Func<string, (MatchKind? Match, int Slips)> matchOf)
    {
        return index.Entities
            .Where(e => kinds is null || kinds.Contains(e.Kind))
            .Select(e => e.Entity.Aliases.Prepend(e.Entity.Name)
                .Select(name => (Name: name, Folded: TextNormalizer.Normalize(name)))
                .Select(n => (n.Name, n.Folded, Rank: matchOf(n.Folded)))
                .Where(n => n.Rank.Match is not null)
                .OrderBy(n => n.Rank.Match).ThenBy(n => n.Rank.Slips).ThenBy(n => n.Folded.Length).ThenBy(n => n.Folded, StringComparer.Ordinal)
                .Select(n => (Entity: e, n.Name, Match: n.Rank.Match!.Value, n.Rank.Slips, n.Folded.Length))
                .FirstOrDefault())
            .Where(best => best.Entity is not null)
            .OrderBy(best => best.Match).ThenBy(best => best.Slips).ThenBy(best => best.Length).ThenBy(best => best.Entity.Ordinal)
            .Select(best => (best.Entity.Id, best.Match, best.Name));
    }
}
