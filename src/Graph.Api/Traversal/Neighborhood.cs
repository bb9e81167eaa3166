using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>An entity reached by a traversal and how many steps away it is.</summary>
/// <remarks>
/// A class, not a struct: an answer writes a neighbourhood's nodes from an array of objects, which a plan's code
/// (Execution/PlanCode.cs) loops over itself; an array of structs went through the list's enumerator, each entry boxed.
/// </remarks>
public sealed record Reached(EntityNode Entity, int Distance);

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
        var adjacency = index.Compact;
        var walk = new CompactFilter(adjacency, filter);
        using var kept = EntityBits.Rent(adjacency.EntityCount);
        kept.Add(center.Ordinal);
        // Entities in the order reached, with their distances; a level's entities are a contiguous run.
        var order = new List<int>(Math.Min(limit, 1024)) { center.Ordinal };
        var distances = new List<int>(Math.Min(limit, 1024)) { 0 };
        var truncated = false;
        var levelStart = 0;
        for (var level = 1; level <= depth && levelStart < order.Count && !truncated; level++)
        {
            var levelEnd = order.Count;
            for (var f = levelStart; f < levelEnd && !truncated; f++)
            {
                foreach (var step in adjacency.Steps(order[f], direction, walk))
                {
                    if (kept.Contains(step.Other)) continue;
                    if (order.Count >= limit || !budget.Visit() || !budget.Scan()) { truncated = true; break; }
                    kept.Add(step.Other);
                    order.Add(step.Other);
                    distances.Add(level);
                }
            }

            levelStart = levelEnd;
        }

        // One pass over the kept entities' own relationships collects every relationship among them.
        // A relationship is taken where it starts, so one joining two kept entities is listed once. They are
        // listed in that order (by the entity they start at, in the order reached, then by id): the nodes of an
        // entity's relationships lie together in memory, and writing the answer reads them in a run.
        var among = new CompactFilter(adjacency, filter with { OtherKinds = null });
        // Gathered in a pooled list and copied out once at their exact count: gathered in a list that grew to fit, they were
        // 28 KiB allocated an answer, two thirds of all it allocated (bench/HISTORY.md, round 57). Room for eight an entity: the
        // load run's neighbourhood finds 5.6 (1,126 among 200), so its buffer never grows.
        using var found = new PooledList<RelationshipNode>(order.Count * 8);
        foreach (var entity in order)
        {
            var relationships = adjacency.OutgoingRelationships(entity);
            var targets = adjacency.OutgoingTargets(entity);
            var nodes = adjacency.OutgoingRun(entity);
            if (!budget.Scan(relationships.Length)) { truncated = true; break; }
            for (var i = 0; i < relationships.Length; i++)
            {
                if (kept.Contains(targets[i]) && among.Keeps(relationships[i], targets[i])) found.Add(nodes[i]);
            }
        }

        var reached = new Reached[order.Count];
        for (var i = 0; i < reached.Length; i++) reached[i] = new Reached(index.EntityAt(order[i]), distances[i]);
        return new NeighborhoodResult(center, reached, found.AsSpan().ToArray(), truncated);
    }
}
