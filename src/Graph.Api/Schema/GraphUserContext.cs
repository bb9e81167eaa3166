using Graph.Api.Endpoint;
using Graph.Api.Index;

namespace Graph.Api.Schema;

/// <summary>
/// What every resolver of one request shares: the index snapshot taken when the request began
/// (so a concurrent write never shows half-way through a response), the limits in force, and how
/// much of the request's budget for unpaged lists is spent.
/// </summary>
public sealed class GraphUserContext(GraphIndex index, LimitsOptions limits) : Dictionary<string, object?>
{
    private int related;

    public GraphIndex Index { get; } = index;
    public LimitsOptions Limits { get; } = limits;

    /// <summary>
    /// Counts <paramref name="count"/> more items of the unpaged lists each kind adds towards
    /// <see cref="LimitsOptions.MaxRelatedEntities"/>, refusing with RESULT_LIMIT past it. Counting none
    /// refuses once the budget is spent, before a list is made.
    /// </summary>
    public void CountRelated(int count)
    {
        // Resolvers of one request may run side by side.
        if (Interlocked.Add(ref related, count) > Limits.MaxRelatedEntities)
        {
            throw ResolveContextExtensions.BadArgument("RESULT_LIMIT",
                $"The unpaged lists in this request (diplomatic partners, participants, parties, offices, ...) passed {Limits.MaxRelatedEntities} entities (Graph:Limits:MaxRelatedEntities). Ask for fewer at once, or page through relationships(types: ...) instead.");
        }
    }
}
