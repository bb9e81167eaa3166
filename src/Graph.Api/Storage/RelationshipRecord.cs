using Graph.Api.Model;

namespace Graph.Api.Storage;

/// <summary>A relationship as a row; both ends must exist as <see cref="EntityRecord"/>s.</summary>
internal sealed class RelationshipRecord
{
    public required string Id { get; set; }
    public RelationshipType Type { get; set; }
    public required string FromId { get; set; }
    public required string ToId { get; set; }
    public string? Description { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public required IReadOnlyList<TypedProperty> Properties { get; set; }
    public required IReadOnlyList<Citation> Sources { get; set; }
    /// <summary>
    /// Optimistic concurrency token for later writes: null until the row is first changed, and a write that changes a
    /// row must give it a new one. A token is compared only with the value the writer read, and an unchanged row has no
    /// earlier self to tell apart; one for every row written, a boxed value each, was 35 MB of the store's heap for a
    /// million relationships.
    /// </summary>
    public Guid? Version { get; set; }
}
