using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>The outcome of a path search: the path, or null with whether the search was cut short by a cap.</summary>
public sealed record PathSearchResult(GraphPath? Path, bool Truncated);

/// <summary>
/// Shortest path by bidirectional breadth-first search: it grows the smaller of the two frontiers,
/// so on a large graph it touches far fewer entities than a search from one end. With kinds to pass
/// through, only entities of those kinds are entered between the two ends (the ends may be of any kind).
/// </summary>
/// <remarks>
/// Each step tests which side reached the entity at its far end, anywhere in the graph. Those tests read bits (25 KB for
/// 100k entities), and what each side reached lies in its own tree (<see cref="SearchTree"/>). Marks of 16 bytes an entity
/// (1.6 MB) made each test a trip past the caches under load, and a list for each level 17 KB of garbage an answer; without
/// them the load run's path (about 1,400 steps) takes a quarter less of the server's time an answer (bench/HISTORY.md, round 71).
/// </remarks>
public static class ShortestPath
{
    public static PathSearchResult Find(GraphIndex index, EntityNode from, EntityNode to, Direction direction, RelationshipFilter filter, int maxLength, TraversalLimits limits,
        IReadOnlySet<Model.EntityKind>? through = null)
    {
        if (ReferenceEquals(from, to)) return new PathSearchResult(new GraphPath([], from), false);

        var budget = new TraversalBudget(limits);
        var adjacency = index.Compact;
        var walkFilter = new CompactFilter(adjacency, filter);
        var passable = PassableEntities.For(adjacency, through, from.Ordinal, to.Ordinal);
        // Which side reached each entity, as bits: an entity's forward bit is twice its ordinal and its backward bit the next,
        // so a step's two tests read one word. 25 KB for 100k entities.
        using var reached = EntityBits.Rent(2 * adjacency.EntityCount);
        using var forward = new SearchTree(from.Ordinal);
        using var backward = new SearchTree(to.Ordinal);
        reached.Add(2 * from.Ordinal);
        reached.Add(2 * to.Ordinal + 1);
        // Each side's frontier is its tree's last level: the entries from here on.
        int forwardLevel = 0, backwardLevel = 0;
        int forwardDepth = 0, backwardDepth = 0;

        while (forwardLevel < forward.Count && backwardLevel < backward.Count && forwardDepth + backwardDepth < maxLength)
        {
            var growForward = forward.Count - forwardLevel <= backward.Count - backwardLevel;
            var (tree, level, ownBit, otherBit, walk) = growForward
                ? (forward, forwardLevel, 0, 1, direction)
                : (backward, backwardLevel, 1, 0, direction.Reversed());
            var levelEnd = tree.Count;
            for (var entry = level; entry < levelEnd; entry++)
            {
                foreach (var step in adjacency.Steps(tree.EntityAt(entry), walk, walkFilter))
                {
                    if (!budget.Scan()) return new PathSearchResult(null, true);
                    if (reached.Contains(2 * step.Other + ownBit)) continue;
                    // What the other side entered is met; unreached entities of other kinds are not entered.
                    if (reached.Contains(2 * step.Other + otherBit)) return Met(index, from, forward, backward, growForward, entry, step);
                    if (!passable.Enters(step.Other)) continue;

                    if (!budget.Visit()) return new PathSearchResult(null, true);
                    reached.Add(2 * step.Other + ownBit);
                    tree.Add(step.Other, step.Relationship, entry);
                }
            }

            if (growForward) (forwardLevel, forwardDepth) = (levelEnd, forwardDepth + 1);
            else (backwardLevel, backwardDepth) = (levelEnd, backwardDepth + 1);
        }

        return new PathSearchResult(null, false);
    }

    /// <summary>
    /// The path found where the two searches meet on a step from the entry <paramref name="entry"/> of the side that grew.
    /// </summary>
    private static PathSearchResult Met(GraphIndex index, EntityNode from, SearchTree forward, SearchTree backward, bool grewForward, int entry, CompactStep step)
    {
        var path = grewForward
            ? Join(index, forward, entry, step.Relationship, backward, backward.IndexOf(step.Other))
            : Join(index, forward, forward.IndexOf(step.Other), step.Relationship, backward, entry);
        return new PathSearchResult(new GraphPath(path, from), false);
    }

    /// <summary>
    /// Stitches the path: start → the forward entry <paramref name="near"/> along its parents, the meeting relationship,
    /// then the backward entry <paramref name="far"/> → end along its parents.
    /// </summary>
    private static List<PathStep> Join(GraphIndex index, SearchTree forward, int near, int meeting, SearchTree backward, int far)
    {
        var steps = new List<PathStep>();
        for (var entry = near; forward.ParentOf(entry) is var parent and >= 0; entry = parent)
        {
            steps.Add(new PathStep(index.RelationshipAt(forward.RelationshipAt(entry)), index.EntityAt(forward.EntityAt(parent)), index.EntityAt(forward.EntityAt(entry))));
        }

        steps.Reverse();
        steps.Add(new PathStep(index.RelationshipAt(meeting), index.EntityAt(forward.EntityAt(near)), index.EntityAt(backward.EntityAt(far))));
        for (var entry = far; backward.ParentOf(entry) is var parent and >= 0; entry = parent)
        {
            steps.Add(new PathStep(index.RelationshipAt(backward.RelationshipAt(entry)), index.EntityAt(backward.EntityAt(entry)), index.EntityAt(backward.EntityAt(parent))));
        }

        return steps;
    }
}
