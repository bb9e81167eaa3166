using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>Reads the import format from JSON text.</summary>
internal static class SeedReader
{
    // Source-generated metadata (SeedJsonContext): a large import is not read through reflection-built converters.

    public static SeedFile Read(ReadOnlySpan<byte> utf8Json)
    {
        using var interning = InternedStringConverter.Begin();
        using var citations = SharedCitationsConverter.Begin();
        try
        {
            return JsonSerializer.Deserialize(utf8Json, SeedJsonContext.Default.SeedFile)
                ?? throw Rejected("The file holds JSON null, not a graph object.");
        }
        catch (JsonException ex)
        {
            throw Rejected($"The file is not valid import JSON: {ex.Message}");
        }
    }

    public static SeedFile Read(string json)
    {
        using var interning = InternedStringConverter.Begin();
        using var citations = SharedCitationsConverter.Begin();
        try
        {
            return JsonSerializer.Deserialize(json, SeedJsonContext.Default.SeedFile)
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
