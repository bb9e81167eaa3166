using Graph.Api.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// The one error policy for execution errors: every error carries a stable code and the request id;
/// an unexpected exception is reported as INTERNAL with no type, message or stack trace unless
/// the service runs in Development; with introspection off, no field names are suggested; a refused
/// Date says how one is written.
/// </summary>
internal sealed class GraphErrorInfoProvider(IHttpContextAccessor http, IHostEnvironment environment, IOptions<LimitsOptions> limits)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeCode = true, ExposeCodes = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        if (executionError is UnhandledError unhandled && !environment.IsDevelopment())
        {
            info.Message = $"An internal error occurred while resolving this field. Quote request id {http.HttpContext?.TraceIdentifier} when reporting it.";
            extensions["code"] = ErrorCodes.Internal;
        }
        else if (executionError is UnhandledError && environment.IsDevelopment())
        {
            extensions["code"] = ErrorCodes.Internal;
            extensions["exception"] = executionError.InnerException?.ToString();
        }

        // Suggestions would reveal the schema that turning introspection off is meant to hide.
        if (!limits.Value.Introspection && info.Message.IndexOf(" Did you mean", StringComparison.Ordinal) is var at and >= 0)
        {
            info.Message = info.Message[..at];
        }

        if (RefusesADate(executionError)) info.Message = $"{info.Message.TrimEnd('.')}. {DateScalar.Form}";

        if (http.HttpContext?.TraceIdentifier is { } requestId) extensions["requestId"] = requestId;
        info.Extensions = extensions;
        return info;
    }

    // The engine's two refusals of a value for a Date: a literal in the document, and a variable's value.
    // The hint is added here, not thrown by the scalar: GraphQL.NET writes both messages itself and drops
    // what the scalar's parsing throws (an exception from its literal check even becomes an internal error).
    private static bool RefusesADate(ExecutionError error) =>
        error switch
        {
            ArgumentsOfCorrectTypeError => error.Message.Contains("Expected type 'Date'", StringComparison.Ordinal),
            InvalidVariableError => error.Message.Contains(" to 'Date'", StringComparison.Ordinal),
            _ => false,
        };
}

/// <summary>Codes the endpoint itself assigns (GraphQL.NET assigns the validation ones).</summary>
internal static class ErrorCodes
{
    public const string Internal = "INTERNAL";
    public const string SyntaxError = "SYNTAX_ERROR";
}
