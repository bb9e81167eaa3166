using System.Runtime.CompilerServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// An entity inside one index snapshot. Its ordinal is its position in id order. The id, kind and
/// name are kept here as well as on the entity, the id and name also as JSON text encoded once: a
/// large answer writes them for hundreds of entities, and reading them here saves a trip to the entity for each.
/// The encoded bytes lie in a block the index shares (<see cref="JsonTextBlock"/>), each entity's id and name side by side.
/// </summary>
public sealed class EntityNode
{
    [MethodImpl(LoadingCode.Optimised)]
    public EntityNode(int ordinal, Entity entity, JsonText idJson, JsonText nameJson)
    {
        Ordinal = ordinal;
        Entity = entity;
        Id = entity.Id;
        Kind = entity.Kind;
        IdJson = idJson;
        NameJson = nameJson;
    }

    public int Ordinal { get; }

    public Entity Entity { get; }

    public string Id { get; }

    public EntityKind Kind { get; }

    public JsonText IdJson { get; }

    public JsonText NameJson { get; }

    public override string ToString() => Id;
}
