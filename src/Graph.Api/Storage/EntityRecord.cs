using Graph.Api.Model;

namespace Graph.Api.Storage;

/// <summary>An entity as a row. Lists are stored as JSON text so any EF Core provider can hold them.</summary>
internal sealed class EntityRecord
{
    public required string Id { get; set; }
    public EntityKind Kind { get; set; }
    public required string Name { get; set; }
    public required IReadOnlyList<string> Aliases { get; set; }
    public string Description { get; set; } = "";
    public required IReadOnlyList<TypedProperty> Properties { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }

    /// <inheritdoc cref="RelationshipRecord.Version"/>
    public Guid? Version { get; set; }
}
