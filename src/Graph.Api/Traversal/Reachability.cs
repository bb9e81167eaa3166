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
        using var seen = new EntityMarks(index);
        seen.Set(start, 1);
        var reached = new List<Reached>();
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
                    if (seen[step.Other] != 0) continue;
                    if (!budget.Visit()) { truncated = true; break; }
                    seen.Set(step.Other, 1);
                    reached.Add(new Reached(step.Other, level));
                    next.Add(step.Other);
                }

                if (truncated) break;
            }

            frontier = next;
        }

        var kept = reached
            .Where(r => r.Distance >= minDepth && (kinds is null || kinds.Contains(r.Entity.Kind)))
            .OrderBy(r => r.Distance).ThenBy(r => r.Entity.Ordinal)
            .ToList();
        return new ReachabilityResult(kept, truncated);
    }
}
