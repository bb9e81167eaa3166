using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Graph.Api.Endpoint;

/// <summary>Health checks, CORS and request ids: the parts of the HTTP edge around the GraphQL endpoint.</summary>
internal static class HostingExtensions
{
    public const string CorsPolicy = "graph-frontends";

    public static IServiceCollection AddGraphHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks().AddCheck<IndexReadyHealthCheck>("index", tags: ["ready"]);
        var origins = configuration.GetSection(GraphCorsOptions.Section).Get<GraphCorsOptions>()?.AllowedOrigins ?? [];
        if (origins.Any(o => o.Trim() == "*"))
        {
            throw new InvalidOperationException($"{GraphCorsOptions.Section}:AllowedOrigins lists '*'; name each allowed origin instead.");
        }

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept", "X-Request-Id")
            .WithExposedHeaders("X-Request-Id", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
