using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Traversal;

/// <summary>Entities reachable within a range of hops, with their distances, and whether a cap cut the search.</summary>
public sealed record ReachabilityResult(IReadOnlyList<Reached> Entities, bool Truncated);

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

        var kept = new List<Reached>();
        for (var distance = Math.Max(minDepth, 1); distance <= levels.Count; distance++)
        {
            var (from, to) = levels[distance - 1];
            var ring = order.GetRange(from, to - from);
            ring.Sort();
            foreach (var ordinal in ring)
            {
                var entity = index.EntityAt(ordinal);
                if (kinds is null || kinds.Contains(entity.Kind)) kept.Add(new Reached(entity, distance));
            }
        }

        return new ReachabilityResult(kept, truncated);
    }
}
