using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Support;
using GraphQL.Types;

namespace Graph.Api.Tests.Execution;

/// <summary>
/// Valid-looking queries drawn at random from the served schema: any field with random arguments
/// (now and then a variable, a default, a bad date or an unknown id), aliases, inline and named
/// fragments on the interfaces' types, <c>__typename</c>, a few levels deep. Deterministic for a seed.
/// </summary>
internal sealed class RandomQueries(ISchema schema, int seed, IReadOnlyList<string> entityIds, IReadOnlyList<string> relationshipIds)
{
    private const int MaxDepth = 4;
    private static readonly string[] SearchTexts = ["china", "bel", "great stone", "n", "xi", "park", "zzz", "Беларусь"];
    private static readonly string[] PropertyKeys = ["isoCode", "category", "amount", "currency", "role", "title", "nothing"];
    private static readonly string[] Dates = ["2000-06-01", "2013-01-01", "2013-12-31", "2014-06-30", "2015-05-10", "1991-12-31", "2030-01-01"];

    private readonly Random random = new(seed);
    private readonly List<string> cursors = [];
    private readonly List<(string Name, string Type, JsonNode? Value, string? Default)> variables = [];
    private readonly List<string> fragments = [];
    private int names;

    /// <summary>Queries over a running service's schema, with ids (of up to 100 entities and their relationships) taken from its graph.</summary>
    public static async Task<RandomQueries> ForServiceAsync(ISchema schema, int seed, GraphQLClient client)
    {
        // The service builds its schema in the background once it is ready (SchemaWarmUp), and the client may
        // be another service's: read half-built, an interface listed no types yet. This waits for that build.
        schema.Initialize();
        var data = await client.QueryAsync("{ entities(first: 100) { edges { node { id relationships(first: 100) { edges { relationship { id } } } } } } }");
        var entityIds = data["entities"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var relationshipIds = data["entities"]!["edges"]!.AsArray()
            .SelectMany(e => e!["node"]!["relationships"]!["edges"]!.AsArray())
            .Select(e => e!["relationship"]!["id"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        return new RandomQueries(schema, seed, entityIds, relationshipIds);
    }

    /// <summary>The next query and its variables (null when it declares none).</summary>
    public (string Query, JsonObject? Variables) Next()
    {
        variables.Clear();
        fragments.Clear();
        var selection = SelectionSet(schema.Query, 0);
        var text = new StringBuilder();
        text.Append("query Q");
        if (variables.Count > 0)
        {
            text.Append('(').AppendJoin(", ", variables.Select(v => $"${v.Name}: {v.Type}{(v.Default is null ? "" : " = " + v.Default)}")).Append(')');
        }

        text.Append(' ').Append(selection);
        foreach (var fragment in fragments) text.Append('\n').Append(fragment);
        JsonObject? values = null;
        if (variables.Count > 0)
        {
            values = [];
            foreach (var (name, _, value, @default) in variables)
            {
                if (@default is null) values[name] = value?.DeepClone();
            }
        }

        return (text.ToString(), values);
    }

    /// <summary>Keeps the cursors of an answer for later queries' <c>after</c> arguments.</summary>
    public void Learn(JsonNode? answer)
    {
        switch (answer)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "cursor" or "endCursor" or "startCursor" && value is JsonValue v && v.TryGetValue(out string? cursor) && cursors.Count < 64) cursors.Add(cursor);
                    else Learn(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array) Learn(item);
                break;
        }
    }

    private string SelectionSet(IComplexGraphType type, int depth)
    {
        var parts = new List<string>();
        var fields = type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal) && (depth < MaxDepth || IsLeaf(f.ResolvedType!))).ToList();
        var count = fields.Count == 0 ? 0 : random.Next(1, 4);
        for (var i = 0; i < count; i++) parts.Add(Field(fields[random.Next(fields.Count)], depth));
        if (type is IInterfaceGraphType face && depth < MaxDepth)
        {
            var possible = face.PossibleTypes.ToList();
            for (var i = random.Next(3); i > 0; i--)
            {
                var concrete = possible[random.Next(possible.Count)];
                if (random.Next(4) == 0)
                {
                    var name = $"F{names++}";
                    fragments.Add($"fragment {name} on {concrete.Name} {SelectionSet(concrete, depth)}");
                    parts.Add("..." + name);
                }
                else
                {
                    parts.Add($"... on {concrete.Name} {SelectionSet(concrete, depth)}");
                }
            }
        }

        if (parts.Count == 0 || random.Next(5) == 0) parts.Add("__typename");
        return "{ " + string.Join(" ", parts) + " }";
    }

    private string Field(FieldType field, int depth)
    {
        var text = new StringBuilder();
        var arguments = (field.Arguments ?? []).Select(a => Argument(field, a)).OfType<string>().ToList();

        // Fields with arguments get their own alias, so two picks of one field never conflict.
        if (arguments.Count > 0 || random.Next(6) == 0) text.Append('a').Append(names++).Append(": ");
        text.Append(field.Name);
        if (arguments.Count > 0) text.Append('(').AppendJoin(", ", arguments).Append(')');
        if (Named(field.ResolvedType!) is IComplexGraphType complex) text.Append(' ').Append(SelectionSet(complex, depth + 1));
        return text.ToString();
    }

    private string? Argument(FieldType field, QueryArgument argument)
    {
        var required = argument.ResolvedType is NonNullGraphType;
        if (!required && random.Next(3) != 0) return null;
        var value = Value(argument.ResolvedType!, field.Name, argument.Name);
        if (random.Next(4) == 0)
        {
            var name = $"v{names++}";
            var withDefault = !required && random.Next(4) == 0;
            variables.Add((name, TypeName(argument.ResolvedType!), value, withDefault ? Literal(value, argument.ResolvedType!) : null));
            return $"{argument.Name}: ${name}";
        }

        return $"{argument.Name}: {Literal(value, argument.ResolvedType!)}";
    }

    private JsonNode? Value(IGraphType type, string field, string argument)
    {
        if (type is NonNullGraphType nonNull) return Value(nonNull.ResolvedType!, field, argument, nullable: false);
        return Value(type, field, argument, nullable: true);
    }

    private JsonNode? Value(IGraphType type, string field, string argument, bool nullable)
    {
        if (nullable && random.Next(25) == 0) return null;
        switch (type)
        {
            case ListGraphType list:
                if (random.Next(6) == 0) return Value(list.ResolvedType!, field, argument);
                var items = new JsonArray();
                for (var i = random.Next(0, 3); i >= 0; i--) items.Add(Value(list.ResolvedType!, field, argument));
                return items;
            case EnumerationGraphType enumeration:
                var values = enumeration.Values.ToList();
                return JsonValue.Create(values[random.Next(values.Count)].Name);
            case IInputObjectGraphType input:
                var obj = new JsonObject();
                foreach (var inner in input.Fields.Where(_ => random.Next(2) == 0)) obj[inner.Name] = Value(inner.ResolvedType!, field, inner.Name);
                return obj;
            default:
                return Scalar(type.Name, field, argument);
        }
    }

    private JsonValue Scalar(string type, string field, string argument) => type switch
    {
        "ID" => JsonValue.Create(Id(field)),
        "Int" => JsonValue.Create(Int(argument)),
        "Date" => JsonValue.Create(random.Next(20) == 0 ? "2013-02-30" : Pick(Dates)),
        "Boolean" => JsonValue.Create(random.Next(2) == 0),
        "Float" => JsonValue.Create(1.5),
        _ => JsonValue.Create(argument switch
        {
            "after" => cursors.Count > 0 && random.Next(5) != 0 ? cursors[random.Next(cursors.Count)] : "bm90IGEgY3Vyc29y",
            "key" => Pick(PropertyKeys),
            _ => Pick(SearchTexts),
        }),
    };

    private string Id(string field)
    {
        var roll = random.Next(10);
        if (roll == 0) return "nobody";
        var relationship = field is "relationship" or "node" or "nodes" ? roll < 7 : roll < 2;
        return relationship ? Pick(relationshipIds) : Pick(entityIds);
    }

    private int Int(string argument) => argument switch
    {
        "depth" or "minDepth" or "maxDepth" => random.Next(10) == 0 ? 9 : random.Next(0, 4),
        "maxLength" => random.Next(10) == 0 ? 12 : random.Next(0, 5),
        "limit" => random.Next(10) == 0 ? 100_000 : random.Next(0, 30),
        "first" => random.Next(10) == 0 ? -1 : random.Next(0, 6),
        _ => random.Next(-1, 10),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static bool IsLeaf(IGraphType type) => Named(type) is ScalarGraphType or EnumerationGraphType;

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Named(nonNull.ResolvedType!),
        ListGraphType list => Named(list.ResolvedType!),
        _ => type,
    };

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static string Literal(JsonNode? value, IGraphType type)
    {
        if (value is null) return "null";
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Literal(value, nonNull.ResolvedType!);
            case ListGraphType list:
                return value is JsonArray items ? "[" + string.Join(", ", items.Select(i => Literal(i, list.ResolvedType!))) + "]" : Literal(value, list.ResolvedType!);
            case EnumerationGraphType:
                return value.GetValue<string>();
            case IInputObjectGraphType input:
                return "{ " + string.Join(", ", value.AsObject().Select(p => $"{p.Key}: {Literal(p.Value, input.GetField(p.Key)!.ResolvedType!)}")) + " }";
            default:
                return value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }
}
