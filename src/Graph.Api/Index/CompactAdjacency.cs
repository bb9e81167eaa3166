using System.Runtime.CompilerServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// The graph's adjacency as flat arrays of ordinals (compressed sparse rows), built once from the
/// QuikGraph graph for the traversals. A step reads a few ints that sit next to each other instead of
/// following an object per relationship and per entity, which is what bounded a traversal on a
/// million relationships: memory latency, not work.
/// </summary>
public sealed class CompactAdjacency
{
    // Entity e's outgoing relationships are positions outStart[e] .. outStart[e + 1] - 1 of outRelationship
    // (the relationship's ordinal) and outOther (the entity at its other end), in relationship order.
    private readonly int[] outStart, outRelationship, outOther;
    private readonly int[] inStart, inRelationship, inOther;

    // The outgoing relationships' nodes, position for position with outRelationship: an answer that lists an
    // entity's relationships reads them from one run instead of looking each up in a million-entry array.
    private readonly RelationshipNode[] outNode;

    internal CompactAdjacency(IReadOnlyList<EntityNode> entities, IReadOnlyList<RelationshipNode> relationships,
        Func<EntityNode, IReadOnlyList<RelationshipNode>> outgoing, Func<EntityNode, IReadOnlyList<RelationshipNode>> incoming)
    {
        EntityKinds = new byte[entities.Count];
        foreach (var entity in entities) EntityKinds[entity.Ordinal] = (byte)entity.Kind;
        EntityRelationshipTypes = new ulong[entities.Count];
        RelationshipTypes = new byte[relationships.Count];
        ValidFrom = new int[relationships.Count];
        ValidTo = new int[relationships.Count];
        TimelineKeys = new long[relationships.Count];
        outNode = new RelationshipNode[relationships.Count];
        int[] outStart = [], outRelationship = [], outOther = [], inStart = [], inRelationship = [], inOther = [];
        // Three independent parts side by side: this is the last step of an index build, and alone it kept
        // one core busy for 0.4–0.55 s with a million relationships while the other waited.
        Parallel.Invoke(
            [MethodImpl(LoadingCode.Optimised)] () =>
            {
                foreach (var relationship in relationships)
                {
                    var validTime = relationship.ValidTime;
                    RelationshipTypes[relationship.Ordinal] = (byte)relationship.Type;
                    EntityRelationshipTypes[relationship.From.Ordinal] |= 1UL << (int)relationship.Type;
                    EntityRelationshipTypes[relationship.To.Ordinal] |= 1UL << (int)relationship.Type;
                    ValidFrom[relationship.Ordinal] = validTime.Start?.Earliest.DayNumber ?? int.MinValue;
                    ValidTo[relationship.Ordinal] = validTime.End?.Latest.DayNumber ?? int.MaxValue;
                    TimelineKeys[relationship.Ordinal] = validTime.SortKey is { } date ? ((long)date.Earliest.DayNumber << 32) | (uint)date.Latest.DayNumber : Undated;
                }
            },
            () =>
            {
                (outStart, outRelationship, outOther) = Rows(entities, relationships.Count, outgoing, static r => r.To);
                for (var i = 0; i < outNode.Length; i++) outNode[i] = relationships[outRelationship[i]];
            },
            () => (inStart, inRelationship, inOther) = Rows(entities, relationships.Count, incoming, static r => r.From));
        (this.outStart, this.outRelationship, this.outOther) = (outStart, outRelationship, outOther);
        (this.inStart, this.inRelationship, this.inOther) = (inStart, inRelationship, inOther);
    }

    /// <summary>Each entity's kind, by ordinal.</summary>
    public byte[] EntityKinds { get; }

    /// <summary>
    /// The types of relationship each entity takes part in, either end, one bit per type (by ordinal):
    /// a filter on "has a relationship of this type" reads one word instead of the entity's relationships.
    /// </summary>
    public ulong[] EntityRelationshipTypes { get; }

    /// <summary>Whether the entity starts or ends a relationship of the type.</summary>
    public bool TakesPartIn(int entity, RelationshipType type) => (EntityRelationshipTypes[entity] >> (int)type & 1) != 0;

    /// <summary>Each relationship's type, by ordinal.</summary>
    public byte[] RelationshipTypes { get; }

    /// <summary>The first day each relationship holds on (DayNumber), int.MinValue when open.</summary>
    public int[] ValidFrom { get; }

    /// <summary>The last day each relationship holds on (DayNumber), int.MaxValue when open.</summary>
    public int[] ValidTo { get; }

    public int EntityCount => EntityKinds.Length;

    /// <summary>Whether the relationship holds on the day (a DayNumber), as <see cref="ValidTime.HoldsOn"/> says.</summary>
    public bool HoldsOn(int relationship, int dayNumber) => ValidFrom[relationship] <= dayNumber && dayNumber <= ValidTo[relationship];

    /// <summary>The <see cref="TimelineKeys"/> of a relationship with neither a start nor an end.</summary>
    public const long Undated = long.MaxValue;

    /// <summary>
    /// What a timeline sorts each relationship by, by ordinal: the first day its start may mean (its end's
    /// when it has no start) in the high half, the last day in the low half, so the numbers sort as the
    /// dates do; <see cref="Undated"/> when it has neither. A hub's timeline reads one number for each of
    /// its relationships instead of each one's dates through three objects.
    /// </summary>
    public long[] TimelineKeys { get; }

    /// <summary>How many of the relationships hold on the day (a DayNumber).</summary>
    public int CountHolding(ReadOnlySpan<int> relationships, int dayNumber)
    {
        var count = 0;
        foreach (var relationship in relationships)
        {
            if (HoldsOn(relationship, dayNumber)) count++;
        }

        return count;
    }

    /// <summary>The steps from an entity in relationship order (a self-loop once), keeping what the filter keeps.</summary>
    public CompactSteps Steps(int entity, Direction direction, in CompactFilter filter)
    {
        var outgoing = direction == Direction.In ? default : Row(outStart, entity);
        var incoming = direction == Direction.Out ? default : Row(inStart, entity);
        return new CompactSteps(
            outRelationship.AsSpan(outgoing), outOther.AsSpan(outgoing),
            inRelationship.AsSpan(incoming), inOther.AsSpan(incoming),
            filter);
    }

    /// <summary>
    /// How many relationships an entity has in the direction, unfiltered, a self-loop once (as its steps
    /// count it): the lengths of its rows, less the self-loops for both directions. A hub's degree was a
    /// walk over its thousand steps.
    /// </summary>
    public int Degree(int entity, Direction direction)
    {
        var targets = outOther.AsSpan(Row(outStart, entity));
        var incoming = inStart[entity + 1] - inStart[entity];
        return direction switch
        {
            Direction.Out => targets.Length,
            Direction.In => incoming,
            _ => targets.Length + incoming - targets.Count(entity),
        };
    }

    /// <summary>The outgoing relationships of an entity, unfiltered, in relationship order.</summary>
    public ReadOnlySpan<int> OutgoingRelationships(int entity) => outRelationship.AsSpan(Row(outStart, entity));

    /// <summary>The entities those relationships end at, position for position.</summary>
    public ReadOnlySpan<int> OutgoingTargets(int entity) => outOther.AsSpan(Row(outStart, entity));

    /// <summary>The nodes of those relationships, position for position.</summary>
    public ReadOnlySpan<RelationshipNode> OutgoingNodes(int entity) => outNode.AsSpan(Row(outStart, entity));

    private static Range Row(int[] start, int entity) => start[entity]..start[entity + 1];

    [MethodImpl(LoadingCode.Optimised)]
    private static (int[] Start, int[] Relationship, int[] Other) Rows(IReadOnlyList<EntityNode> entities, int relationshipCount,
        Func<EntityNode, IReadOnlyList<RelationshipNode>> adjacent, Func<RelationshipNode, EntityNode> other)
    {
        var start = new int[entities.Count + 1];
        var relationship = new int[relationshipCount];
        var others = new int[relationshipCount];
        var position = 0;
        foreach (var entity in entities)
        {
            start[entity.Ordinal] = position;
            foreach (var node in adjacent(entity))
            {
                relationship[position] = node.Ordinal;
                others[position++] = other(node).Ordinal;
            }
        }

        start[entities.Count] = position;
        return (start, relationship, others);
    }
}
