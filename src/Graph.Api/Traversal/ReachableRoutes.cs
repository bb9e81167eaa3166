using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// How a reachability search reached the entities of one page: for each, a shortest path from the start,
/// as long as the entity's distance, along steps the search's direction and filter allow. Found once for
/// the page, when the first of its edges asks for its path: the search's levels give every entity it
/// reached its distance, and each path is traced back from its entity, one step at a time to an entity one
/// hop nearer (the first such step in the adjacency's order, so the same path every time).
/// </summary>
internal sealed class ReachableRoutes(GraphIndex index, EntityNode start, Direction direction, RelationshipFilter filter, ReachabilityResult search)
{
    private readonly List<int> targets = [];
    private readonly Lock finding = new();
    private Dictionary<int, GraphPath>? paths;

    /// <summary>An entity of the page, added while the page is made (before any of its paths is read).</summary>
    public void Add(EntityNode entity) => targets.Add(entity.Ordinal);

    /// <summary>The path to an entity added to the page.</summary>
    public GraphPath PathTo(EntityNode entity)
    {
        // The page's paths may be read from several threads at once (the engine resolves in parallel); they are found once.
        lock (finding) paths ??= Find();
        return paths[entity.Ordinal];
    }

    private Dictionary<int, GraphPath> Find()
    {
        var adjacency = index.Compact;
        var walk = new CompactFilter(adjacency, filter);
        var (order, levels) = (search.Order, search.Levels);
        using var distances = EntityMarks.Rent(adjacency.EntityCount);
        distances.Set(start.Ordinal, 1);
        for (var level = 0; level < levels.Count; level++)
        {
            for (var i = levels[level].Start; i < levels[level].End; i++) distances.Set(order[i], level + 2);
        }

        var found = new Dictionary<int, GraphPath>(targets.Count);
        foreach (var target in targets) found[target] = TraceBack(adjacency, walk, distances, target);
        return found;
    }

    // Marks hold distance + 1 (0: not reached). Walking the direction reversed from an entity finds the steps that lead into it.
    private GraphPath TraceBack(CompactAdjacency adjacency, CompactFilter walk, EntityMarks distances, int target)
    {
        var steps = new List<PathStep>();
        var entity = target;
        for (var mark = distances[target]; mark > 1; mark--)
        {
            var previous = -1;
            foreach (var step in adjacency.Steps(entity, direction.Reversed(), walk))
            {
                if (distances[step.Other] != mark - 1) continue;
                previous = step.Other;
                steps.Add(new PathStep(index.RelationshipAt(step.Relationship), index.EntityAt(previous), index.EntityAt(entity)));
                break;
            }

            if (previous < 0) throw new InvalidOperationException("No step leads to an entity one hop nearer the start.");
            entity = previous;
        }

        if (entity != start.Ordinal) throw new InvalidOperationException("The walk did not reach an entity the search kept.");
        steps.Reverse();
        return new GraphPath(steps, start);
    }
}
