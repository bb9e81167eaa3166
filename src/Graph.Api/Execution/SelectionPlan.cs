using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>The fields to write for one concrete object type, in response order, fragments already merged.</summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;
}
