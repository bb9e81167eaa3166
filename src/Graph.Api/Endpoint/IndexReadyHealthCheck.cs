using Graph.Api.Index;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Graph.Api.Endpoint;

/// <summary>Ready once the graph index has been built from the store.</summary>
internal sealed class IndexReadyHealthCheck(GraphIndexHolder index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady ? HealthCheckResult.Healthy("The graph index is built.") : HealthCheckResult.Unhealthy("The graph is still loading."));
}
