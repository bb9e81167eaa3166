using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// Parsed documents by query text. Frontends send the same few queries again and again, so parsing
/// once saves most of a cheap request's work, and a document validated once is not validated again.
/// Bounded by count and by the total length of the texts kept (Graph:Limits:MaxCachedDocuments and
/// MaxCachedQueryCharacters): a document keeps its syntax tree and, once run, its compiled plan,
/// together some 25 bytes per character of text, so a thousand large distinct documents would
/// otherwise hold hundreds of megabytes. When full it starts again empty.
/// A document is kept from the second time its text is asked for: one asked for once (arguments written
/// into the text, say) would otherwise fill the cache over and over, taking the places of the documents
/// clients reuse, and live on until a full collection long after its request. Under a soak run where one
/// request in twenty was such a document, the process grew by about 45 MiB every 30 s until a full
/// collection; kept from their second request, it stayed within 768–824 MiB for five minutes (bench/HISTORY.md, round 33).
/// </summary>
internal sealed class DocumentCache(IOptions<LimitsOptions> limits)
{
    private const int MaxCachedLength = 16 * 1024;

    // 16 KB of fingerprints: a text asked for again within the next few thousand new texts is kept.
    private const int RememberedTexts = 4096;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);
    private readonly SeenTexts seen = new(RememberedTexts);

    // The cached documents, each with whether it passed GraphQL validation once. Validation depends only
    // on the document and the schema, so running its rules again on every request would only repeat the
    // same answer. Only cached documents are kept here: one parsed anew for each request is never seen again.
    private readonly ConcurrentDictionary<GraphQLDocument, bool> validated = new(ReferenceEqualityComparer.Instance);

    // Adding is rare (a new document, already paying for its parse), so it takes a lock and the totals stay exact.
    private readonly Lock adding = new();
    private long cachedCharacters;

    /// <summary>How many documents are kept.</summary>
    public int Count => documents.Count;

    /// <summary>The total length of the texts kept.</summary>
    public long CachedCharacters => Interlocked.Read(ref cachedCharacters);

    /// <summary>Parses (or finds) the document; throws <see cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException"/> on bad syntax.</summary>
    public GraphQLDocument Parse(string query, int maxDepth)
    {
        if (documents.TryGetValue(query, out var cached)) return cached;
        var document = Parser.Parse(LoneCarriageReturnsAsLineFeeds(query), new ParserOptions { MaxDepth = maxDepth, Ignore = IgnoreOptions.Comments });
        var limit = limits.Value;
        if (query.Length > Math.Min(MaxCachedLength, limit.MaxCachedQueryCharacters) || !seen.SeenBefore(query)) return document;
        lock (adding)
        {
            if (documents.TryGetValue(query, out cached)) return cached;
            if (documents.Count >= limit.MaxCachedDocuments || cachedCharacters + query.Length > limit.MaxCachedQueryCharacters)
            {
                documents.Clear();
                validated.Clear();
                Interlocked.Exchange(ref cachedCharacters, 0);
            }

            validated[document] = false;
            documents[query] = document;
            Interlocked.Add(ref cachedCharacters, query.Length);
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

    public bool IsValidated(GraphQLDocument document) => validated.TryGetValue(document, out var valid) && valid;

    /// <summary>Records that a cached document passed validation; a document the cache does not keep is left alone.</summary>
    public void MarkValidated(GraphQLDocument document) => validated.TryUpdate(document, true, false);
}
