using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>Server limits, health checks, CORS and request ids: the parts of the HTTP edge around the GraphQL endpoint.</summary>
internal static class HostingExtensions
{
    public const string CorsPolicy = "graph-frontends";

    public static IServiceCollection AddGraphHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            // Slow or oversized clients are dropped by the server itself, before any endpoint code runs.
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = limits.Value.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxRequestHeaderBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.Value.RequestHeadersTimeoutSeconds);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.Value.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5));
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(limits.Value.KeepAliveTimeoutSeconds);
            kestrel.Limits.MaxConcurrentConnections = limits.Value.MaxConnections == 0 ? null : limits.Value.MaxConnections;
        });
        services.AddSingleton<RefusedRequestsReport>();
        services.AddHealthChecks().AddCheck<IndexReadyHealthCheck>("index", tags: ["ready"]);
        var origins = configuration.GetSection(GraphCorsOptions.Section).Get<GraphCorsOptions>()?.AllowedOrigins ?? [];
        if (origins.Any(o => o.Trim() == "*"))
        {
            throw new OptionsValidationException(GraphCorsOptions.Section, typeof(GraphCorsOptions),
                [$"{GraphCorsOptions.Section}:AllowedOrigins lists '*'; name each allowed origin instead."]);
        }

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept", "X-Request-Id")
            .WithExposedHeaders("X-Request-Id", "Retry-After", CostHeader.Name, "ETag", AnswerCache.HeaderName)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
