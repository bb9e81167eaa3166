using System.Runtime.InteropServices;
using System.Text.Json;
using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>What a reader of the import format produced, as text, so two reads can be compared whole.</summary>
internal static class SeedText
{
    /// <summary>Everything the reader produced; the sources, aliases and properties listed in order.</summary>
    public static string Describe(SeedFile file)
    {
        var lines = new List<string> { file.Format ?? "-" };
        lines.AddRange((file.Entities ?? []).Select(e => e is null ? "null"
            : $"{e.Id}|{e.Kind}|{e.Name}|{List(e.Aliases, a => a ?? "null")}|{e.Description}|{Properties(e.Properties)}|{e.ValidFrom}|{e.ValidTo}|{e.At}"));
        lines.Add(Describe(file.Relationships ?? []));
        return string.Join("\n", lines);
    }

    public static string Describe(IEnumerable<SeedRelationship?> relationships) =>
        string.Join("\n", relationships.Select(r => r is null ? "null"
            : $"{r.Id}|{r.Type}|{r.From}|{r.To}|{r.Description}|{r.ValidFrom}|{r.ValidTo}|{r.At}|{Properties(r.Properties)}|{List(r.Sources, s => s is null ? "null" : $"{s.Document}#{s.Paragraph}")}"));

    // The raw bytes, not the text: a property may hold invalid UTF-8, which both readers keep as it is.
    private static string Properties(Dictionary<string, JsonElement>? properties) =>
        properties is null ? "-" : string.Join(",", properties.Select(p => $"{p.Key}={p.Value.ValueKind}:{Convert.ToHexString(JsonMarshal.GetRawUtf8Value(p.Value))}"));

    private static string List<T>(IEnumerable<T>? items, Func<T, string> describe) => items is null ? "-" : "[" + string.Join(",", items.Select(describe)) + "]";
}
