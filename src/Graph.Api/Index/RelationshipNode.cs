using Graph.Api.Model;
using QuikGraph;

namespace Graph.Api.Index;

/// <summary>
/// A relationship inside one index snapshot, ordinal in id order; an edge of QuikGraph's view of the graph (<see cref="QuikGraphView"/>).
/// It is a handle onto the relationship's row in the snapshot's table (<see cref="RelationshipTable"/>), made the first
/// time something asks for it and kept, so requests meet one node per relationship. A node for one read that is not kept
/// (<see cref="RelationshipTable.Uncached"/>) equals the kept one: nodes are equal when they are the same relationship of
/// the same snapshot. Its fields
/// are read from the row; it holds its ends itself. Its id is kept only as JSON text: answers
/// write that text, and the string, which only a cursor, the store's row and GraphQL.NET's own execution read, is
/// made when asked for.
/// </summary>
public sealed class RelationshipNode : IEdge<EntityNode>, IEquatable<RelationshipNode>
{
    // The ends, id text and type found once, not read through the table each time: an answer reads these for each of a
    // thousand relationships, and each hop more cost a neighbourhood's answer about a tenth.
    private readonly RelationshipTable table;
    private readonly int position;

    internal RelationshipNode(RelationshipTable table, int position, int ordinal, EntityNode from, EntityNode to)
    {
        (this.table, this.position, Ordinal, From, To) = (table, position, ordinal, from, to);
        ref readonly var row = ref table.RowAt(position);
        (IdJson, Type) = (table.Values.IdJson(in row), row.Type);
    }

    public int Ordinal { get; }

    public EntityNode From { get; }

    public EntityNode To { get; }

    /// <summary>The id, made from its text (<see cref="IdJson"/>) each time it is asked for.</summary>
    public string Id => IdJson.Decoded();

    public RelationshipType Type { get; }

    public string? Description => table.Values.Description(in table.RowAt(position));

    public ValidTime ValidTime => table.Values.ValidTime(in table.RowAt(position));

    public IReadOnlyList<TypedProperty> Properties => table.Values.Properties(in table.RowAt(position));

    public IReadOnlyList<Citation> Sources => table.Values.Sources(in table.RowAt(position));

    public JsonText IdJson { get; }

    EntityNode IEdge<EntityNode>.Source => From;

    EntityNode IEdge<EntityNode>.Target => To;

    public EntityNode OtherEnd(EntityNode end) => ReferenceEquals(end, From) ? To : From;

    /// <summary>The relationship as the model holds it, made anew (the next snapshot is built from these).</summary>
    public Relationship ToModel() => new(Id, Type, From.Id, To.Id, Description, ValidTime, Properties, Sources);

    public bool Equals(RelationshipNode? other) => other is not null && other.Ordinal == Ordinal && ReferenceEquals(other.table, table);

    public override bool Equals(object? obj) => Equals(obj as RelationshipNode);

    public override int GetHashCode() => Ordinal;

    public override string ToString() => Id;
}
