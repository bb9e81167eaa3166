namespace Graph.Api.Execution;

/// <summary>
/// The document uses something the compiled plans leave to GraphQL.NET's executor (introspection,
/// directives, subscriptions...). Thrown only while a plan is built, never while one runs.
/// </summary>
internal sealed class NotCompilableException(string what) : Exception($"Not compiled: {what}.");
