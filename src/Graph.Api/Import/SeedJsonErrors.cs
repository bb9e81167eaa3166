using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>
/// The JSON reader's complaint about a seed file, said for the person who edits the file: the member's place
/// (as the import's other errors give it), line and column from 1, and what is wrong, without .NET's type
/// names or advice meant for programmers.
/// </summary>
internal static class SeedJsonErrors
{
    public static ImportError Describe(JsonException error)
    {
        var message = error.Message;
        // The reader's own messages end with where they stopped, counted from 0; that is said below instead.
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix >= 0) message = message[..suffix];
        var place = error.Path is null or "$" ? "$" : error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..] : error.Path;
        var what = error switch
        {
            // Invalid UTF-8 in a string, or an escape of half a surrogate pair: the text cannot be decoded.
            { InnerException: InvalidOperationException } => "a string is not valid UTF-8, or escapes half of a surrogate pair (\\uD800-\\uDFFF alone).",
            _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                $"'{LastMember(place)}' is not a member the import format has here (seed/README.md lists them).",
            _ when message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal) => place == "$"
                ? "the file must be one JSON object, with 'entities' and 'relationships' lists."
                : "the value is of the wrong kind for this member (text, a number, a list or an object).",
            _ when message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) => "the file holds no JSON: it is empty, or only whitespace.",
            _ when message.StartsWith("Duplicate property", StringComparison.Ordinal) =>
                $"'{LastMember(place)}' is given twice in one object; only one value can be kept, so the file is refused.",
            _ => message.Replace(" Change the reader options.", "", StringComparison.Ordinal),
        };
        var where = error.LineNumber is { } line ? $" (line {line + 1}, column {error.BytePositionInLine + 1})" : "";
        return new ImportError("IMPORT_MALFORMED", place, $"The file is not valid import JSON{where}: {what}");
    }

    private static string LastMember(string place)
    {
        var member = place[(place.LastIndexOf('.') + 1)..];
        // A member whose name needs quoting is written ['name'].
        var quoted = member.IndexOf("['", StringComparison.Ordinal);
        return quoted >= 0 && member.EndsWith("']", StringComparison.Ordinal) ? member[(quoted + 2)..^2] : member;
    }
}
