namespace Graph.Api.Model;

/// <summary>A node of the knowledge graph as stored: identity, kind, names and typed facts.</summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    string Description,
    IReadOnlyList<TypedProperty> Properties,
    ValidTime ValidTime);
