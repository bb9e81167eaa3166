using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>The JSON import format (see seed/README.md). Everything is nullable here; the validator says what is missing.</summary>
internal sealed record SeedFile(string? Format, List<SeedEntity?>? Entities, List<SeedRelationship?>? Relationships);

internal sealed record SeedEntity(
    string? Id,
    string? Kind,
    string? Name,
    List<string?>? Aliases,
    string? Description,
    Dictionary<string, JsonElement>? Properties,
    string? ValidFrom,
    string? ValidTo,
    string? At);

internal sealed record SeedRelationship(
    string? Id,
    string? Type,
    string? From,
    string? To,
    string? Description,
    string? ValidFrom,
    string? ValidTo,
    string? At,
    Dictionary<string, JsonElement>? Properties,
    List<SeedCitation?>? Sources);

internal sealed record SeedCitation(string? Document, int? Paragraph);
