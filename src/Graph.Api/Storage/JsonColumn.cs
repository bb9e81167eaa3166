using System.Text.Json;

namespace Graph.Api.Storage;

/// <summary>
/// A list column's JSON text. An import shares one list among the rows holding the same values
/// (a citation of one paragraph, no properties at all), and the store would still keep one copy of
/// the text per row: a million relationships held 150 MB of such copies. The texts of converted
/// lists are remembered by the list's identity, so rows sharing a list share its text too. Lists
/// are read-only, so a list's text never changes.
/// </summary>
internal static class JsonColumn<T>
{
    // Room for every shared list of a large import (one per cited paragraph, say). Past it the table
    // starts over, so it stays small when an import's lists are not shared. (A fixed table of 1,024
    // slots by identity hash, used before, lost its text whenever two lists met in a slot: the million
    // relationships citing a thousand paragraphs kept 380k copies, 45 MB.)
    private const int MaxRemembered = 65_536;
    private static readonly Dictionary<IReadOnlyList<T>, string> Remembered = new(ReferenceEqualityComparer.Instance);
    private static readonly Lock Gate = new();

    public static string ToJson(IReadOnlyList<T> list)
    {
        lock (Gate)
        {
            if (Remembered.TryGetValue(list, out var remembered)) return remembered;
        }

        var json = JsonSerializer.Serialize(list, JsonSerializerOptions.Default);
        lock (Gate)
        {
            if (Remembered.Count >= MaxRemembered) Remembered.Clear();
            // Another thread may have converted the same list meanwhile: keep one text.
            return Remembered.TryAdd(list, json) ? json : Remembered[list];
        }
    }

    public static IReadOnlyList<T> FromJson(string json) =>
        JsonSerializer.Deserialize<T[]>(json, JsonSerializerOptions.Default) is { Length: > 0 } items ? items : [];
}
