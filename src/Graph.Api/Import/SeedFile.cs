using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// The JSON import format (see seed/README.md). Everything is nullable here; the validator says what is
/// missing. Values that repeat across an import are read as shared strings (<see cref="InternedStringConverter"/>).
/// </summary>
internal sealed record SeedFile(string? Format, List<SeedEntity?>? Entities, List<SeedRelationship?>? Relationships);

// An entity's id is shared too: the relationships that name it then hold the very same string, so
// checking their ends finds it by reference, and the records and the index keep one copy.
internal sealed record SeedEntity(
    [property: JsonConverter(typeof(InternedStringConverter))] string? Id,
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
