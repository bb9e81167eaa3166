using System.Diagnostics;

namespace Graph.Api.Endpoint;

/// <summary>
/// Counts the requests the service refused (4xx) and those it turned away for load (429, 503) and
/// reports them in one log line at most every ten seconds: the first refusal after a quiet spell at
/// once, the rest with the next refusal after the interval. A line for each would make a flood of
/// bad or surplus requests cost twice the CPU of good ones, and fill the disk with the operator's log.
/// </summary>
internal sealed partial class RefusedRequestsReport(ILogger<RefusedRequestsReport> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private long refused;
    private long turnedAway;
    private long lastReport = Stopwatch.GetTimestamp() - Stopwatch.Frequency * (long)Interval.TotalSeconds;

    public void Count(int status)
    {
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable) Interlocked.Increment(ref turnedAway);
        else Interlocked.Increment(ref refused);

        var last = Interlocked.Read(ref lastReport);
        var now = Stopwatch.GetTimestamp();
        // One thread wins the interval's report; the others only count.
        if (Stopwatch.GetElapsedTime(last, now) < Interval || Interlocked.CompareExchange(ref lastReport, now, last) != last) return;
        LogRefused(logger, Interlocked.Exchange(ref refused, 0), Interlocked.Exchange(ref turnedAway, 0));
    }

    [LoggerMessage(LogLevel.Information, "Refused {Refused} requests (4xx) and turned away {TurnedAway} for load (429, 503) since the last report; each is logged at Debug.")]
    private static partial void LogRefused(ILogger logger, long refused, long turnedAway);
}
