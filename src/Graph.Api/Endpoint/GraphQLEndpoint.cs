using System.Threading.RateLimiting;
using Graph.Api.Execution;
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
    GraphSchema schema,
    CompiledExecutor compiled,
    GraphQLSerializer serializer,
    GraphIndexHolder index,
    ExecutionGate gate,
    AnswerBudget answers,
    CostHeader costHeader,
    PersistedQueries persisted,
    AnswerCache kept,
    IOptions<LimitsOptions> limits,
    IOptions<GraphCachingOptions> caching,
    IOptions<CompiledExecutionOptions> execution,
    ILogger<GraphQLEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var mediaType = ResponseMediaType.Choose(context.Request);
        // Answers carry text as written, '<' included: a browser must never read one as anything but JSON.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            if (mediaType is null)
                throw new RequestError(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", "Accept application/graphql-response+json or application/json.");
            if (!index.IsReady)
            {
                throw new RequestError(StatusCodes.Status503ServiceUnavailable, "NOT_READY", "The graph is still loading; retry shortly.")
                {
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "2" },
                };
            }

            gate.CheckClientRate(context);
            var request = await reader.ReadAsync(context.Request);
            await ExecuteAsync(context, request, mediaType);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client has gone: its work is cancelled and there is no one to answer.
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
        catch (Exception unexpected) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A fault of ours or of a library, before any answer was written: the client gets the
            // error shape every other failure has, and the details stay in the log under the request id.
            // (A client that has gone is no fault, and there is no one to answer.)
            LogUnhandled(logger, unexpected, context.TraceIdentifier);
            var error = new RequestError(StatusCodes.Status500InternalServerError, ErrorCodes.Internal,
                "The service failed to answer this request; its request id identifies the failure in the service's log.");
            await RequestErrorWriter.WriteAsync(context, error, mediaType ?? ResponseMediaType.Json);
        }
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLHttpRequest request, string mediaType)
    {
        var limit = limits.Value;
        if (request.Query.Length > limit.MaxQueryLength)
            throw new RequestError(StatusCodes.Status413PayloadTooLarge, "QUERY_TOO_LARGE", $"The query text is over the limit of {limit.MaxQueryLength} characters.");

        var document = documents.Parse(request.Query, limit.MaxParserDepth);
        var operation = SelectedOperation(document, request.OperationName);
        if (HttpMethods.IsGet(context.Request.Method) && operation?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            throw new RequestError(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations and subscriptions are sent with POST, never GET.")
            {
                Headers = new Dictionary<string, string> { ["Allow"] = "POST" },
            };
        }

        // The engine answered such an operation with 200 and "data": null, as if it had run; it is a request
        // that cannot run, refused like a document that fails validation.
        if ((operation?.Operation is OperationType.Mutation && schema.Mutation is null) || (operation?.Operation is OperationType.Subscription && schema.Subscription is null))
        {
            throw new RequestError(StatusCodes.Status422UnprocessableEntity, "INVALID_OPERATION",
                $"This schema has no {(operation.Operation is OperationType.Mutation ? "mutations" : "subscriptions")}: the graph is read over GraphQL and loaded from its seed file.");
        }

        var (cost, fields, fragments) = DocumentLimits.Check(document, operation, request.Variables, limit);
        context.Response.Headers[CostHeader.Name] = costHeader.For(cost);
        // A query asked before is answered with the bytes kept from an earlier answer: nothing runs, no lane's slot is taken.
        var keptAs = operation?.Operation == OperationType.Query ? kept.KeyOf(request) : null;
        if (keptAs is not null && kept.Find(keptAs) is { } keptAnswer)
        {
            if (request.PersistAs is { } keptHash) persisted.Keep(keptHash, request.Query);
            context.Response.Headers[AnswerCache.HeaderName] = "hit";
            await WriteAsync(context, StatusCodes.Status200OK, keptAnswer.Body, cacheable: true, mediaType, keptAnswer.BodyHash);
            return;
        }

        // The snapshot the answer is made from (the plan or the engine takes the current one as it starts): an answer is kept
        // only while that one still serves.
        var snapshot = index.Current;
        // GraphQL.NET validates a new document whole before anything runs, and for thousands of fields
        // that takes tens of milliseconds of CPU (the spec's field-merging rule compares fields in pairs): a
        // stream of large distinct documents in the cheap lane took a small query from 13k answers a
        // second to 28. A document validated before is cheap to start again.
        var largeNewDocument = (fields > limit.ExpensiveNewDocumentFields || fragments > limit.ExpensiveNewDocumentFragments) && !documents.IsValidated(document);
        var slot = await gate.EnterAsync(cost, largeNewDocument, context.RequestAborted);
        Answer answer;
        try
        {
            answer = await AnswerAsync(context, request, document, operation, limit);
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        // Run, so it parsed and passed validation: only such texts are kept.
        if (request.PersistAs is { } hash && answer.Status == StatusCodes.Status200OK) persisted.Keep(hash, request.Query);
        if (keptAs is not null && answer.Cacheable) kept.Keep(keptAs, snapshot, answer.Body.WrittenMemory.Span);
        using (answer.Body)
        {
            await SendAsync(context, answer, mediaType, slot);
        }
    }

    /// <summary>
    /// Sends a written answer, giving the lane's slot back first. The slot bounds the work of answering, not
    /// the client's reading: one that reads a large answer slowly, or not at all, would otherwise keep it, and
    /// two such clients held the expensive lane until the server dropped them. Written answers wait for their
    /// clients in the answers' budget; only when it is spent does a request keep its slot until its answer is taken.
    /// </summary>
    private async Task SendAsync(HttpContext context, Answer answer, string mediaType, RateLimitLease slot)
    {
        var budgeted = answers.TryTake(answer.Body.WrittenCount);
        if (budgeted) slot.Dispose();
        try
        {
            await WriteAsync(context, answer.Status, answer.Body.WrittenMemory, answer.Cacheable, mediaType);
        }
        finally
        {
            if (budgeted) answers.Return(answer.Body.WrittenCount);
            else slot.Dispose();
        }
    }

    /// <summary>
    /// Writes an answer's status and bytes; for a GET of one that may be kept, with its entity tag (from the bytes' hash,
    /// worked out here unless it is given), or 304 when the client holds it already.
    /// </summary>
    private async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> body, bool cacheable, string mediaType, ulong? bodyHash = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ResponseMediaType.ContentType(mediaType);
        if (cacheable && HttpMethods.IsGet(context.Request.Method)
            && ConditionalGet.NotModified(context, context.Response.ContentType, bodyHash ?? ConditionalGet.HashOf(body.Span), caching.Value.MaxAgeSeconds))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The whole answer, written into memory: by a compiled plan when one can answer, else by the engine.</summary>
    private async Task<Answer> AnswerAsync(HttpContext context, GraphQLHttpRequest request, GraphQLDocument document,
        GraphQLOperationDefinition? operation, LimitsOptions limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(limit.ExecutionTimeoutSeconds));
        ExecutionResult result;
        try
        {
            // A compiled plan's answer never holds errors: a plan hands any request that would to the engine.
            if (await TryCompiledAsync(context, request, document, operation, timeout.Token) is { } compiledBody) return new Answer(StatusCodes.Status200OK, compiledBody, Cacheable: true);
            result = await Execute(context, request, document, timeout.Token);
            if (result.Executed) documents.MarkValidated(document);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            throw new RequestError(StatusCodes.Status504GatewayTimeout, "TIMEOUT", $"The operation ran past the {limit.ExecutionTimeoutSeconds:0.##} s limit and was cancelled.");
        }

        if (result.Errors is { Count: > 0 } errors && errors.Count > limit.MaxErrors)
        {
            var kept = new ExecutionErrors();
            foreach (var error in errors.Take(limit.MaxErrors)) kept.Add(error);
            result.Errors = kept;
        }

        var body = new JsonOutput(4096);
        try
        {
            await using var stream = new JsonOutputStream(body);
            await serializer.WriteAsync(stream, result, context.RequestAborted);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        // An answer with errors is not for keeping: a timeout or a cap met under load may not recur.
        return new Answer(result.Executed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, body, Cacheable: result.Executed && result.Errors is not { Count: > 0 });
    }

    // Only documents the engine has validated once take the compiled path; the rest, and any request
    // the plan hands back, run on the engine.
    private ValueTask<JsonOutput?> TryCompiledAsync(HttpContext context, GraphQLHttpRequest request, GraphQLDocument document,
        GraphQLOperationDefinition? operation, CancellationToken cancellationToken) =>
        operation is null || !execution.Value.Compiled || !documents.IsValidated(document)
            ? ValueTask.FromResult<JsonOutput?>(null)
            : compiled.TryExecuteAsync(document, operation, request.Variables, new GraphUserContext(index.Current, limits.Value), context, cancellationToken);

    /// <summary>An answer's status code and its body, written whole; <paramref name="Cacheable"/> when it holds data and no error, so a GET of it may be kept.</summary>
    private readonly record struct Answer(int Status, JsonOutput Body, bool Cacheable = false);

    private Task<ExecutionResult> Execute(HttpContext context, GraphQLHttpRequest request, GraphQLDocument document, CancellationToken cancellationToken)
    {
        var alreadyValid = documents.IsValidated(document);
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            UserContext = new GraphUserContext(index.Current, limits.Value),
            RequestServices = context.RequestServices,
            CancellationToken = cancellationToken,
            ValidationRules = alreadyValid ? [] : null,
            CachedDocumentValidationRules = alreadyValid ? [] : null,
            UnhandledExceptionDelegate = failure =>
            {
                LogUnhandled(logger, failure.Exception, context.TraceIdentifier);
                return Task.CompletedTask;
            },
        });
    }

    // Once per request: a loop rather than a query, which would build a list of the operations each time.
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation) continue;
            if (operationName is null)
            {
                if (selected is not null) return null;
                selected = operation;
            }
            else if (operation.Name?.StringValue == operationName)
            {
                return operation;
            }
        }

        return selected;
    }

    [LoggerMessage(LogLevel.Error, "Unhandled error while executing request {RequestId}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
