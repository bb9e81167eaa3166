using System.Runtime.CompilerServices;
using Graph.Api.Schema;
using GraphQL.Instrumentation;
using GraphQL.Validation;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Graph.Api.Execution;

/// <summary>
/// The fast path for queries: a validated document's operation is compiled once into selection
/// plans that call the schema's own resolvers and write JSON directly, skipping the engine's
/// per-field execution tree. Whenever the answer would need the engine (errors, nulls where the
/// schema forbids them, introspection, directives) the attempt is dropped and the caller runs the
/// engine, so both paths always give the same response.
/// </summary>
internal sealed partial class CompiledExecutor(GraphSchema schema, IDocumentValidator validator, IOptions<CompiledExecutionOptions> options,
    ILogger<CompiledExecutor> logger)
{
    private const int MaxSizeHint = 4 * 1024 * 1024;
    private static readonly byte[] DataKey = [(byte)'{', .. JsonOutput.PropertyName("data")];
    // Plans live as long as their operation's document: the document cache bounds both, and a plan
    // cannot keep a document alive after the cache has let it go (or outlive a document parsed for one request).
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, CompiledOperation?> plans = [];
    private long compiledRuns;
    private long fallBacks;

    /// <summary>Requests answered by a compiled plan (for tests and diagnostics).</summary>
    public long CompiledRuns => Interlocked.Read(ref compiledRuns);

    /// <summary>Plans whose operation is still alive (for tests: plans must not outlive the document cache).</summary>
    public int LivePlans => plans.Count();

    /// <summary>Attempts handed back to the engine.</summary>
    public long FallBacks => Interlocked.Read(ref fallBacks);

    /// <summary>
    /// Runs <paramref name="operation"/> (a query of an already validated document) and returns the
    /// response body, or null when the engine must answer instead. The caller disposes the buffer.
    /// </summary>
    public async ValueTask<JsonOutput?> TryExecuteAsync(GraphQLDocument document, GraphQLOperationDefinition operation,
        Inputs? variables, GraphUserContext userContext, HttpContext http, CancellationToken cancellationToken)
    {
        var compiled = PlanFor(document, operation);
        if (compiled is null) return null;
        var plan = compiled.Root;

        // Variables of simple types are coerced here; the rest go through the engine's validator,
        // which also reports any value that does not coerce (and the engine then answers).
        var coerced = compiled.Variables?.TryCoerce(variables);
        if (coerced is null)
        {
            var validation = await validator.ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = [],
                Variables = variables ?? Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = userContext,
                RequestServices = http.RequestServices,
                User = http.User,
                Metrics = Metrics.None,
                CancellationToken = cancellationToken,
            });
            if (!validation.IsValid) return Dropped(null);
            coerced = validation.Variables ?? Variables.None;
        }

        var buffer = new JsonOutput(plan.ResponseSizeHint);
        try
        {
            var template = PlanRunner.Template(schema, document, operation, coerced, userContext, http.RequestServices, http.User, cancellationToken);
            buffer.WriteRaw(DataKey);
            new PlanRunner(buffer, template).WriteObject(null, plan, 0);
            buffer.WriteEndObject();

            plan.ResponseSizeHint = Math.Clamp(buffer.WrittenCount + (buffer.WrittenCount / 4), 4096, MaxSizeHint);
            Interlocked.Increment(ref compiledRuns);
            return buffer;
        }
        catch (OperationCanceledException)
        {
            buffer.Dispose();
            throw;
        }
        catch (NotCompilableException notCompilable)
        {
            plans.AddOrUpdate(operation, null);
            LogHandedBack(logger, notCompilable.Message);
            return Dropped(buffer);
        }
#pragma warning disable CA1031 // Any failure is the engine's to report: it runs the same resolvers and shapes the error.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogHandedBack(logger, failure.Message);
            return Dropped(buffer);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Compiled plan handed the request back to the engine: {Reason}")]
    private static partial void LogHandedBack(ILogger logger, string reason);

    private JsonOutput? Dropped(JsonOutput? buffer)
    {
        buffer?.Dispose();
        Interlocked.Increment(ref fallBacks);
        return null;
    }

    private CompiledOperation? PlanFor(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (plans.TryGetValue(operation, out var plan)) return plan;
        plan = Compile(document, operation);
        plans.AddOrUpdate(operation, plan);
        return plan;
    }

    private CompiledOperation? Compile(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (!schema.Initialized) schema.Initialize();
        if (operation.Operation != OperationType.Query || operation.Directives is { Count: > 0 } || schema.Query is null) return null;
        try
        {
            return new CompiledOperation(new PlanCompiler(schema, document, options.Value.CodeAfterRuns).Compile(schema.Query, [operation.SelectionSet]),
                OperationVariables.For(schema, document, operation));
        }
        catch (NotCompilableException notCompilable)
        {
            LogHandedBack(logger, notCompilable.Message);
            return null;
        }
    }
}
