using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>The outcome of a path search: the path, or null with whether the search was cut short by a cap.</summary>
public sealed record PathSearchResult(GraphPath? Path, bool Truncated);

/// <summary>
/// Shortest path by bidirectional breadth-first search: it grows the smaller of the two frontiers,
/// so on a large graph it touches far fewer entities than a search from one end.
/// </summary>
public static class ShortestPath
{
    public static PathSearchResult Find(GraphIndex index, EntityNode from, EntityNode to, Direction direction, RelationshipFilter filter, int maxLength, TraversalLimits limits)
    {
        if (ReferenceEquals(from, to)) return new PathSearchResult(new GraphPath([], from), false);

        var budget = new TraversalBudget(limits);
        // Each side maps an entity to the step that reached it (null for the side's own start).
        var forward = new Dictionary<EntityNode, Adjacent?> { [from] = null };
        var backward = new Dictionary<EntityNode, Adjacent?> { [to] = null };
        var forwardFrontier = new List<EntityNode> { from };
        var backwardFrontier = new List<EntityNode> { to };
        int forwardDepth = 0, backwardDepth = 0;

        while (forwardFrontier.Count > 0 && backwardFrontier.Count > 0 && forwardDepth + backwardDepth < maxLength)
        {
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, seen, other, walk) = growForward
                ? (forwardFrontier, forward, backward, direction)
                : (backwardFrontier, backward, forward, Reverse(direction));
            var next = new List<EntityNode>();
            EntityNode? meeting = null;
            foreach (var entity in frontier)
            {
                foreach (var step in index.Adjacents(entity, walk, filter))
                {
                    if (!budget.Scan()) return new PathSearchResult(null, true);
                    if (seen.ContainsKey(step.Other)) continue;
                    if (!budget.Visit()) return new PathSearchResult(null, true);
                    seen[step.Other] = step with { Other = entity };
                    next.Add(step.Other);
                    if (other.ContainsKey(step.Other)) { meeting = step.Other; break; }
                }

                if (meeting is not null) break;
            }

            if (growForward) { forwardFrontier = next; forwardDepth++; }
            else { backwardFrontier = next; backwardDepth++; }
            if (meeting is not null) return new PathSearchResult(Join(meeting, forward, backward, from), false);
        }

        return new PathSearchResult(null, false);
    }

    private static Direction Reverse(Direction direction) => direction switch
    {
        Direction.Out => Direction.In,
        Direction.In => Direction.Out,
        _ => Direction.Both,
    };

    /// <summary>Stitches the two halves: start → meeting from the forward map, meeting → end from the backward map.</summary>
    private static GraphPath Join(EntityNode meeting, Dictionary<EntityNode, Adjacent?> forward, Dictionary<EntityNode, Adjacent?> backward, EntityNode start)
    {
        var steps = new List<PathStep>();
        for (var entity = meeting; forward[entity] is { } step; entity = step.Other)
        {
            steps.Add(new PathStep(step.Relationship, step.Other, entity));
        }

        steps.Reverse();
        for (var entity = meeting; backward[entity] is { } step; entity = step.Other)
        {
            steps.Add(new PathStep(step.Relationship, entity, step.Other));
        }

        return new GraphPath(steps, start);
    }
}
