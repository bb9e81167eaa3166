using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>The fields to write for one concrete object type, in response order, fragments already merged.</summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;

    /// <summary>
    /// What each field's value is written after: the opening brace and the first name as one piece, then
    /// the other names (the writer puts the commas between). An answer with a thousand small objects
    /// writes one piece fewer per object.
    /// </summary>
    public byte[][] Names { get; } = fields.Select((field, i) => i == 0 ? [(byte)'{', .. field.Key] : field.Key).ToArray();

    /// <summary>
    /// The buffer to start the next response with (root plans only): a little over the last one's
    /// size, so a large response is not copied again each time its buffer doubles.
    /// </summary>
    public int ResponseSizeHint { get; set; } = 4096;
}
