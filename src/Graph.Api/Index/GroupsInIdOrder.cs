namespace Graph.Api.Index;

/// <summary>
/// The ordinals of some of the <see cref="RelationshipGroups"/>, merged back into id order (or backward): each
/// group's next ordinal waits in a queue by its ordinal, so a page reads only as many as it keeps, plus a halving
/// of each group to find where the walk begins.
/// </summary>
internal static class GroupsInIdOrder
{
    /// <summary>The groups' ordinals from <paramref name="start"/> up to <paramref name="end"/> (not included), in id order or backward.</summary>
    public static IEnumerable<int> Walk(RelationshipGroups groups, IReadOnlyList<int> kept, int start, int end, bool backward)
    {
        // Each waiting item is a place in the groups' ordinals and the place its group stops at, one step beyond its last
        // to read in the walk's direction. The queue's first is the smallest ordinal forward, the largest backward.
        var waiting = new PriorityQueue<(int Place, int Stop), int>(kept.Count);
        foreach (var group in kept)
        {
            var (first, past) = groups.Places(group);
            var ordinals = groups.Ordinals[first..past];
            // The places of the group's first ordinal at or after start and its first at or after end.
            var (from, to) = (first + SortedOrdinals.Place(ordinals, start), first + SortedOrdinals.Place(ordinals, end));
            if (from == to) continue;
            if (backward) waiting.Enqueue((to - 1, from - 1), -groups.Ordinals[to - 1]);
            else waiting.Enqueue((from, to), groups.Ordinals[from]);
        }

        var step = backward ? -1 : 1;
        while (waiting.TryDequeue(out var item, out _))
        {
            yield return groups.Ordinals[item.Place];
            var next = item.Place + step;
            if (next != item.Stop) waiting.Enqueue((next, item.Stop), backward ? -groups.Ordinals[next] : groups.Ordinals[next]);
        }
    }
}
