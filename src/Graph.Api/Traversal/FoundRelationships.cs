using System.Buffers;
using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// The relationships a traversal collects, gathered in a pooled buffer and copied out once at their exact count. The load
/// run's neighbourhood of 200 entities collects 1,126: gathered in a list that grew to fit and then copied, they were
/// 28 KiB allocated an answer, two thirds of all it allocated; the answer's own array is 9 KB (bench/README, round 57).
/// </summary>
internal sealed class FoundRelationships(int expected) : IDisposable
{
    private RelationshipNode[] buffer = ArrayPool<RelationshipNode>.Shared.Rent(Math.Max(expected, 16));
    private int count;

    public void Add(RelationshipNode relationship)
    {
        if (count == buffer.Length) Grow();
        buffer[count++] = relationship;
    }

    /// <summary>The relationships found, in the order added, in an array of their own.</summary>
    public RelationshipNode[] ToArray() => buffer.AsSpan(0, count).ToArray();

    // The buffer is cleared as it goes back, so the pool holds on to no node, nor through it to an index no longer served.
    public void Dispose()
    {
        ArrayPool<RelationshipNode>.Shared.Return(buffer, clearArray: true);
        (buffer, count) = ([], 0);
    }

    private void Grow()
    {
        var bigger = ArrayPool<RelationshipNode>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(bigger, 0);
        ArrayPool<RelationshipNode>.Shared.Return(buffer, clearArray: true);
        buffer = bigger;
    }
}
