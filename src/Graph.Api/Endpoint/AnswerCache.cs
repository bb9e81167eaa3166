using System.Diagnostics.Metrics;
using System.Globalization;
using Graph.Api.Index;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// Whole answers kept by their request (the query text, the operation's name and the variables) for the index snapshot
/// they were made from. The graph does not change while a snapshot serves, and no field reads the clock or the caller,
/// so a request asked again has the same answer, byte for byte: it is sent again without running, and without taking
/// a lane's slot. Frontends ask the same few queries of the same popular entities again and again; a neighbourhood's
/// answer of 141 KB took about 280 µs of CPU to make and send, and about 110 µs to send from here (bench/HISTORY.md, round 67).
/// Only answers of data without errors are kept, from the second time their request is seen (as the document cache
/// does, so one-off requests do not crowd out the rest), within a total size in Microsoft.Extensions.Caching.Memory's
/// size-limited cache, which makes room by dropping the entries used least lately.
/// </summary>
internal sealed class AnswerCache : IDisposable
{
    /// <summary>The header that marks an answer sent from the cache: <c>Graph-Answer-Cache: hit</c>.</summary>
    public const string HeaderName = "Graph-Answer-Cache";

    /// <summary>The meter of the cache's figures, for the metrics endpoint (Hosting/MetricsExtensions.cs).</summary>
    public const string MeterName = "Graph.AnswerCache";

    // Counted with each answer for its key, the entry and the cache's own bookkeeping.
    private const int EntryOverhead = 256;
    private const int RememberedRequests = 4096;

    private readonly MemoryCache? answers;
    private readonly SeenTexts seen = new(RememberedRequests);
    private readonly long largestAnswer;
    private readonly GraphIndexHolder index;
    private readonly GraphQLSerializer serializer;
    private readonly Lock clearing = new();
    // The snapshot whose answers the cache holds: when the index is replaced, the answers made from the old one go.
    private GraphIndex? holding;

    public AnswerCache(IOptions<GraphCachingOptions> options, GraphIndexHolder index, GraphQLSerializer serializer, IMeterFactory meters)
    {
        var settings = options.Value;
        if (settings.AnswerCacheMiB > 0)
        {
            answers = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.AnswerCacheMiB * 1024L * 1024, TrackStatistics = true });
            // Read from the cache's own statistics when metrics are collected, so a request counts nothing itself.
            var meter = meters.Create(MeterName);
            meter.CreateObservableCounter("graph.answer_cache.hits", () => answers.GetCurrentStatistics()?.TotalHits ?? 0, description: "Requests whose answer was found kept.");
            meter.CreateObservableCounter("graph.answer_cache.misses", () => answers.GetCurrentStatistics()?.TotalMisses ?? 0, description: "Requests whose answer was not kept.");
            meter.CreateObservableUpDownCounter("graph.answer_cache.size", () => answers.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0, "By", "What the kept answers count against the cache's size.");
        }

        largestAnswer = settings.MaxCachedAnswerKiB * 1024L;
        (this.index, this.serializer) = (index, serializer);
    }

    /// <summary>The key a request's answer is kept under, or null when the cache is off.</summary>
    public string? KeyOf(GraphQLHttpRequest request)
    {
        if (answers is null) return null;
        var variables = request.Variables is null ? "" : serializer.Serialize(request.Variables);
        // Each part but the last after its length (-1 for no operation name), so no two requests share a key.
        return string.Concat(
            (request.OperationName?.Length ?? -1).ToString(CultureInfo.InvariantCulture), ":", request.OperationName,
            variables.Length.ToString(CultureInfo.InvariantCulture), ":", variables, request.Query);
    }

    /// <summary>The answer kept under the key for the snapshot serving now, or null.</summary>
    public KeptAnswer? Find(string key) =>
        answers!.TryGetValue(key, out Kept? kept) && ReferenceEquals(kept!.Snapshot, index.Current) ? kept.Answer : null;

    /// <summary>
    /// Keeps a copy of the answer made from the snapshot, when that still serves, the answer is not too large and its
    /// request was seen before; otherwise only remembers the request.
    /// </summary>
    public void Keep(string key, GraphIndex snapshot, ReadOnlySpan<byte> answer)
    {
        if (answer.Length > largestAnswer || !ReferenceEquals(snapshot, index.Current) || !seen.SeenBefore(key)) return;
        if (!ReferenceEquals(Volatile.Read(ref holding), snapshot))
        {
            lock (clearing)
            {
                if (!ReferenceEquals(holding, snapshot)) answers!.Clear();
                holding = snapshot;
            }
        }

        answers!.Set(key, new Kept(snapshot, new KeptAnswer(answer.ToArray(), ConditionalGet.HashOf(answer))), new MemoryCacheEntryOptions { Size = answer.Length + 2L * key.Length + EntryOverhead });
    }

    public void Dispose() => answers?.Dispose();

    private sealed record Kept(GraphIndex Snapshot, KeptAnswer Answer);
}

/// <summary>An answer's bytes as kept, with the hash its entity tag is made from (<see cref="ConditionalGet.HashOf"/>).</summary>
internal sealed record KeptAnswer(byte[] Body, ulong BodyHash);
