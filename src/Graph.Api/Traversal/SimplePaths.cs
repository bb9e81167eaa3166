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
        var adjacency = index.Compact;
        var walk = new CompactFilter(adjacency, filter);
        // Marks hold the distance to the target plus one (0 = not within maxLength).
        using var toTarget = DistancesTo(adjacency, to.Ordinal, direction, walk, maxLength, budget);
        var paths = new List<GraphPath>();
        if (ReferenceEquals(from, to) || toTarget[from.Ordinal] == 0) return new PathListResult(paths, budget.Exhausted);

        var onPath = new HashSet<int> { from.Ordinal };
        var steps = new List<PathStep>();
        for (var length = toTarget[from.Ordinal] - 1; length <= maxLength && paths.Count < first && !budget.Exhausted; length++)
        {
            Walk(from.Ordinal, length);
        }

        return new PathListResult(paths, budget.Exhausted);

        void Walk(int entity, int remaining)
        {
            if (remaining == 0)
            {
                if (entity == to.Ordinal) paths.Add(new GraphPath(steps.ToList(), from));
                return;
            }

            // Parallel relationships to the same entity would repeat the same route: the first (by id) stands for them.
            var tried = new HashSet<int>();
            foreach (var step in adjacency.Steps(entity, direction, walk))
            {
                if (paths.Count >= first || !budget.Scan()) return;
                var distance = toTarget[step.Other] - 1;
                if (!tried.Add(step.Other) || onPath.Contains(step.Other) || distance < 0 || distance > remaining - 1) continue;
                onPath.Add(step.Other);
                steps.Add(new PathStep(index.RelationshipAt(step.Relationship), index.EntityAt(entity), index.EntityAt(step.Other)));
                Walk(step.Other, remaining - 1);
                steps.RemoveAt(steps.Count - 1);
                onPath.Remove(step.Other);
            }
        }
    }

    /// <summary>Breadth-first distances to the target (plus one), walking relationships backwards, up to the length cap.</summary>
    private static EntityMarks DistancesTo(CompactAdjacency adjacency, int target, Direction direction, CompactFilter filter, int maxLength, TraversalBudget budget)
    {
        var reverse = direction.Reversed();
        var distance = EntityMarks.Rent(adjacency.EntityCount);
        distance.Set(target, 1);
        var frontier = new List<int> { target };
        for (var level = 1; level <= maxLength && frontier.Count > 0; level++)
        {
            var next = new List<int>();
            foreach (var entity in frontier)
            {
                foreach (var step in adjacency.Steps(entity, reverse, filter))
                {
                    if (!budget.Scan()) return distance;
                    if (distance.IsMarked(step.Other)) continue;
                    if (!budget.Visit()) return distance;
                    distance.Set(step.Other, level + 1);
                    next.Add(step.Other);
                }
            }

            frontier = next;
        }

        return distance;
    }
}
