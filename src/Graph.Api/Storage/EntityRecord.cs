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

    /// <summary>
    /// Optimistic concurrency token for later writes: null until the row is first changed, when a write gives it a new
    /// one. A token is compared only with the value the writer read, and an unchanged row has no earlier self to tell
    /// apart; one for every row written, a boxed value each, was 35 MB of the store's heap for a million relationships.
    /// </summary>
    public Guid? Version { get; set; }
}
