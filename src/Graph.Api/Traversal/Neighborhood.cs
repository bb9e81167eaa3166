using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>An entity reached by a traversal and how many steps away it is.</summary>
public readonly record struct Reached(EntityNode Entity, int Distance);

/// <summary>A subgraph around a centre, ready to draw: entities with distances and the relationships among them.</summary>
public sealed record NeighborhoodResult(EntityNode Center, IReadOnlyList<Reached> Nodes, IReadOnlyList<RelationshipNode> Relationships, bool Truncated);

/// <summary>
/// Breadth-first exploration up to a depth, keeping at most <c>limit</c> entities (the search stops
/// as soon as it has them). Relationships are those among the kept entities, including ones between
/// entities of the outermost ring. The filter's OtherKinds decide which entities are kept and walked
/// through; the centre always is.
/// </summary>
public static class Neighborhood
{
    public static NeighborhoodResult Explore(GraphIndex index, EntityNode center, int depth, Direction direction, RelationshipFilter filter, int limit, TraversalLimits limits)
    {
        var budget = new TraversalBudget(limits);
        using var kept = new EntityMarks(index);
        kept.Set(center, 1);
        var order = new List<Reached>(Math.Min(limit, 1024)) { new(center, 0) };
        var truncated = false;
        var frontier = new List<EntityNode> { center };
        for (var level = 1; level <= depth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<EntityNode>();
            foreach (var entity in frontier)
            {
                foreach (var step in index.Adjacents(entity, direction, filter))
                {
                    if (kept[step.Other] != 0) continue;
                    if (order.Count >= limit || !budget.Visit() || !budget.Scan()) { truncated = true; break; }
                    kept.Set(step.Other, 1);
                    order.Add(new Reached(step.Other, level));
                    next.Add(step.Other);
                }

                if (truncated) break;
            }

            frontier = next;
        }

        // One pass over the kept entities' own relationships collects every relationship among them.
        // A relationship is taken where it starts, so one joining two kept entities is listed once.
        var relationships = new List<RelationshipNode>(order.Count * 4);
        var among = filter with { OtherKinds = null };
        foreach (var reached in order)
        {
            var outgoing = index.Outgoing(reached.Entity);
            for (var i = 0; i < outgoing.Count; i++)
            {
                if (!budget.Scan()) { truncated = true; break; }
                var relationship = outgoing[i];
                if (kept[relationship.To] != 0 && among.Keeps(relationship, relationship.To)) relationships.Add(relationship);
            }
        }

        relationships.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return new NeighborhoodResult(center, order, relationships, truncated);
    }
}
