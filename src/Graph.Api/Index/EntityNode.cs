using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>An entity inside one index snapshot. Its ordinal is its position in id order.</summary>
public sealed class EntityNode(int ordinal, Entity entity)
{
    public int Ordinal { get; } = ordinal;
    public Entity Entity { get; } = entity;
    public string Id => Entity.Id;
    public EntityKind Kind => Entity.Kind;
    public override string ToString() => Id;
}
