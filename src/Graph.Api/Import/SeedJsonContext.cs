using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// The import format's JSON metadata, generated at build time: camelCase names, comments allowed,
/// no trailing commas, unknown members refused, nesting at most 16 deep.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(SeedFile))]
[JsonSerializable(typeof(List<SeedRelationship?>))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
