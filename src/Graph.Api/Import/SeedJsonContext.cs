using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// The import format's JSON metadata, generated at build time: camelCase names, comments allowed,
/// no trailing commas, unknown members and members given twice refused (the last one silently won:
/// an entity with two names, or a property with two values, lost one), nesting at most 16 deep.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(SeedFile))]
[JsonSerializable(typeof(List<SeedRelationship?>))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
