using GraphQL;

namespace Graph.Api.Endpoint;

/// <summary>
/// A GraphQL request as read off HTTP, before the document is parsed; <paramref name="PersistAs"/> is the checked
/// hash to keep the text under once its operation has run, when the client asked for that (<see cref="PersistedQueries"/>).
/// </summary>
internal sealed record GraphQLHttpRequest(string Query, Inputs? Variables, string? OperationName, string? PersistAs = null);
