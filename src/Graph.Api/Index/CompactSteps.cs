using System.Runtime.CompilerServices;

namespace Graph.Api.Index;

/// <summary>One step of a compact traversal: the relationship's ordinal, the entity reached and the way it was followed.</summary>
public readonly record struct CompactStep(int Relationship, int Other, Direction Direction);

/// <summary>
/// Enumerates an entity's steps from the compact adjacency: the outgoing and incoming rows merged in
/// relationship order (so BOTH lists a self-loop once), skipping what the filter drops. No allocation.
/// </summary>
public ref struct CompactSteps
{
    private readonly ReadOnlySpan<int> outRelationship, outOther, inRelationship, inOther;
    private readonly CompactFilter filter;
    private int o, i;

    internal CompactSteps(ReadOnlySpan<int> outRelationship, ReadOnlySpan<int> outOther, ReadOnlySpan<int> inRelationship, ReadOnlySpan<int> inOther, in CompactFilter filter)
    {
        this.outRelationship = outRelationship;
        this.outOther = outOther;
        this.inRelationship = inRelationship;
        this.inOther = inOther;
        this.filter = filter;
    }

    public CompactStep Current { get; private set; }

    public readonly CompactSteps GetEnumerator() => this;

    // Inlined wherever a traversal walks steps: the JIT stopped inlining it in the shortest path's loop when that loop
    // changed, and the call on every step made that search a third slower (bench/HISTORY.md, round 71).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        while (o < outRelationship.Length || i < inRelationship.Length)
        {
            if (i >= inRelationship.Length || (o < outRelationship.Length && outRelationship[o] <= inRelationship[i]))
            {
                var relationship = outRelationship[o];
                var other = outOther[o++];
                if (i < inRelationship.Length && inRelationship[i] == relationship) i++;
                Current = new CompactStep(relationship, other, Direction.Out);
            }
            else
            {
                Current = new CompactStep(inRelationship[i], inOther[i++], Direction.In);
            }

            if (filter.Keeps(Current.Relationship, Current.Other)) return true;
        }

        return false;
    }
}
