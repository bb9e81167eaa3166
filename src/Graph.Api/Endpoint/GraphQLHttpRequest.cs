using GraphQL;

namespace Graph.Api.Endpoint;

/// <summary>A GraphQL request as read off HTTP, before the document is parsed.</summary>
internal sealed record GraphQLHttpRequest(string Query, Inputs? Variables, string? OperationName);
