using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// The bytes of answers that are written and wait for their clients to take them, all requests together.
/// A request whose answer fits gives its lane's slot back before the answer goes out, so a client that
/// reads slowly, or not at all, holds its connection but not the slot that others need; one that does
/// not fit keeps its slot until the answer is taken, so the memory those answers hold stays bounded.
/// </summary>
internal sealed class AnswerBudget(IOptions<LimitsOptions> limits)
{
    private long available = limits.Value.MaxAnswerBytesInFlight;

    /// <summary>Takes <paramref name="bytes"/> from the budget; false, and nothing taken, when they do not fit.</summary>
    public bool TryTake(long bytes)
    {
        var seen = Volatile.Read(ref available);
        while (seen >= bytes)
        {
            var before = Interlocked.CompareExchange(ref available, seen - bytes, seen);
            if (before == seen) return true;
            seen = before;
        }

        return false;
    }

    public void Return(long bytes) => Interlocked.Add(ref available, bytes);
}
