namespace Graph.Api.Execution;

/// <summary>A query compiled once: its root selection plan, and its variables when this path can coerce them itself.</summary>
internal sealed record CompiledOperation(SelectionPlan Root, OperationVariables? Variables);
