using Graph.Api.Index;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Graph.Api.Endpoint;

/// <summary>
/// Ready once the graph index has been built from the store. While it loads the service is degraded,
/// not unhealthy: it is alive and answers, only not yet with data. /health/ready answers 503 for
/// both; a readiness probe polling a large graph's load then logs warnings (filtered out by default),
/// not an error per poll.
/// </summary>
internal sealed class IndexReadyHealthCheck(GraphIndexHolder index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady ? HealthCheckResult.Healthy("The graph index is built.") : HealthCheckResult.Degraded("The graph is still loading."));
}
