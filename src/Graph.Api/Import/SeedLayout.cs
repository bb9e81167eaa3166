using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>
/// Where an import file's top-level <c>relationships</c> array lies, cut into runs of whole elements
/// of about the same size, so the runs can be read side by side. Found with one pass of the reader
/// (no objects made), under the same reader rules as the import format; each run is handed on as soon
/// as it is found, so reading it need not wait for the rest of the pass.
/// </summary>
internal sealed record SeedLayout(Range RelationshipsArray, IReadOnlyList<Range> Runs)
{
    /// <summary>
    /// The layout, or null when the file is not laid out so: not valid JSON under the format's reader
    /// rules, not an object, no <c>relationships</c> array or more than one. The caller then reads the
    /// file whole, which also reports what is wrong with it in the usual words.
    /// </summary>
    public static SeedLayout? Find(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, int runBytes, Action<Range>? found = null)
    {
        try
        {
            return Scan(utf8Json, options, runBytes, found);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SeedLayout? Scan(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, int runBytes, Action<Range>? found)
    {
        var reader = new Utf8JsonReader(utf8Json, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        SeedLayout? layout = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRelationships = reader.ValueTextEquals("relationships"u8);
            reader.Read();
            if (!isRelationships)
            {
                reader.Skip();
                continue;
            }

            if (layout is not null || reader.TokenType != JsonTokenType.StartArray) return null;
            layout = Elements(ref reader, runBytes, found);
        }

        // The object must be the whole file: anything after it makes the file invalid (and Read throws).
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? layout : null;
    }

    // The reader stands on the array's start; it is left on the array's end.
    private static SeedLayout Elements(ref Utf8JsonReader reader, int runBytes, Action<Range>? found)
    {
        var arrayStart = (int)reader.TokenStartIndex;
        var runs = new List<Range>();
        var runStart = -1;
        var runEnd = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            runEnd = (int)reader.BytesConsumed;
            if (runStart < 0) runStart = start;
            if (runEnd - runStart < runBytes) continue;
            Add(runStart..runEnd);
            runStart = -1;
        }

        if (runStart >= 0) Add(runStart..runEnd);
        return new SeedLayout(arrayStart..(int)reader.BytesConsumed, runs);

        void Add(Range run)
        {
            runs.Add(run);
            found?.Invoke(run);
        }
    }
}
