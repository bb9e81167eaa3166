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
    public Guid Version { get; set; } = RowVersion.New();
}
