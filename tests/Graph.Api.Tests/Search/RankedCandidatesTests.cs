using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

/// <summary>
/// The rank order (match, length, entity, then name) must be the same whether everything is sorted
/// or the best few are picked first: for every number wanted, with ties at the cut.
/// </summary>
public sealed class RankedCandidatesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(37)]
    [InlineData(100)]
    [InlineData(5000)]
    public void Picking_the_best_first_gives_the_full_sort_order(int wanted)
    {
        // Few lengths and entities, so many candidates share a rank: an entity's several names, or
        // equal keys on both sides of the cut.
        var random = new Random(wanted);
        var added = Enumerable.Range(0, 2000)
            .Select(name => (Match: (MatchKind)random.Next(3), Length: random.Next(3, 9), Ordinal: random.Next(300), Name: name))
            .ToList();
        using var candidates = new RankedCandidates();
        foreach (var (match, length, ordinal, name) in added) candidates.Add(match, length, ordinal, name);

        var expected = added.OrderBy(c => c.Match).ThenBy(c => c.Length).ThenBy(c => c.Ordinal).ThenBy(c => c.Name).Select(c => (c.Match, c.Name)).ToList();
        var inOrder = candidates.InRankOrder(wanted).ToList();

        Assert.Equal(expected, inOrder);
    }

    [Fact]
    public void A_caller_that_stops_early_gets_the_best_ones()
    {
        using var candidates = new RankedCandidates();
        for (var name = 0; name < 1000; name++) candidates.Add(MatchKind.Prefix, 1000 - name, name, name);

        Assert.Equal([999, 998, 997], candidates.InRankOrder(3).Take(3).Select(c => c.Name));
    }
}
