using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Traversal;

/// <summary>Entities reachable within a range of hops, with their distances, and whether a cap cut the search.</summary>
public sealed record ReachabilityResult(ReachedEntities Entities, bool Truncated);

/// <summary>
/// Variable-length reachability: breadth-first to <c>maxDepth</c> through any kind of entity, keeping
/// those at <c>minDepth</c> or further whose kind is wanted, ordered by distance then id.
/// </summary>
public static class Reachability
{
    public static ReachabilityResult Find(GraphIndex index, EntityNode start, int minDepth, int maxDepth, Direction direction, RelationshipFilter filter, IReadOnlySet<EntityKind>? kinds, TraversalLimits limits)
    {
        var budget = new TraversalBudget(limits);
        var adjacency = index.Compact;
        var walk = new CompactFilter(adjacency, filter);
        using var seen = EntityMarks.Rent(adjacency.EntityCount);
        seen.Set(start.Ordinal, 1);
        // Entities in the order reached; each level is a contiguous run, its distance in `levels`.
        var order = new List<int> { start.Ordinal };
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
                    if (seen.IsMarked(step.Other)) continue;
                    if (!budget.Visit()) { truncated = true; break; }
                    seen.Set(step.Other, 1);
                    order.Add(step.Other);
                }
            }

            levels.Add((levelEnd, order.Count));
            levelStart = levelEnd;
        }

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

            // Ordinals are in id order, so each ring sorted by ordinal is in id order.
            Array.Sort(kept, ringStart, keptSoFar - ringStart);
            ringEnds[distance - nearest] = keptSoFar;
        }

        return new ReachabilityResult(new ReachedEntities(index, kept, ringEnds, nearest), truncated);
    }
}
