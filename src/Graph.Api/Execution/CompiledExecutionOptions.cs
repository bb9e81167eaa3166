namespace Graph.Api.Execution;

/// <summary>Settings of the compiled query path (section <c>Graph:Execution</c>).</summary>
public sealed class CompiledExecutionOptions
{
    public const string Section = "Graph:Execution";

    /// <summary>
    /// Answer validated queries from compiled plans (default). Off, every request runs on
    /// GraphQL.NET's executor: slower, same responses; a switch for diagnosing a suspected difference.
    /// </summary>
    public bool Compiled { get; set; } = true;
}
