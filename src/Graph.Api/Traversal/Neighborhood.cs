using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>An entity reached by a traversal and how many steps away it is.</summary>
public readonly record struct Reached(EntityNode Entity, int Distance);

/// <summary>A subgraph around a centre, ready to draw: entities with distances and the relationships among them.</summary>
public sealed record NeighborhoodResult(EntityNode Center, IReadOnlyList<Reached> Nodes, IReadOnlyList<RelationshipNode> Relationships, bool Truncated);

/// <summary>
/// Breadth-first exploration up to a depth, keeping at most <c>limit</c> entities. Relationships are
/// those among the kept entities (including ones between entities on the outermost ring).
/// The filter's OtherKinds decide which entities are kept and walked through; the centre always is.
/// </summary>
public static class Neighborhood
{
    public static NeighborhoodResult Explore(GraphIndex index, EntityNode center, int depth, Direction direction, RelationshipFilter filter, int limit, TraversalLimits limits)
    {
        var budget = new TraversalBudget(limits);
        var distance = new Dictionary<EntityNode, int> { [center] = 0 };
        var order = new List<Reached> { new(center, 0) };
        var relationships = new HashSet<RelationshipNode>();
        var truncated = false;
        var frontier = new List<EntityNode> { center };
        for (var level = 1; level <= depth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<EntityNode>();
            foreach (var entity in frontier)
            {
                foreach (var step in index.Adjacents(entity, direction, filter))
                {
                    if (!budget.Scan()) { truncated = true; break; }
                    if (!distance.ContainsKey(step.Other))
                    {
                        if (order.Count >= limit || !budget.Visit()) { truncated = true; continue; }
                        distance[step.Other] = level;
                        order.Add(new Reached(step.Other, level));
                        next.Add(step.Other);
                    }

                    relationships.Add(step.Relationship);
                }

                if (truncated && budget.Exhausted) break;
            }

            frontier = next;
        }

        // Relationships among entities of the outermost ring were not walked; add them so the drawing is complete.
        foreach (var entity in frontier)
        {
            foreach (var step in index.Adjacents(entity, direction, filter))
            {
                if (!budget.Scan()) { truncated = true; break; }
                if (distance.ContainsKey(step.Other)) relationships.Add(step.Relationship);
            }
        }

        return new NeighborhoodResult(center, order, relationships.OrderBy(r => r.Ordinal).ToList(), truncated);
    }
}
