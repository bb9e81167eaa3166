using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;

namespace Graph.Api.Endpoint;

/// <summary>
/// Parsed documents by query text. Frontends send the same few queries again and again, so parsing
/// once saves most of a cheap request's work. Bounded: when full it starts again empty.
/// </summary>
internal sealed class DocumentCache
{
    private const int Capacity = 1000;
    private const int MaxCachedLength = 16 * 1024;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    // Documents that passed GraphQL validation once. Validation depends only on the document and the
    // schema, so running its rules again on every request would only repeat the same answer.
    private readonly ConcurrentDictionary<GraphQLDocument, bool> validated = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parses (or finds) the document; throws <see cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException"/> on bad syntax.</summary>
    public GraphQLDocument Parse(string query, int maxDepth)
    {
        if (documents.TryGetValue(query, out var cached)) return cached;
        var document = Parser.Parse(LoneCarriageReturnsAsLineFeeds(query), new ParserOptions { MaxDepth = maxDepth, Ignore = IgnoreOptions.Comments });
        if (query.Length <= MaxCachedLength)
        {
            if (documents.Count >= Capacity)
            {
                documents.Clear();
                validated.Clear();
            }

            documents.TryAdd(query, document);
        }

        return document;
    }

    /// <summary>
    /// GraphQLParser counts a lone carriage return as a line break when it locates a syntax error, but
    /// the message it then composes splits the text at line feeds only, and throws when the two counts
    /// disagree. Both are line terminators in GraphQL, so a lone CR becomes an LF: the same length, the
    /// same lines and columns, the same meaning (a string cannot hold either; a block string ends its line).
    /// </summary>
    private static string LoneCarriageReturnsAsLineFeeds(string query)
    {
        if (!query.Contains('\r', StringComparison.Ordinal)) return query;
        return string.Create(query.Length, query, static (text, source) =>
        {
            source.CopyTo(text);
            for (var i = text.IndexOf('\r'); i < text.Length; i++)
            {
                if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')) text[i] = '\n';
            }
        });
    }

    public bool IsValidated(GraphQLDocument document) => validated.ContainsKey(document);

    public void MarkValidated(GraphQLDocument document)
    {
        if (validated.Count < Capacity) validated.TryAdd(document, true);
    }
}
