using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Queries that each call one field that takes arguments, on the root or on an object of the seed graph,
/// with values from the edges of the arguments' types: empty, blank, NUL and half-surrogate strings (as the
/// query's own escapes), long text, cursors of other lists, zero, negative and extreme numbers, dates at the
/// calendar's ends, empty lists and partial filters. Built from the schema as served (introspection), so a
/// field is covered from the day it is added. Deterministic for a seed.
/// </summary>
internal sealed class ArgumentQueries
{
    /// <summary>What the schema says of its types, as introspection gives it.</summary>
    public const string Introspection = """
        { __schema { types { name kind enumValues { name } inputFields { name type { ...T } } fields { name args { name type { ...T } } type { ...T } } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    // Where the fields are called: the root, an entity of each kind the seed has, and a relationship.
    private static readonly (string Type, string Query)[] Parents =
    [
        ("Query", "{{ {0} }}"),
        ("Country", Entity("belarus", "Country")),
        ("Document", Entity("essay-china-belarus-relations", "Document")),
        ("Person", Entity("xi-jinping", "Person")),
        ("Agreement", Entity("joint-declaration-2013", "Agreement")),
        ("Topic", Entity("infrastructure", "Topic")),
        ("Project", Entity("china-belarus-industrial-park", "Project")),
        ("Place", Entity("hong-kong", "Place")),
        ("Event", Entity("xi-visit-belarus-2015", "Event")),
        ("Relationship", """{{ relationship(id: "china-belarus-diplomatic-relations") {{ {0} }} }}"""),
    ];

    private static readonly string[] Texts =
        ["", " ", @"\u0000", @"\ud800", @"\udfff", "belarus", "Беларусь", new('x', 3000), "ZTpiZWxhcnVz", "ZTo", "====", @"belarus\n", "%00"];

    private static readonly string[] Numbers = ["0", "-1", "1", "2147483647", "-2147483648", "100000"];

    private static readonly string[] Dates = ["\"0001-01-01\"", "\"9999-12-31\"", "\"2016-02-29\"", "\"2014-01-01\""];

    private readonly Dictionary<string, JsonNode> types;
    private readonly Random random;

    public ArgumentQueries(JsonNode schema, int seed)
    {
        types = schema["__schema"]!["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        random = new Random(seed);
    }

    public string Next()
    {
        // The root's meta-field with an argument, which introspection does not list among the fields.
        if (random.Next(20) == 0) return $"{{ __type(name: \"{Pick(Texts)}\") {{ name kind }} }}";
        // The root half the time: most fields that take arguments are there.
        var (parent, query) = Parents[random.Next(2) == 0 ? 0 : random.Next(Parents.Length)];
        var fields = Fields(parent).Where(f => f["args"]!.AsArray().Count > 0).ToList();
        var field = fields[random.Next(fields.Count)];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Call(field));
    }

    private string Call(JsonNode field)
    {
        // Required arguments always, the others half the time.
        var arguments = field["args"]!.AsArray().Where(a => IsRequired(a!) || random.Next(2) == 0)
            .Select(a => $"{a!["name"]}: {Value(a["type"]!)}").ToList();
        var called = arguments.Count == 0 ? field["name"]!.ToString() : $"{field["name"]}({string.Join(", ", arguments)})";
        return $"{called} {Selection(NamedType(field["type"]!), 0)}";
    }

    private string Value(JsonNode type)
    {
        if (type["kind"]!.GetValue<string>() == "NON_NULL") return Value(type["ofType"]!);
        if (type["kind"]!.GetValue<string>() == "LIST")
        {
            return $"[{string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Value(type["ofType"]!)))}]";
        }

        var name = type["name"]!.GetValue<string>();
        var named = types[name];
        return (named["kind"]!.GetValue<string>(), name) switch
        {
            ("ENUM", _) => Pick(named["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToArray()),
            ("INPUT_OBJECT", _) => $"{{ {string.Join(", ", named["inputFields"]!.AsArray().Where(_ => random.Next(3) > 0).Select(f => $"{f!["name"]}: {Value(f["type"]!)}"))} }}",
            (_, "Int") => Pick(Numbers),
            (_, "Boolean") => random.Next(2) == 0 ? "true" : "false",
            (_, "Date") => Pick(Dates),
            (_, "Float") => Pick(["0", "-1e300", "1.5"]),
            _ => $"\"{Pick(Texts)}\"",
        };
    }

    // The type's leaves that need no arguments, and now and then an object field below, two levels at most.
    private string Selection(string typeName, int depth)
    {
        var type = types[typeName];
        var kind = type["kind"]!.GetValue<string>();
        if (kind is "SCALAR" or "ENUM") return "";
        if (kind is "INTERFACE" or "UNION") return "{ __typename }";
        var callable = Fields(typeName).Where(f => !f["args"]!.AsArray().Any(a => IsRequired(a!))).ToList();
        var selected = callable.Where(f => IsLeaf(f)).Take(4).Select(f => f["name"]!.GetValue<string>()).ToList();
        if (depth < 2)
        {
            selected.AddRange(callable.Where(f => !IsLeaf(f) && random.Next(3) == 0)
                .Select(f => $"{f["name"]} {Selection(NamedType(f["type"]!), depth + 1)}"));
        }

        return $"{{ {(selected.Count == 0 ? "__typename" : string.Join(" ", selected))} }}";
    }

    private IEnumerable<JsonNode> Fields(string typeName) => types[typeName]["fields"]!.AsArray().Select(f => f!);

    private bool IsLeaf(JsonNode field) => types[NamedType(field["type"]!)]["kind"]!.GetValue<string>() is "SCALAR" or "ENUM";

    private static bool IsRequired(JsonNode argument) => argument["type"]!["kind"]!.GetValue<string>() == "NON_NULL";

    private static string NamedType(JsonNode type) => type["ofType"] is { } inner ? NamedType(inner) : type["name"]!.GetValue<string>();

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static string Entity(string id, string kind) => $$$"""{{ entity(id: "{{{id}}}") {{ ... on {{{kind}}} {{ {0} }} }} }}""";
}
