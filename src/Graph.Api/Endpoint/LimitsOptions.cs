using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Endpoint;

/// <summary>Every limit the endpoint enforces (<c>Graph:Limits</c>), validated at startup.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Graph:Limits";

    /// <summary>Page size when a client gives no <c>first</c>.</summary>
    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Largest <c>first</c> accepted; larger values are refused, not silently cut.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest request body accepted; larger bodies get 413 before they are read in full.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(100, 16 * 1024 * 1024)]
    public int MaxQueryLength { get; set; } = 64 * 1024;

    /// <summary>At most this many errors are returned; the rest are summarised in one.</summary>
    [Range(1, 100)]
    public int MaxErrors { get; set; } = 5;

    /// <summary>Deepest nesting the parser accepts (selections, lists, objects).</summary>
    [Range(8, 256)]
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Deepest neighbourhood or reachability search, in hops.</summary>
    [Range(1, 20)]
    public int MaxTraversalDepth { get; set; } = 6;

    /// <summary>Longest path shortestPath and paths look for, in relationships.</summary>
    [Range(1, 20)]
    public int MaxPathLength { get; set; } = 8;

    /// <summary>Most paths one paths query returns.</summary>
    [Range(1, 1000)]
    public int MaxPaths { get; set; } = 50;

    /// <summary>Most entities one neighbourhood returns (its limit argument defaults to 200).</summary>
    [Range(1, 100_000)]
    public int MaxNeighborhoodNodes { get; set; } = 500;

    /// <summary>Most entities one traversal may reach before it stops and reports truncation.</summary>
    [Range(1, 10_000_000)]
    public int MaxTraversalVisited { get; set; } = 10_000;

    /// <summary>Most relationships one traversal may examine before it stops and reports truncation.</summary>
    [Range(1, 100_000_000)]
    public int MaxTraversalScanned { get; set; } = 200_000;

    public Traversal.TraversalLimits Traversal => new(MaxTraversalVisited, MaxTraversalScanned);
}
