using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Traversal;

/// <summary>
/// Which entities a path may pass through: its two ends, and any other of the kinds asked for (every
/// kind when none are). Shared by the shortest-path and simple-path searches.
/// </summary>
internal readonly record struct PassableEntities(CompactAdjacency Adjacency, ulong Kinds, int Start, int Target)
{
    public static PassableEntities For(CompactAdjacency adjacency, IReadOnlySet<EntityKind>? kinds, int start, int target) =>
        new(adjacency, CompactFilter.Mask(kinds), start, target);

    // Without kinds nothing is read: the kind array is probed at random, once per step.
    public bool Enters(int entity) => Kinds == ulong.MaxValue || entity == Start || entity == Target || CompactFilter.Includes(Kinds, Adjacency.EntityKinds[entity]);
}
