using System.Runtime.CompilerServices;
using Graph.Api.Model;
using QuikGraph;

namespace Graph.Api.Index;

/// <summary>
/// A relationship inside one index snapshot, ordinal in id order; an edge of QuikGraph's view of the graph (<see cref="QuikGraphView"/>).
/// It holds the relationship's fields itself rather than a <see cref="Relationship"/> beside it: one
/// object less per relationship (80 MB for a million). Its id is kept only as JSON text encoded once, in a block
/// shared with the other relationships' ids: answers write that text, and the string, which only a cursor, the
/// store's row and GraphQL.NET's own execution read, is made when asked for. A million id strings beside the
/// text were 48 MB of a restart's heap, and a restart's read and the index's build spent time making both.
/// </summary>
public sealed class RelationshipNode : IEdge<EntityNode>
{
    public RelationshipNode(int ordinal, Relationship relationship, EntityNode from, EntityNode to, JsonText idJson)
        : this(ordinal, relationship.Type, relationship.Description, relationship.ValidTime, relationship.Properties, relationship.Sources, from, to, idJson)
    {
    }

    [MethodImpl(LoadingCode.Optimised)]
    public RelationshipNode(int ordinal, RelationshipType type, string? description, ValidTime validTime,
        IReadOnlyList<TypedProperty> properties, IReadOnlyList<Citation> sources, EntityNode from, EntityNode to, JsonText idJson)
    {
        Ordinal = ordinal;
        From = from;
        To = to;
        Type = type;
        Description = description;
        ValidTime = validTime;
        Properties = properties;
        Sources = sources;
        IdJson = idJson;
    }

    public int Ordinal { get; }

    public EntityNode From { get; }

    public EntityNode To { get; }

    /// <summary>The id, made from its text (<see cref="IdJson"/>) each time it is asked for.</summary>
    public string Id => IdJson.Decoded();

    public RelationshipType Type { get; }

    public string? Description { get; }

    public ValidTime ValidTime { get; }

    public IReadOnlyList<TypedProperty> Properties { get; }

    public IReadOnlyList<Citation> Sources { get; }

    public JsonText IdJson { get; }

    EntityNode IEdge<EntityNode>.Source => From;

    EntityNode IEdge<EntityNode>.Target => To;

    public EntityNode OtherEnd(EntityNode end) => ReferenceEquals(end, From) ? To : From;

    /// <summary>The relationship as the model holds it, made anew (the next snapshot is built from these).</summary>
    public Relationship ToModel() => new(Id, Type, From.Id, To.Id, Description, ValidTime, Properties, Sources);

    public override string ToString() => Id;
}
