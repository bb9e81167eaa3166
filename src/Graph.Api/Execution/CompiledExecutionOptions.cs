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

    /// <summary>
    /// How many objects a plan writes field by field before it is given code of its own, which calls each field's
    /// function directly (<see cref="PlanCode"/>); 0 never gives it code. Making the code costs the runtime's compiler, so a
    /// one-off query of a few objects is walked, and a plan that writes many objects (a list's items) soon runs on code.
    /// </summary>
    public int CodeAfterRuns { get; set; } = 64;
}
