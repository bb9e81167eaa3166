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

    /// <summary>
    /// Most entities (and offices) the lists each kind adds, which are not paged (a country's diplomatic
    /// partners, a project's participants, a person's offices), may return in one request together: nested,
    /// a hub's lists multiply, and three levels of them ran to gigabytes before the timeout.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxRelatedEntities { get; set; } = 50_000;

    /// <summary>Deepest selection nesting, introspection excepted.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Deepest nesting inside __schema/__type; IDE schema queries need about 13.</summary>
    [Range(1, 100)]
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>Most fields in the operation with fragments expanded.</summary>
    [Range(1, 1_000_000)]
    public int MaxFields { get; set; } = 2000;

    /// <summary>Most aliases in a document.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most directives in a document.</summary>
    [Range(0, 10_000)]
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Highest cost accepted (see README: 1 per field, children multiplied by page sizes).</summary>
    [Range(1, long.MaxValue)]
    public long MaxCost { get; set; } = 50_000;

    /// <summary>Queries costing more than this run in the expensive lane.</summary>
    [Range(1, long.MaxValue)]
    public long ExpensiveCost { get; set; } = 2_000;

    /// <summary>Whether __schema and __type may be queried (IDEs need them).</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>Execution time limit; past it the work is cancelled and TIMEOUT returned.</summary>
    [Range(0.01, 600)]
    public double ExecutionTimeoutSeconds { get; set; } = 15;

    /// <summary>Longest list allowed anywhere in the variables.</summary>
    [Range(1, 1_000_000)]
    public int MaxVariableListLength { get; set; } = 1000;

    /// <summary>Longest string allowed anywhere in the variables.</summary>
    [Range(1, 100_000_000)]
    public int MaxVariableStringLength { get; set; } = 10_000;

    /// <summary>
    /// Fields (fragments expanded) above which a document not yet validated runs in the expensive lane:
    /// validating it is work of its own, which grows faster than its size. Once validated it is cheap again.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ExpensiveNewDocumentFields { get; set; } = 500;

    /// <summary>Fragments (spreads and inline fragments, as written) above which a document not yet validated runs in the expensive lane.</summary>
    [Range(0, 10_000)]
    public int ExpensiveNewDocumentFragments { get; set; } = 25;

    /// <summary>
    /// Fragment spreads and inline fragments a document may have. Validation compares fragments with one
    /// another, and its time grows much faster than their number (100 took 57-74 ms, 200 took 366-458 ms).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFragments { get; set; } = 100;

    /// <summary>Parsed documents kept for reuse (with their validation and compiled plans); when full the cache starts again empty.</summary>
    [Range(1, 1_000_000)]
    public int MaxCachedDocuments { get; set; } = 1000;

    /// <summary>
    /// The total length of the query texts kept in that cache. A kept document costs some 25 bytes of
    /// memory per character (its syntax tree and plan), so the default holds it to about 25 MB however
    /// large the documents clients send. Documents over 16 KB are never kept.
    /// </summary>
    [Range(1024, 1_000_000_000)]
    public int MaxCachedQueryCharacters { get; set; } = 1024 * 1024;

    /// <summary>Cheap operations executing at once; more wait in the queue.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentCheap { get; set; } = 16;

    /// <summary>Expensive operations executing at once.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentExpensive { get; set; } = 2;

    /// <summary>
    /// Bytes of written answers waiting for their clients to take them, all requests together. Within it a
    /// request gives its lane's slot back as soon as its answer is written, so clients that read slowly or
    /// not at all cannot hold the slots; past it, a request keeps its slot until its answer is taken, which
    /// bounds the memory such answers hold. 0 keeps every slot until its answer is taken.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxAnswerBytesInFlight { get; set; } = 128L * 1024 * 1024;

    /// <summary>Operations of each lane waiting for a slot; past it, 503 with Retry-After.</summary>
    [Range(0, 100_000)]
    public int MaxQueued { get; set; } = 200;

    /// <summary>
    /// Longest wait for a slot in a lane; past it, 503 with Retry-After. A short queue of slow
    /// operations would otherwise hold a request for longer than its client waits.
    /// </summary>
    [Range(1, 600_000)]
    public int MaxQueueWaitMilliseconds { get; set; } = 1_000;

    /// <summary>Requests per second per client address; 0 turns the per-client limit off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerSecondPerClient { get; set; }

    /// <summary>Requests a client may burst above its rate.</summary>
    [Range(1, 1_000_000)]
    public int ClientBurst { get; set; } = 100;

    /// <summary>Longest request line (method, URL, version); longer gets 414.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers; larger gets 431.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Time allowed to send the request headers; slower connections are dropped.</summary>
    [Range(1, 600)]
    public int RequestHeadersTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a connection may stay open without a request, before its first and between requests.
    /// A silent connection holds a file descriptor; ASP.NET Core's default of 130 s let a client hold
    /// thousands with a few new connections a second.
    /// </summary>
    [Range(1, 3600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Connections open at once; past it a new connection is closed at once. Keep it below the process's
    /// limit on open files (ulimit -n), so that a flood of connections cannot leave the service unable to
    /// open a file or accept anything at all. 0 leaves it unlimited.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Slowest body upload tolerated after a 5 s grace period, in bytes per second.</summary>
    [Range(1, 1024 * 1024)]
    public int MinBodyBytesPerSecond { get; set; } = 240;

    public Traversal.TraversalLimits Traversal => new(MaxTraversalVisited, MaxTraversalScanned);
}
