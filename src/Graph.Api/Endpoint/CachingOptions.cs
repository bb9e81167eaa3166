using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Endpoint;

/// <summary>How long browsers and caches may keep a GET answer (<c>Graph:Caching</c>).</summary>
public sealed class GraphCachingOptions
{
    public const string Section = "Graph:Caching";

    /// <summary>
    /// Seconds a cache may reuse a GET answer without asking again. At 0, the default, it asks each time with
    /// the answer's entity tag and gets 304 without the answer when nothing changed; the graph changes only
    /// when the service starts with another seed, which an operator may know to be rare.
    /// </summary>
    [Range(0, 31_536_000)]
    public int MaxAgeSeconds { get; set; }
}
