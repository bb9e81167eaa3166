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
    [property: JsonConverter(typeof(SharedCitationsConverter))] IReadOnlyList<SeedCitation?>? Sources)
{
    /// <summary>
    /// The position among the file's entities of the one <see cref="From"/> names, when the reader found it
    /// there (<see cref="EntityIdTable"/>); -1 when it did not look. A hint the validator checks before using it.
    /// </summary>
    [JsonIgnore]
    public int FromEntity { get; init; } = -1;

    /// <summary>As <see cref="FromEntity"/>, for <see cref="To"/>.</summary>
    [JsonIgnore]
    public int ToEntity { get; init; } = -1;
}

internal sealed record SeedCitation([property: JsonConverter(typeof(InternedStringConverter))] string? Document, int? Paragraph);
