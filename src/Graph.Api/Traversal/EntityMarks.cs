using System.Buffers;
using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// A number per entity (0 = unmarked) for one traversal, in a pooled array indexed by ordinal:
/// far cheaper than a dictionary when a traversal examines hundreds of thousands of relationships.
/// A rented array is cleared once, a few microseconds even for a million entities.
/// </summary>
internal sealed class EntityMarks : IDisposable
{
    private readonly int[] marks;

    public EntityMarks(GraphIndex index)
    {
        marks = ArrayPool<int>.Shared.Rent(Math.Max(index.Entities.Count, 1));
        // Pooled arrays come back as their last user left them.
        Array.Clear(marks, 0, index.Entities.Count);
    }

    public int this[EntityNode entity] => marks[entity.Ordinal];

    public void Set(EntityNode entity, int value) => marks[entity.Ordinal] = value;

    public void Dispose() => ArrayPool<int>.Shared.Return(marks);
}
