using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>
/// Reads a run of relationships (SeedSplitter) straight off the reader, without the serializer's
/// metadata-driven object machinery, which took a third longer and needed each run copied into an
/// array of its own. It reads only the plain shape: objects whose members are the format's names,
/// each at most once, with values of the right JSON type, and nulls, separated by commas and
/// whitespace. Anything else (an unknown or repeated member, a number where a string belongs, a
/// comment between elements) makes it return null, and the caller then reads that run with the
/// serializer, which gives the usual answer or refusal. Strings and citations are shared exactly as
/// the serializer's converters share them.
/// </summary>
internal static class RelationshipRunReader
{
    /// <summary>
    /// The relationships of one run: whole elements of the relationships array and the commas between
    /// them, read in place (a million relationships are 170 MB, which a copy would touch afresh).
    /// </summary>
    public static List<SeedRelationship?>? Read(ReadOnlySpan<byte> elements, JsonReaderOptions options, EntityIdTable entityIds)
    {
        try
        {
            return ReadElements(elements, options, entityIds);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Broken UTF-8 in a string or a malformed citation: the serializer says what is wrong.
            return null;
        }
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static List<SeedRelationship?>? ReadElements(ReadOnlySpan<byte> elements, JsonReaderOptions options, EntityIdTable entityIds)
    {
        var relationships = new List<SeedRelationship?>(elements.Length / 160);
        var position = 0;
        while (position < elements.Length)
        {
            // One reader per element: the run is not a JSON value of its own, only the elements are.
            var reader = new Utf8JsonReader(elements[position..], options);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) relationships.Add(null);
            else if (reader.TokenType == JsonTokenType.StartObject && ReadOne(ref reader, entityIds) is { } relationship) relationships.Add(relationship);
            else return null;
            position += (int)reader.BytesConsumed;
            if (!AfterSeparator(elements, ref position)) return null;
        }

        return relationships;
    }

    /// <summary>
    /// Moves past the whitespace, the comma and the whitespace after an element (nothing after the last
    /// one). False for anything else, a comment among them: the serializer reads such a run.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool AfterSeparator(ReadOnlySpan<byte> elements, ref int position)
    {
        var comma = false;
        for (; position < elements.Length; position++)
        {
            switch (elements[position])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r':
                    continue;
                case (byte)',' when !comma:
                    comma = true;
                    continue;
                default:
                    return comma;
            }
        }

        return !comma;
    }

    // The reader stands on the object's start and is left on its end; null for anything but the plain shape.
    [MethodImpl(LoadingCode.Optimised)]
    private static SeedRelationship? ReadOne(ref Utf8JsonReader reader, EntityIdTable entityIds)
    {
        string? id = null, type = null, from = null, to = null, description = null, validFrom = null, validTo = null, at = null;
        int fromEntity = -1, toEntity = -1;
        Dictionary<string, JsonElement>? properties = null;
        IReadOnlyList<SeedCitation?>? sources = null;
        var seen = Member.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Name(ref reader);
            if (member == Member.None || (seen & member) != 0) return null;
            seen |= member;
            reader.Read();
            var ok = member switch
            {
                Member.Id => Plain(ref reader, out id),
                Member.Type => Shared(ref reader, out type),
                Member.From => End(ref reader, entityIds, out from, out fromEntity),
                Member.To => End(ref reader, entityIds, out to, out toEntity),
                Member.Description => Plain(ref reader, out description),
                Member.ValidFrom => Shared(ref reader, out validFrom),
                Member.ValidTo => Shared(ref reader, out validTo),
                Member.At => Shared(ref reader, out at),
                Member.Properties => Properties(ref reader, out properties),
                _ => Sources(ref reader, out sources),
            };
            if (!ok) return null;
        }

        return reader.TokenType == JsonTokenType.EndObject
            ? new SeedRelationship(id, type, from, to, description, validFrom, validTo, at, properties, sources) { FromEntity = fromEntity, ToEntity = toEntity }
            : null;
    }

    /// <summary>An end: the entity's shared id and its position when the file's entities have it, otherwise a shared string.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool End(ref Utf8JsonReader reader, EntityIdTable entityIds, out string? value, out int entity)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && entityIds.TryFind(reader.ValueSpan, out value, out entity)) return true;
        entity = -1;
        return Shared(ref reader, out value);
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static Member Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? Member.Id
        : reader.ValueTextEquals("type"u8) ? Member.Type
        : reader.ValueTextEquals("from"u8) ? Member.From
        : reader.ValueTextEquals("to"u8) ? Member.To
        : reader.ValueTextEquals("sources"u8) ? Member.Sources
        : reader.ValueTextEquals("validFrom"u8) ? Member.ValidFrom
        : reader.ValueTextEquals("at"u8) ? Member.At
        : reader.ValueTextEquals("validTo"u8) ? Member.ValidTo
        : reader.ValueTextEquals("properties"u8) ? Member.Properties
        : reader.ValueTextEquals("description"u8) ? Member.Description
        : Member.None;

    [MethodImpl(LoadingCode.Optimised)]
    private static bool Plain(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static bool Shared(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? InternedStringConverter.Instance.Read(ref reader, typeof(string), SeedJsonContext.Default.Options) : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    [MethodImpl(LoadingCode.Optimised)]
    private static bool Sources(ref Utf8JsonReader reader, out IReadOnlyList<SeedCitation?>? sources)
    {
        sources = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        sources = SharedCitationsConverter.Instance.Read(ref reader, typeof(IReadOnlyList<SeedCitation?>), SeedJsonContext.Default.Options);
        return true;
    }

    // As the serializer reads a dictionary of elements: each value parsed into an element of its own.
    [MethodImpl(LoadingCode.Optimised)]
    private static bool Properties(ref Utf8JsonReader reader, out Dictionary<string, JsonElement>? properties)
    {
        properties = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        properties = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!properties.TryAdd(key, JsonElement.ParseValue(ref reader))) return false;
        }

        return true;
    }

    [Flags]
    private enum Member
    {
        None = 0,
        Id = 1,
        Type = 2,
        From = 4,
        To = 8,
        Description = 16,
        ValidFrom = 32,
        ValidTo = 64,
        At = 128,
        Properties = 256,
        Sources = 512,
    }
}
