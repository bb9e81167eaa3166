using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// Bounds the work in flight. Cheap and expensive operations wait in separate lanes, so a stream of
/// expensive queries (or of large new documents, whose validation is costly work of its own) cannot
/// starve cheap ones; a full queue answers 503 with Retry-After at once, and so does a wait for a
/// slot that passes its limit.
/// An optional per-client token bucket answers 429 with Retry-After.
/// </summary>
internal sealed class ExecutionGate : IDisposable
{
    private readonly ConcurrencyLimiter cheap;
    private readonly ConcurrencyLimiter expensive;
    private readonly PartitionedRateLimiter<string>? perClient;
    private readonly long expensiveCost;
    private readonly TimeSpan maxQueueWait;

    public ExecutionGate(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        expensiveCost = limits.ExpensiveCost;
        maxQueueWait = TimeSpan.FromMilliseconds(limits.MaxQueueWaitMilliseconds);
        cheap = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentCheap, QueueLimit = limits.MaxQueued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
        expensive = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentExpensive, QueueLimit = limits.MaxQueued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
        if (limits.RequestsPerSecondPerClient > 0)
        {
            perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.ClientBurst,
                TokensPerPeriod = limits.RequestsPerSecondPerClient,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    /// <summary>Refuses a client over its rate with 429.</summary>
    public void CheckClientRate(HttpContext context)
    {
        if (perClient is null) return;
        using var lease = perClient.AttemptAcquire(ClientAddress.Key(context.Connection.RemoteIpAddress));
        if (lease.IsAcquired) return;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        throw new RequestError(StatusCodes.Status429TooManyRequests, "RATE_LIMITED", "Too many requests from this client; retry after the time in Retry-After.")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retry.ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>
    /// Waits for a slot in the lane the cost belongs to, or in the expensive lane for a large document
    /// that has yet to be validated; 503 when the lane's queue is full or the wait too long.
    /// </summary>
    public async Task<RateLimitLease> EnterAsync(long cost, bool largeNewDocument, CancellationToken cancellationToken)
    {
        var lane = cost > expensiveCost || largeNewDocument ? expensive : cheap;
        // A free slot (the usual case) is taken without a timer; only a request that has to queue gets one.
        var lease = lane.AttemptAcquire(1);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitLimit.CancelAfter(maxQueueWait);
        try
        {
            lease = await lane.AcquireAsync(1, waitLimit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Overloaded();
        }

        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw Overloaded();
    }

    private static RequestError Overloaded() =>
        new(StatusCodes.Status503ServiceUnavailable, "OVERLOADED", "The service is at capacity; retry shortly.")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        };

    public void Dispose()
    {
        cheap.Dispose();
        expensive.Dispose();
        perClient?.Dispose();
    }
}
