using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>Paths found by <see cref="SimplePaths"/>, and whether a cap stopped the search early.</summary>
public sealed record PathListResult(IReadOnlyList<GraphPath> Paths, bool Truncated);

/// <summary>
/// Simple paths (no entity twice) between two entities, shortest first, up to a small length; one path
/// per distinct sequence of entities.
/// Distances to the target, computed once, prune every branch that could not arrive in time,
/// so the depth-first search only walks towards the target.
/// </summary>
public static class SimplePaths
{
    public static PathListResult Find(GraphIndex index, EntityNode from, EntityNode to, Direction direction, RelationshipFilter filter, int maxLength, int first, TraversalLimits limits)
    {
        var budget = new TraversalBudget(limits);
        var toTarget = DistancesTo(index, to, direction, filter, maxLength, budget);
        var paths = new List<GraphPath>();
        if (ReferenceEquals(from, to) || !toTarget.TryGetValue(from, out var shortest)) return new PathListResult(paths, budget.Exhausted);

        var onPath = new HashSet<EntityNode> { from };
        var steps = new List<PathStep>();
        for (var length = shortest; length <= maxLength && paths.Count < first && !budget.Exhausted; length++)
        {
            Walk(from, length);
        }

        return new PathListResult(paths, budget.Exhausted);

        void Walk(EntityNode entity, int remaining)
        {
            if (remaining == 0)
            {
                if (ReferenceEquals(entity, to)) paths.Add(new GraphPath(steps.ToList(), from));
                return;
            }

            // Parallel relationships to the same entity would repeat the same route: the first (by id) stands for them.
            var tried = new HashSet<EntityNode>();
            foreach (var step in index.Adjacents(entity, direction, filter))
            {
                if (paths.Count >= first || !budget.Scan()) return;
                if (!tried.Add(step.Other) || onPath.Contains(step.Other) || !toTarget.TryGetValue(step.Other, out var distance) || distance > remaining - 1) continue;
                onPath.Add(step.Other);
                steps.Add(new PathStep(step.Relationship, entity, step.Other));
                Walk(step.Other, remaining - 1);
                steps.RemoveAt(steps.Count - 1);
                onPath.Remove(step.Other);
            }
        }
    }

    /// <summary>Breadth-first distances to the target, walking relationships backwards, up to the length cap.</summary>
    private static Dictionary<EntityNode, int> DistancesTo(GraphIndex index, EntityNode target, Direction direction, RelationshipFilter filter, int maxLength, TraversalBudget budget)
    {
        var reverse = direction switch { Direction.Out => Direction.In, Direction.In => Direction.Out, _ => Direction.Both };
        var distance = new Dictionary<EntityNode, int> { [target] = 0 };
        var frontier = new List<EntityNode> { target };
        for (var level = 1; level <= maxLength && frontier.Count > 0; level++)
        {
            var next = new List<EntityNode>();
            foreach (var entity in frontier)
            {
                foreach (var step in index.Adjacents(entity, reverse, filter))
                {
                    if (!budget.Scan()) return distance;
                    if (distance.ContainsKey(step.Other)) continue;
                    if (!budget.Visit()) return distance;
                    distance[step.Other] = level;
                    next.Add(step.Other);
                }
            }

            frontier = next;
        }

        return distance;
    }
}
