using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Graph.Api.Endpoint;

/// <summary>
/// Gives every request an id (the caller's X-Request-Id when it is sane) that is echoed in the
/// X-Request-Id header, included in every error, and logged with method, path, status and time,
/// so a user can quote it and an operator can find the request.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
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
            // Failures and slow requests are logged at Information; the rest at Debug, so that a busy
            // service does not spend its time writing a line per successful request.
            var level = context.Response.StatusCode >= 400 || elapsed > SlowRequest ? LogLevel.Information : LogLevel.Debug;
            if (logger.IsEnabled(level))
            {
                var path = context.Request.Path.Value ?? "/";
                LogRequest(logger, level, context.Request.Method, path, context.Response.StatusCode, elapsed.TotalMilliseconds, context.TraceIdentifier);
            }
        }
    }

    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    [LoggerMessage("{Method} {Path} answered {Status} in {Milliseconds:0.0} ms (request {RequestId})")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string path, int status, double milliseconds, string requestId);
}
