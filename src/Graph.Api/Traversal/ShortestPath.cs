using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>The outcome of a path search: the path, or null with whether the search was cut short by a cap.</summary>
public sealed record PathSearchResult(GraphPath? Path, bool Truncated);

/// <summary>
/// Shortest path by bidirectional breadth-first search: it grows the smaller of the two frontiers,
/// so on a large graph it touches far fewer entities than a search from one end. With kinds to pass
/// through, only entities of those kinds are entered between the two ends (the ends may be of any kind).
/// </summary>
public static class ShortestPath
{
    private const int ForwardSide = 1, BackwardSide = 2;

    public static PathSearchResult Find(GraphIndex index, EntityNode from, EntityNode to, Direction direction, RelationshipFilter filter, int maxLength, TraversalLimits limits,
        IReadOnlySet<Model.EntityKind>? through = null)
    {
        if (ReferenceEquals(from, to)) return new PathSearchResult(new GraphPath([], from), false);

        var budget = new TraversalBudget(limits);
        var adjacency = index.Compact;
        var walkFilter = new CompactFilter(adjacency, filter);
        var passable = PassableEntities.For(adjacency, through, from.Ordinal, to.Ordinal);
        // Each reached entity is marked with its side and the step that reached it (none for the side's own start).
        using var seen = EntityMarks.Rent(adjacency.EntityCount);
        seen.Set(from.Ordinal, ForwardSide, -1, -1);
        seen.Set(to.Ordinal, BackwardSide, -1, -1);
        var forwardFrontier = new List<int> { from.Ordinal };
        var backwardFrontier = new List<int> { to.Ordinal };
        int forwardDepth = 0, backwardDepth = 0;

        while (forwardFrontier.Count > 0 && backwardFrontier.Count > 0 && forwardDepth + backwardDepth < maxLength)
        {
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, side, walk) = growForward
                ? (forwardFrontier, ForwardSide, direction)
                : (backwardFrontier, BackwardSide, direction.Reversed());
            var next = new List<int>();
            foreach (var entity in frontier)
            {
                foreach (var step in adjacency.Steps(entity, walk, walkFilter))
                {
                    if (!budget.Scan()) return new PathSearchResult(null, true);
                    var reachedSide = seen[step.Other];
                    if (reachedSide == side) continue;
                    // Unreached entities of other kinds are not entered; what the other side entered is met.
                    if (reachedSide == 0 && !passable.Enters(step.Other)) continue;
                    if (reachedSide != 0)
                    {
                        // The two searches meet on this step.
                        var path = growForward ? Join(index, seen, entity, step, step.Other) : Join(index, seen, step.Other, step, entity);
                        return new PathSearchResult(new GraphPath(path, from), false);
                    }

                    if (!budget.Visit()) return new PathSearchResult(null, true);
                    seen.Set(step.Other, side, step.Relationship, entity);
                    next.Add(step.Other);
                }
            }

            if (growForward) { forwardFrontier = next; forwardDepth++; }
            else { backwardFrontier = next; backwardDepth++; }
        }

        return new PathSearchResult(null, false);
    }

    /// <summary>
    /// Stitches the path: start → <paramref name="near"/> from the forward marks, the meeting step,
    /// then <paramref name="far"/> → end from the backward marks.
    /// </summary>
    private static List<PathStep> Join(GraphIndex index, EntityMarks seen, int near, CompactStep meeting, int far)
    {
        var steps = new List<PathStep>();
        for (var entity = near; seen.RelationshipTo(entity) is var relationship and >= 0; entity = seen.PreviousOf(entity))
        {
            steps.Add(new PathStep(index.RelationshipAt(relationship), index.EntityAt(seen.PreviousOf(entity)), index.EntityAt(entity)));
        }

        steps.Reverse();
        steps.Add(new PathStep(index.RelationshipAt(meeting.Relationship), index.EntityAt(near), index.EntityAt(far)));
        for (var entity = far; seen.RelationshipTo(entity) is var relationship and >= 0; entity = seen.PreviousOf(entity))
        {
            steps.Add(new PathStep(index.RelationshipAt(relationship), index.EntityAt(entity), index.EntityAt(seen.PreviousOf(entity))));
        }

        return steps;
    }
}
