using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Graph.Api.Storage;

/// <summary>
/// A list column's JSON text. An import shares one list among the rows holding the same values
/// (a citation of one paragraph, no properties at all), and the store would still keep one copy of
/// the text per row: a million relationships held 150 MB of such copies. The texts of recently
/// converted lists are remembered by the list's identity in a small fixed table, so rows sharing a
/// list share its text too. Lists are read-only, so a list's text never changes.
/// </summary>
internal static class JsonColumn<T>
{
    private const int Slots = 1024;
    private static readonly Converted?[] Recent = new Converted?[Slots];

    public static string ToJson(IReadOnlyList<T> list)
    {
        var slot = RuntimeHelpers.GetHashCode(list) & (Slots - 1);
        // One reference is read and written whole, so a thread never sees one list's text beside another list.
        if (Volatile.Read(ref Recent[slot]) is { } recent && ReferenceEquals(recent.List, list)) return recent.Json;
        var json = JsonSerializer.Serialize(list, JsonSerializerOptions.Default);
        Volatile.Write(ref Recent[slot], new Converted(list, json));
        return json;
    }

    public static IReadOnlyList<T> FromJson(string json) =>
        JsonSerializer.Deserialize<T[]>(json, JsonSerializerOptions.Default) is { Length: > 0 } items ? items : [];

    private sealed record Converted(IReadOnlyList<T> List, string Json);
}
