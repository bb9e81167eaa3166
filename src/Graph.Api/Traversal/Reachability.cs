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
        var distance = new Dictionary<EntityNode, int> { [start] = 0 };
        var frontier = new List<EntityNode> { start };
        var truncated = false;
        for (var level = 1; level <= maxDepth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<EntityNode>();
            foreach (var entity in frontier)
            {
                foreach (var step in index.Adjacents(entity, direction, filter))
                {
                    if (!budget.Scan()) { truncated = true; break; }
                    if (distance.ContainsKey(step.Other)) continue;
                    if (!budget.Visit()) { truncated = true; break; }
                    distance[step.Other] = level;
                    next.Add(step.Other);
                }

                if (truncated) break;
            }

            frontier = next;
        }

        var kept = distance
            .Where(d => d.Value >= Math.Max(minDepth, 1) && (kinds is null || kinds.Contains(d.Key.Kind)))
            .Select(d => new Reached(d.Key, d.Value))
            .OrderBy(r => r.Distance).ThenBy(r => r.Entity.Ordinal)
            .ToList();
        return new ReachabilityResult(kept, truncated);
    }
}
