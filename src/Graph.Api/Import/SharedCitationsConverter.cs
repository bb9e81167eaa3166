using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// Reads a relationship's <c>sources</c>. Nearly every relationship of an import cites one paragraph
/// that many others cite too; read one by one they were three objects each (a list, its array and
/// the citation), three million for a million relationships. Within one <see cref="SeedReader"/>
/// read (one run of it, when a large file is read in runs; the validator shares them across runs),
/// equal citations are one shared object and equal one-citation lists one shared array. It
/// reads exactly what the generated reader accepts: an array of objects with <c>document</c> (a
/// string) and <c>paragraph</c> (a 32-bit integer), each null, missing or given once; anything else is refused.
/// </summary>
internal sealed class SharedCitationsConverter : JsonConverter<IReadOnlyList<SeedCitation?>>
{
    [ThreadStatic]
    private static Dictionary<(string? Document, int? Paragraph), SeedCitation[]>? pool;

    /// <summary>For readers that read an import's relationships themselves (RelationshipRunReader).</summary>
    public static SharedCitationsConverter Instance { get; } = new();

    public override bool HandleNull => false;

    /// <summary>Shares citations on this thread until the returned scope is disposed (one read of a file).</summary>
    public static Scope Begin()
    {
        pool = [];
        return default;
    }

    [MethodImpl(LoadingCode.Optimised)]
    public override IReadOnlyList<SeedCitation?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"'sources' is an array, not {reader.TokenType}.");
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray) return [];
        var first = ReadCitation(ref reader, options);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray) return first ?? new SeedCitation?[] { null };
        var items = new List<SeedCitation?> { first?[0] };
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(ReadCitation(ref reader, options)?[0]);
            reader.Read();
        }

        return items;
    }

    // A citation as the shared one-citation array holding it; null for a JSON null.
    [MethodImpl(LoadingCode.Optimised)]
    private static SeedCitation[]? ReadCitation(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"A source is an object, not {reader.TokenType}.");
        string? document = null;
        int? paragraph = null;
        var (hasDocument, hasParagraph) = (false, false);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("document"u8))
            {
                if (hasDocument) throw new JsonException("A source gives 'document' twice.");
                hasDocument = true;
                reader.Read();
                document = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.String => InternedStringConverter.Instance.Read(ref reader, typeof(string), options),
                    _ => throw new JsonException($"A source's 'document' is a string, not {reader.TokenType}."),
                };
            }
            else if (reader.ValueTextEquals("paragraph"u8))
            {
                if (hasParagraph) throw new JsonException("A source gives 'paragraph' twice.");
                hasParagraph = true;
                reader.Read();
                paragraph = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
                    _ => throw new JsonException("A source's 'paragraph' is a whole number."),
                };
            }
            else
            {
                throw new JsonException($"A source has no member '{reader.GetString()}'.");
            }
        }

        return Shared(document, paragraph);
    }

    // One shared one-citation array (and so one citation) per distinct document and paragraph.
    private static SeedCitation[] Shared(string? document, int? paragraph)
    {
        if (pool is null) return [new SeedCitation(document, paragraph)];
        if (!pool.TryGetValue((document, paragraph), out var shared))
        {
            pool[(document, paragraph)] = shared = [new SeedCitation(document, paragraph)];
        }

        return shared;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<SeedCitation?> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The import format is only read.");

    /// <summary>Ends sharing on this thread, letting the pool go.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose() => pool = null;
    }
}
