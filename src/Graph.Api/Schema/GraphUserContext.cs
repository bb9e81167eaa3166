using Graph.Api.Endpoint;
using Graph.Api.Index;

namespace Graph.Api.Schema;

/// <summary>
/// What every resolver of one request shares: the index snapshot taken when the request began
/// (so a concurrent write never shows half-way through a response) and the limits in force.
/// </summary>
public sealed class GraphUserContext(GraphIndex index, LimitsOptions limits) : Dictionary<string, object?>
{
    public GraphIndex Index { get; } = index;
    public LimitsOptions Limits { get; } = limits;
}
