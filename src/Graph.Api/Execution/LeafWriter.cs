using System.Text.Json;
using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>
/// Writes the common scalar values without the scalar's Serialize round trip: strings for String and
/// ID, ints for Int, booleans, and enum values by their names encoded once. Anything else returns
/// false and goes through the scalar's own serialisation.
/// </summary>
internal sealed class LeafWriter
{
    private readonly Kind kind;
    private readonly Dictionary<object, JsonEncodedText>? enumNames;

    private LeafWriter(Kind kind, Dictionary<object, JsonEncodedText>? enumNames = null)
    {
        this.kind = kind;
        this.enumNames = enumNames;
    }

    private enum Kind
    {
        None,
        Text,
        Int,
        Boolean,
        Enum,
    }

    public static LeafWriter For(ScalarGraphType scalar) => scalar switch
    {
        StringGraphType or IdGraphType => new LeafWriter(Kind.Text),
        IntGraphType => new LeafWriter(Kind.Int),
        BooleanGraphType => new LeafWriter(Kind.Boolean),
        EnumerationGraphType enumeration => new LeafWriter(Kind.Enum, EnumNames(enumeration)),
        _ => new LeafWriter(Kind.None),
    };

    public bool TryWrite(JsonOutput writer, object value)
    {
        switch (kind)
        {
            case Kind.Text when value is string text:
                writer.WriteStringValue(text);
                return true;
            case Kind.Int when value is int number:
                writer.WriteNumberValue(number);
                return true;
            case Kind.Boolean when value is bool flag:
                writer.WriteBooleanValue(flag);
                return true;
            case Kind.Enum when enumNames!.TryGetValue(value, out var name):
                writer.WriteStringValue(name);
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<object, JsonEncodedText>? EnumNames(EnumerationGraphType enumeration)
    {
        var names = new Dictionary<object, JsonEncodedText>();
        foreach (var value in enumeration.Values)
        {
            if (value.Value is null) continue;
            names.TryAdd(value.Value, JsonEncodedText.Encode(value.Name, Index.JsonText.Encoder));
        }

        return names;
    }
}
