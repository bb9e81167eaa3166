using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// Paths found by <see cref="SimplePaths"/>, whether more than were asked for exist, and whether a cap
/// stopped the search early.
/// </summary>
public sealed record PathListResult(IReadOnlyList<GraphPath> Paths, bool HasMore, bool Truncated);

/// <summary>
/// Simple paths (no entity twice) between two entities, shortest first, up to a small length; one path
/// per distinct sequence of entities. From an entity to itself, only the path of no steps.
/// <para>
/// Distances are first grown from both ends, the smaller frontier each time, as the shortest path
/// does: from the target they prune the depth-first search, which then only walks towards the target,
/// and where both searches meet they give the shortest length to start from. Distances from the target
/// alone reached the visit cap before the start on a graph with hubs, four hops out, and the search
/// then found nothing where a path of four existed.
/// </para>
/// </summary>
public static class SimplePaths
{
    // Both distances (plus one, 0 = not reached) share an entity's mark: from the start in the low half, to the target in the high.
    private const int Half = 16;
    private const int LowHalf = (1 << Half) - 1;

    public static PathListResult Find(GraphIndex index, EntityNode from, EntityNode to, Direction direction, RelationshipFilter filter, int maxLength, int first, TraversalLimits limits,
        IReadOnlySet<Model.EntityKind>? through = null)
    {
        // From an entity to itself there is one simple path, of no steps, as the shortest path says; any other comes back to it.
        if (ReferenceEquals(from, to)) return new PathListResult([new GraphPath([], from)], false, false);
        var adjacency = index.Compact;
        var walk = new CompactFilter(adjacency, filter);
        var passable = PassableEntities.For(adjacency, through, from.Ordinal, to.Ordinal);
        var paths = new List<GraphPath>();
        // One path more than asked for is looked for, to tell whether more exist; it is not returned.
        var wanted = first + 1;

        // The distances get half the caps; the walk gets what they leave. Distances cut short only prune
        // less, so only a walk cut short can miss paths (truncated).
        using var marks = EntityMarks.Rent(adjacency.EntityCount);
        var growth = new TraversalBudget(limits with { MaxVisited = limits.MaxVisited / 2, MaxScanned = limits.MaxScanned / 2 });
        var known = Distances(adjacency, from.Ordinal, to.Ordinal, direction, walk, passable, maxLength, growth, marks);
        var budget = new TraversalBudget(limits with { MaxVisited = limits.MaxVisited - growth.Visited, MaxScanned = limits.MaxScanned - growth.Scanned });
        var onPath = new HashSet<int> { from.Ordinal };
        var steps = new List<PathStep>();
        for (var length = known.Shortest; length <= maxLength && paths.Count < wanted && !budget.Exhausted; length++)
        {
            Walk(from.Ordinal, length);
        }

        var hasMore = paths.Count > first;
        if (hasMore) paths.RemoveRange(first, paths.Count - first);
        return new PathListResult(paths, hasMore, budget.Exhausted && !hasMore);

        void Walk(int entity, int remaining)
        {
            if (remaining == 0)
            {
                if (entity == to.Ordinal) paths.Add(new GraphPath(steps.ToList(), from));
                return;
            }

            // Parallel relationships to the same entity would repeat the same route: the first (by id) stands for them.
            // Only entities that pass the other tests are remembered: those tests give the same answer for every
            // relationship to an entity, and most of a hub's neighbours fail them, so the set stays small, and is
            // made only when one passes.
            HashSet<int>? tried = null;
            foreach (var step in adjacency.Steps(entity, direction, walk))
            {
                if (paths.Count >= wanted || !budget.Scan()) return;
                if (!known.MayArrive(marks, step.Other, remaining - 1) || !passable.Enters(step.Other) || onPath.Contains(step.Other) || !(tried ??= []).Add(step.Other)) continue;
                onPath.Add(step.Other);
                steps.Add(new PathStep(index.RelationshipAt(step.Relationship), index.EntityAt(entity), index.EntityAt(step.Other)));
                Walk(step.Other, remaining - 1);
                steps.RemoveAt(steps.Count - 1);
                onPath.Remove(step.Other);
            }
        }
    }

    /// <summary>What the searches from both ends learnt: where to start, and how far the distances to the target are known.</summary>
    private readonly record struct Known(int Shortest, int TargetRadius, bool TargetComplete)
    {
        /// <summary>
        /// Whether the entity may still reach the target in <paramref name="remaining"/> steps: within the
        /// radius around the target its distance answers exactly (unmarked is farther than the radius);
        /// beyond it nothing is known, so the walk goes on.
        /// </summary>
        public bool MayArrive(EntityMarks marks, int entity, int remaining)
        {
            if (remaining > TargetRadius && !TargetComplete) return true;
            var toTarget = (marks[entity] >> Half) - 1;
            return toTarget >= 0 && toTarget <= remaining;
        }
    }

    /// <summary>
    /// Breadth-first from both ends (backwards from the target), the smaller frontier each time, until
    /// the two radii cover <paramref name="maxLength"/>, a side runs out, or the budget does. Records each
    /// entity's distances in its mark; a level left half done keeps exact distances, and its radius is not counted.
    /// </summary>
    private static Known Distances(CompactAdjacency adjacency, int start, int target, Direction direction, CompactFilter filter, PassableEntities passable, int maxLength, TraversalBudget budget, EntityMarks marks)
    {
        marks.Set(start, 1);
        marks.Set(target, 1 << Half);
        List<int> fromStart = [start], toTarget = [target];
        int startRadius = 0, targetRadius = 0, shortest = int.MaxValue;
        while (startRadius + targetRadius < maxLength && fromStart.Count > 0 && toTarget.Count > 0)
        {
            var forward = fromStart.Count <= toTarget.Count;
            var (frontier, shift, radius) = forward ? (fromStart, 0, startRadius) : (toTarget, Half, targetRadius);
            var next = new List<int>();
            foreach (var entity in frontier)
            {
                foreach (var step in adjacency.Steps(entity, forward ? direction : direction.Reversed(), filter))
                {
                    if (!budget.Scan()) return new Known(Math.Min(shortest, startRadius + targetRadius + 1), targetRadius, false);
                    var mark = marks[step.Other];
                    if ((mark >> shift & LowHalf) != 0 || !passable.Enters(step.Other)) continue;
                    if (!budget.Visit()) return new Known(Math.Min(shortest, startRadius + targetRadius + 1), targetRadius, false);
                    marks.Set(step.Other, mark | ((radius + 2) << shift));
                    next.Add(step.Other);
                    // Reached from the other side too: a route of this length exists.
                    var other = (mark >> (Half - shift) & LowHalf) - 1;
                    if (other >= 0) shortest = Math.Min(shortest, radius + 1 + other);
                }
            }

            if (forward) (fromStart, startRadius) = (next, startRadius + 1);
            else (toTarget, targetRadius) = (next, targetRadius + 1);
        }

        // Unmet with both radii complete: nothing within the radii' sum joins the ends.
        var unmet = startRadius + targetRadius + 1;
        var targetComplete = toTarget.Count == 0;
        if (fromStart.Count == 0 && shortest == int.MaxValue) return new Known(int.MaxValue, targetRadius, targetComplete);
        return new Known(Math.Min(shortest, unmet), targetRadius, targetComplete);
    }
}
