namespace Graph.Api.Model;

/// <summary>A typed, dated and sourced link from one entity to another.</summary>
public sealed record Relationship(
    string Id,
    RelationshipType Type,
    string FromId,
    string ToId,
    string? Description,
    ValidTime ValidTime,
    IReadOnlyList<TypedProperty> Properties,
    IReadOnlyList<Citation> Sources);
