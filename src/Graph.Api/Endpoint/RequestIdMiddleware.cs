using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Graph.Api.Endpoint;

/// <summary>
/// Gives every request an id (the caller's X-Request-Id when it is sane) that is echoed in the
/// X-Request-Id header, included in every error, and logged with method, path, status and time,
/// so a user can quote it and an operator can find the request.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, RefusedRequestsReport refusals, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,64}\z")]
    private static partial Regex SaneId();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[Header].ToString() is { Length: > 0 } given && SaneId().IsMatch(given))
        {
            context.TraceIdentifier = given;
        }

        context.Response.Headers[Header] = context.TraceIdentifier;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = context.Response.StatusCode;
            // A fault or a timeout is logged at Warning, a slow request at Information. The rest go at Debug:
            // a successful request, so that a busy service does not spend its time writing a line each;
            // and a refused one, which its client was told about, counted for a summary instead.
            var level = status >= 500 && status != StatusCodes.Status503ServiceUnavailable ? LogLevel.Warning
                : elapsed > SlowRequest ? LogLevel.Information
                : LogLevel.Debug;
            // Health probes are answered, not refused: a 503 there says the graph is still loading.
            if (status >= 400 && level == LogLevel.Debug && !context.Request.Path.StartsWithSegments("/health")) refusals.Count(status);
            if (logger.IsEnabled(level))
            {
                var path = context.Request.Path.Value ?? "/";
                LogRequest(logger, level, context.Request.Method, path, status, elapsed.TotalMilliseconds, context.TraceIdentifier);
            }
        }
    }

    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    [LoggerMessage("{Method} {Path} answered {Status} in {Milliseconds:0.0} ms (request {RequestId})")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string path, int status, double milliseconds, string requestId);
}
