namespace Graph.Api.Model;

/// <summary>What a relationship type means and which kinds of entity it may join.</summary>
public sealed record RelationshipTypeInfo(
    RelationshipType Type,
    string Description,
    bool Symmetric,
    IReadOnlyList<EntityKind> FromKinds,
    IReadOnlyList<EntityKind> ToKinds);
