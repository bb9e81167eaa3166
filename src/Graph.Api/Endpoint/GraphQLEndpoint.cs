using Graph.Api.Index;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// GraphQL over HTTP at /graphql, after the GraphQL-over-HTTP draft: GET for queries, POST with a
/// JSON body for anything, graphql-response+json when accepted, 4xx for requests that cannot run.
/// </summary>
internal sealed partial class GraphQLEndpoint(
    GraphQLRequestReader reader,
    DocumentCache documents,
    IDocumentExecuter<GraphSchema> executer,
    GraphQLSerializer serializer,
    GraphIndexHolder index,
    IOptions<LimitsOptions> limits,
    ILogger<GraphQLEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var mediaType = ResponseMediaType.Choose(context.Request);
        try
        {
            if (mediaType is null)
                throw new RequestError(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", "Accept application/graphql-response+json or application/json.");
            var request = await reader.ReadAsync(context.Request);
            await ExecuteAsync(context, request, mediaType);
        }
        catch (RequestError error)
        {
            await RequestErrorWriter.WriteAsync(context, error, mediaType ?? ResponseMediaType.Json);
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            var error = RequestError.BadRequest(ErrorCodes.SyntaxError, $"Syntax error: {syntax.Description}");
            await RequestErrorWriter.WriteAsync(context, error, mediaType ?? ResponseMediaType.Json, [new { line = syntax.Location.Line, column = syntax.Location.Column }]);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            var error = RequestError.BadRequest("DOCUMENT_TOO_DEEP", $"The document nests deeper than {limits.Value.MaxParserDepth} levels.");
            await RequestErrorWriter.WriteAsync(context, error, mediaType ?? ResponseMediaType.Json);
        }
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLHttpRequest request, string mediaType)
    {
        var limit = limits.Value;
        if (request.Query.Length > limit.MaxQueryLength)
            throw new RequestError(StatusCodes.Status413PayloadTooLarge, "QUERY_TOO_LARGE", $"The query text is over the limit of {limit.MaxQueryLength} characters.");

        var document = documents.Parse(request.Query, limit.MaxParserDepth);
        if (HttpMethods.IsGet(context.Request.Method) && SelectedOperation(document, request.OperationName)?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            throw new RequestError(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations and subscriptions are sent with POST, never GET.")
            {
                Headers = new Dictionary<string, string> { ["Allow"] = "POST" },
            };
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            UserContext = new GraphUserContext(index.Current, limit),
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
            UnhandledExceptionDelegate = failure =>
            {
                LogUnhandled(logger, failure.Exception, context.TraceIdentifier);
                return Task.CompletedTask;
            },
        });

        if (result.Errors is { Count: > 0 } errors && errors.Count > limit.MaxErrors)
        {
            var kept = new ExecutionErrors();
            foreach (var error in errors.Take(limit.MaxErrors)) kept.Add(error);
            result.Errors = kept;
        }

        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    [LoggerMessage(LogLevel.Error, "Unhandled error while executing request {RequestId}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
