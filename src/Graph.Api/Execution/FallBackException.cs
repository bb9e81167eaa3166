namespace Graph.Api.Execution;

/// <summary>
/// A compiled run met something whose answer GraphQL.NET shapes (a null in a non-null position, a
/// value a scalar cannot write, a data loader): the run is dropped and the request executed again
/// by the engine, which produces the exact error response.
/// </summary>
internal sealed class FallBackException(string reason) : Exception(reason);
