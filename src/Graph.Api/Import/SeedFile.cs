using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// The JSON import format (see seed/README.md). Everything is nullable here; the validator says what is
/// missing. Values that repeat across an import are read as shared strings (<see cref="InternedStringConverter"/>).
/// </summary>
internal sealed record SeedFile(string? Format, List<SeedEntity?>? Entities, List<SeedRelationship?>? Relationships);

internal sealed record SeedEntity(
    string? Id,
    [property: JsonConverter(typeof(InternedStringConverter))] string? Kind,
    string? Name,
    List<string?>? Aliases,
    string? Description,
    Dictionary<string, JsonElement>? Properties,
    [property: JsonConverter(typeof(InternedStringConverter))] string? ValidFrom,
    [property: JsonConverter(typeof(InternedStringConverter))] string? ValidTo,
    [property: JsonConverter(typeof(InternedStringConverter))] string? At);

internal sealed record SeedRelationship(
    string? Id,
    [property: JsonConverter(typeof(InternedStringConverter))] string? Type,
    [property: JsonConverter(typeof(InternedStringConverter))] string? From,
    [property: JsonConverter(typeof(InternedStringConverter))] string? To,
    string? Description,
    [property: JsonConverter(typeof(InternedStringConverter))] string? ValidFrom,
    [property: JsonConverter(typeof(InternedStringConverter))] string? ValidTo,
    [property: JsonConverter(typeof(InternedStringConverter))] string? At,
    Dictionary<string, JsonElement>? Properties,
    [property: JsonConverter(typeof(SharedCitationsConverter))] IReadOnlyList<SeedCitation?>? Sources);

internal sealed record SeedCitation([property: JsonConverter(typeof(InternedStringConverter))] string? Document, int? Paragraph);
