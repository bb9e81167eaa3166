namespace Graph.Api.Tests.Support;

/// <summary>
/// Distinct valid queries of a chosen size about Belarus, for the tests of what large or many documents
/// cost the service: the number makes each text distinct, the size is in characters, fields or fragments.
/// </summary>
internal static class BelarusQueries
{
    /// <summary>About <paramref name="length"/> characters asking for Belarus's name and id again and again.</summary>
    public static string OfLength(int number, int length)
    {
        var text = $"query Q{number} {{ entity(id: \"belarus\") {{ name";
        while (text.Length < length - 10) text += " id name";
        return text + " } }";
    }

    /// <summary>Belarus's name and id, <paramref name="fields"/> fields in all.</summary>
    public static string WithFields(int number, int fields) =>
        $"query Q{number} {{ entity(id: \"belarus\") {{ {string.Join(" ", Enumerable.Range(0, fields - 1).Select(i => i % 2 == 0 ? "name" : "id"))} }} }}";

    /// <summary><paramref name="count"/> fragments of Belarus's name and id, spread side by side.</summary>
    public static string WithFragments(int count) =>
        $"query F{count} {{ entity(id: \"belarus\") {{ {string.Concat(Enumerable.Range(0, count).Select(i => $"...F{i} "))}}} }} "
        + string.Concat(Enumerable.Range(0, count).Select(i => $"fragment F{i} on Entity {{ name id }} "));
}
