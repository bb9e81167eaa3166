namespace Graph.Api.Tests.Support;

/// <summary>Waiting for a service to finish loading its graph: /health/ready answers 503 until then.</summary>
internal static class Readiness
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls /health/ready until it succeeds; fails after <paramref name="timeout"/> or once <paramref name="stopped"/> says the service is gone.</summary>
    public static async Task WaitUntilReadyAsync(this HttpClient http, TimeSpan timeout, Func<bool>? stopped = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && stopped?.Invoke() != true)
        {
            using var ready = await http.GetAsync("/health/ready");
            if (ready.IsSuccessStatusCode) return;
            await Task.Delay(Poll);
        }

        throw new TimeoutException(stopped?.Invoke() == true
            ? "The service stopped before it was ready."
            : $"The service did not become ready within {timeout.TotalSeconds:0} s.");
    }
}
