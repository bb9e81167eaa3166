using System.Runtime.CompilerServices;

namespace Graph.Api;

/// <summary>
/// How code that runs over every row of a large seed, once per load (reading, checking and indexing
/// rows), is compiled: optimised from its first call. The runtime otherwise starts it unoptimised and
/// works it up its tiers during the load, while the host's own start competes for the same two cores;
/// marked so, and with a call-count threshold of 200 (Graph.Api.csproj), the million-relationship graph was
/// ready after a median of 12.0 s instead of 15.2 s (bench/HISTORY.md, round 24). Not for request code:
/// code compiled this way never gets the runtime's profile-guided recompilation.
/// </summary>
internal static class LoadingCode
{
    public const MethodImplOptions Optimised = MethodImplOptions.AggressiveOptimization;
}
