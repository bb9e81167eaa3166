using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// How a reachability search reached the entities of one page: for each, the path of relationships the
/// breadth-first walk took from the start, as long as the entity's distance. Found once for the page, when
/// the first of its edges asks for its path, by walking again and noting each entity's first step; a search
/// whose answer asks for no path keeps its one bit per entity.
/// </summary>
internal sealed class ReachableRoutes(GraphIndex index, EntityNode start, int maxDepth, Direction direction, RelationshipFilter filter, TraversalLimits limits)
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
        using var steps = EntityMarks.Rent(adjacency.EntityCount);
        // The same walk, with the same budget, so it reaches the same entities by the same steps as the search did.
        Reachability.Walk(adjacency, start.Ordinal, maxDepth, direction, new CompactFilter(adjacency, filter), new TraversalBudget(limits), steps);
        var found = new Dictionary<int, GraphPath>(targets.Count);
        foreach (var target in targets)
        {
            var path = new List<PathStep>();
            var entity = target;
            for (var hops = 0; entity != start.Ordinal; hops++)
            {
                if (hops == maxDepth || !steps.IsMarked(entity)) throw new InvalidOperationException("The second walk did not reach an entity the search kept.");
                path.Add(new PathStep(index.RelationshipAt(steps.RelationshipTo(entity)), index.EntityAt(steps.PreviousOf(entity)), index.EntityAt(entity)));
                entity = steps.PreviousOf(entity);
            }

            path.Reverse();
            found[target] = new GraphPath(path, start);
        }

        return found;
    }
}
