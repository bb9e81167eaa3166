namespace Graph.Api.Traversal;

/// <summary>
/// The caps one traversal runs under. A traversal that would go past them stops and says so
/// (truncated) rather than run away; arguments past the configured caps are refused up front.
/// A cancelled request (timeout, client gone) stops the traversal too.
/// </summary>
public sealed record TraversalLimits(int MaxVisited, int MaxScanned, CancellationToken Cancellation = default)
{
    /// <summary>Generous caps for tests and benchmarks of the algorithms alone.</summary>
    public static readonly TraversalLimits Default = new(10_000, 200_000);
}
