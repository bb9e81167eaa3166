using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Endpoint;

/// <summary>How long browsers and caches may keep a GET answer, and how many answers the service keeps itself (<c>Graph:Caching</c>).</summary>
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

    /// <summary>
    /// MiB of whole answers the service keeps to send again when the same request comes back (<see cref="AnswerCache"/>);
    /// 0 keeps none, so every request runs.
    /// </summary>
    [Range(0, 65_536)]
    public int AnswerCacheMiB { get; set; } = 64;

    /// <summary>The largest answer kept, in KiB: a larger one would take the room of many small ones.</summary>
    [Range(1, 1_048_576)]
    public int MaxCachedAnswerKiB { get; set; } = 1_024;
}
