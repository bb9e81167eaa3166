using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>The fields to write for one concrete object type, in response order, fragments already merged.</summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;

    /// <summary>
    /// The buffer to start the next response with (root plans only): a little over the last one's
    /// size, so a large response is not copied again each time its buffer doubles.
    /// </summary>
    public int ResponseSizeHint { get; set; } = 4096;
}
