namespace Graph.Api.Index;

/// <summary>
/// Holds the current index snapshot. Readers take one snapshot per request; a write builds a new
/// snapshot and swaps it in atomically, so no request ever sees a half-applied write.
/// </summary>
public sealed class GraphIndexHolder
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GraphIndex? current;

    public bool IsReady => Volatile.Read(ref current) is not null;

    /// <summary>Completes when the first index is swapped in, that is when the service becomes ready.</summary>
    public Task WhenReady => ready.Task;

    public GraphIndex Current => Volatile.Read(ref current) ?? throw new InvalidOperationException("The graph index has not been built yet.");

    public void Replace(GraphIndex next)
    {
        Volatile.Write(ref current, next);
        ready.TrySetResult();
        // The relationships citing each document, the snapshot's whole-graph figures, its entities' orders, the words
        // similar names are found by and the entities holding each run of one or two letters are worked out now, beside the first requests, so that the first request asking for
        // them rarely waits; a request that comes sooner waits for this same computation.
        _ = Task.Run(() =>
        {
            _ = next.Citations;
            _ = next.Components;
            _ = next.Orders;
            next.Search.PrepareDeferred();
        });
    }
}
