using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Traversal;

/// <summary>
/// Entities reachable within a range of hops, with their distances, and whether a cap cut the search; and
/// every entity the walk reached, in the order reached, each level a run of them (what
/// <see cref="ReachableRoutes"/> traces paths through).
/// </summary>
public sealed record ReachabilityResult(ReachedEntities Entities, bool Truncated, IReadOnlyList<int> Order, IReadOnlyList<(int Start, int End)> Levels);

/// <summary>
/// Variable-length reachability: breadth-first to <c>maxDepth</c> through any kind of entity, keeping
/// those at <c>minDepth</c> or further whose kind is wanted, ordered by distance then id.
/// </summary>
public static class Reachability
{
    // Below this, a ring is sorted: as cheap as reading the words of a bit set, and independent of the graph's size.
    private const int BitOrderFrom = 64;

    public static ReachabilityResult Find(GraphIndex index, EntityNode start, int minDepth, int maxDepth, Direction direction, RelationshipFilter filter, IReadOnlySet<EntityKind>? kinds, TraversalLimits limits)
    {
        var adjacency = index.Compact;
        var (order, levels, truncated) = Walk(adjacency, start.Ordinal, maxDepth, direction, new CompactFilter(adjacency, filter), new TraversalBudget(limits));

        // The kinds are tested on the adjacency's array of kinds, so an entity that is not kept is never read.
        // Counted first, so the array is made once at its size.
        var wanted = CompactFilter.Mask(kinds);
        var nearest = Math.Max(minDepth, 1);
        var firstKept = nearest <= levels.Count ? levels[nearest - 1].Start : order.Count;
        var keptCount = 0;
        for (var i = firstKept; i < order.Count; i++)
        {
            if (CompactFilter.Includes(wanted, adjacency.EntityKinds[order[i]])) keptCount++;
        }

        var kept = new int[keptCount];
        var ringEnds = new int[Math.Max(levels.Count - nearest + 1, 0)];
        var keptSoFar = 0;
        for (var distance = nearest; distance <= levels.Count; distance++)
        {
            var (from, to) = levels[distance - 1];
            var ringStart = keptSoFar;
            for (var i = from; i < to; i++)
            {
                if (CompactFilter.Includes(wanted, adjacency.EntityKinds[order[i]])) kept[keptSoFar++] = order[i];
            }

            InOrdinalOrder(kept.AsSpan(ringStart, keptSoFar - ringStart), adjacency.EntityCount);
            ringEnds[distance - nearest] = keptSoFar;
        }

        return new ReachabilityResult(new ReachedEntities(index, kept, ringEnds, nearest), truncated, order, levels);
    }

    /// <summary>
    /// Breadth-first from the start to <paramref name="maxDepth"/>: the entities in the order reached, each
    /// level a contiguous run of them (its distance is its position in the levels, plus one), and whether a
    /// cap cut the walk. Only whether an entity was reached is kept, one bit each, so the marks of a
    /// hundred thousand entities stay in a core's nearest caches (<see cref="EntityBits"/>). Nothing else
    /// is noted while walking: with the step that reached each entity noted as well (behind a null check or
    /// an empty call on a struct), a hub's reachability was served a fifth slower. The paths are traced
    /// afterwards, only when asked for, through the levels it returns (<see cref="ReachableRoutes"/>).
    /// </summary>
    private static (List<int> Order, List<(int Start, int End)> Levels, bool Truncated) Walk(
        CompactAdjacency adjacency, int start, int maxDepth, Direction direction, CompactFilter walk, TraversalBudget budget)
    {
        using var seen = EntityBits.Rent(adjacency.EntityCount);
        seen.Add(start);
        var order = new List<int> { start };
        var levels = new List<(int Start, int End)>();
        var truncated = false;
        var levelStart = 0;
        for (var level = 1; level <= maxDepth && levelStart < order.Count && !truncated; level++)
        {
            var levelEnd = order.Count;
            for (var f = levelStart; f < levelEnd && !truncated; f++)
            {
                foreach (var step in adjacency.Steps(order[f], direction, walk))
                {
                    if (!budget.Scan()) { truncated = true; break; }
                    if (seen.Contains(step.Other)) continue;
                    if (!budget.Visit()) { truncated = true; break; }
                    seen.Add(step.Other);
                    order.Add(step.Other);
                }
            }

            levels.Add((levelEnd, order.Count));
            levelStart = levelEnd;
        }

        return (order, levels, truncated);
    }

    /// <summary>
    /// Sorts a ring's ordinals, which puts it in id order (ordinals follow ids). A large ring, as near a hub
    /// (thousands of entities), is marked in a bit set and read back in order: one pass over the words
    /// between its lowest and highest ordinal instead of comparing ordinals k log k times: a depth-6
    /// search from a hub (10,000 entities) answered about twice as fast (bench/HISTORY.md, round 34). A small
    /// or thinly spread ring is sorted.
    /// </summary>
    private static void InOrdinalOrder(Span<int> ring, int entityCount)
    {
        if (ring.Length >= BitOrderFrom)
        {
            int lowest = int.MaxValue, highest = -1;
            foreach (var ordinal in ring) (lowest, highest) = (Math.Min(lowest, ordinal), Math.Max(highest, ordinal));
            if ((highest >> 6) - (lowest >> 6) <= ring.Length * 8)
            {
                using var bits = EntityBits.Rent(entityCount);
                foreach (var ordinal in ring) bits.Add(ordinal);
                bits.CopyAscending(ring, lowest, highest);
                return;
            }
        }

        ring.Sort();
    }
}
