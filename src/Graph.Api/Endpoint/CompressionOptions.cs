namespace Graph.Api.Endpoint;

/// <summary>Compressed answers for clients that ask for them (<c>Graph:Compression</c>).</summary>
public sealed class GraphCompressionOptions
{
    public const string Section = "Graph:Compression";

    /// <summary>
    /// Answer with Brotli or gzip, at their fastest level, when the request's Accept-Encoding allows it:
    /// GraphQL answers, the IDE and the explorer. Off where a proxy in front compresses instead.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
