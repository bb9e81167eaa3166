using System.Text;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Valid requests broken at random, the way a fuzzer does: characters and GraphQL tokens inserted,
/// deleted, repeated and spliced, in the query text and in the JSON around it, with now and then a
/// byte that is not UTF-8. Deterministic for a seed.
/// </summary>
internal sealed class RequestMutations(int seed)
{
    private static readonly string[] Valid =
    [
        """{"query":"query E($id: ID!) { entity(id: $id) { id name relationships(first: 3) { edges { cursor relationship { type validTime { start { text } } } node { id name } } } } }","variables":{"id":"china"}}""",
        """{"query":"{ neighborhood(id: \"belarus\", depth: 2, limit: 50) { truncated nodes { distance entity { id } } relationships { id from { id } to { id } } } }"}""",
        """{"query":"query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, asOf: \"2014-01-01\") { length steps { relationship { id sources { paragraph } } } } }","variables":{"a":"xi-jinping","b":"china-belarus-industrial-park"}}""",
        """{"query":"{ search(text: \"great stone\", first: 5) { match entity { id } } entities(kind: COUNTRY, first: 2, after: \"ZTpiZWxhcnVz\") { edges { node { id } } } }"}""",
        """{"query":"query($f: EntityFilter) { entities(filter: $f, first: 3) { totalCount } }","variables":{"f":{"nameContains":"bel","propertyKey":"isoCode"}}}""",
        """{"query":"{ entity(id: \"china\") { timeline(first: 2, order: LATEST_FIRST) { cursor date { text } } reachable(maxDepth: 2, kinds: [ORGANIZATION]) { totalCount } } }"}""",
        """{"query":"{ paths(from: \"china\", to: \"belarus\", maxLength: 3, first: 3, kinds: [AGREEMENT]) { hasMore truncated paths { length } } }","operationName":null}""",
        """{"query":"query Q { entity(id: \"belarus\") { name } }","operationName":"Q","extensions":{"tracing":true}}""",
        // An automatic persisted query's first request: a hash and no text.
        """{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}},"variables":{"id":"china"}}""",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "(", ")", ":", ",", "\"", "\\", "$", "...", "@skip(if: true)", "null", "true", "-1", "2147483648",
        "1e400", "\\u0000", "\\ud800", "\\udc00", "\\\\ud800", "\\\\udc00", "\\r", "\\n", "é", "__typename", "query", "mutation", "fragment F on Entity { id ...F }",
        "...F", " ", "#", "\"\"\"", "!", "=", "first: 100000", "depth: 99", "asOf: \"2013-13-01\"", "__schema { types { name } }",
    ];

    private readonly Random random = new(seed);

    public byte[] Next()
    {
        var bytes = Encoding.UTF8.GetBytes(Mutate(Valid[random.Next(Valid.Length)]));
        if (random.Next(20) == 0 && bytes.Length > 0) bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
        return bytes;
    }

    /// <summary>
    /// A GET request's parameters (query, variables, operationName, extensions) taken from one of the valid
    /// requests, each now and then left out or broken as <see cref="Next"/> breaks a body, as a query string.
    /// </summary>
    public string NextQueryString()
    {
        using var source = System.Text.Json.JsonDocument.Parse(Valid[random.Next(Valid.Length)]);
        var parameters = source.RootElement.EnumerateObject()
            .Select(member => (member.Name, Value: member.Value.ValueKind == System.Text.Json.JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText()))
            .Where(_ => random.Next(8) != 0)
            .Select(p => random.Next(3) == 0 ? (p.Name, Mutate(p.Value)) : p);
        return "?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Item2)}"));
    }

    private string Mutate(string source)
    {
        var text = new StringBuilder(source);
        for (var edits = random.Next(1, 7); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 20), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 1:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2:
                    text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[random.Next(Tokens.Length)], random.Next(2, 60))));
                    break;
                case 3:
                    var from = random.Next(source.Length);
                    text.Insert(at, source.AsSpan(from, Math.Min(random.Next(1, 40), source.Length - from)));
                    break;
                default:
                    if (text.Length > 0) text[Math.Min(at, text.Length - 1)] = (char)random.Next(0x20, 0x7f);
                    break;
            }
        }

        return text.ToString();
    }
}
