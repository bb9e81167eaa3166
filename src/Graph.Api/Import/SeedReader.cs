using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>Reads the import format from JSON text.</summary>
internal static class SeedReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static SeedFile Read(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedFile>(utf8Json, Options)
                ?? throw Rejected("The file holds JSON null, not a graph object.");
        }
        catch (JsonException ex)
        {
            throw Rejected($"The file is not valid import JSON: {ex.Message}");
        }
    }

    public static SeedFile Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedFile>(json, Options)
                ?? throw Rejected("The file holds JSON null, not a graph object.");
        }
        catch (JsonException ex)
        {
            throw Rejected($"The file is not valid import JSON: {ex.Message}");
        }
    }

    private static ImportRejectedException Rejected(string message) =>
        new([new ImportError("IMPORT_MALFORMED", "$", message)]);
}
