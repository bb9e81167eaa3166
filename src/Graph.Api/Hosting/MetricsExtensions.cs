using OpenTelemetry.Metrics;

namespace Graph.Api.Hosting;

/// <summary>
/// Metrics in Prometheus's text format, by OpenTelemetry's exporter: the meters ASP.NET Core, Kestrel and the
/// runtime already keep (requests by route and status with their durations, connections, collections,
/// the thread pool, memory), and the answer cache's hits, misses and size, which nothing else counts. Nothing of ours
/// is counted twice: refusals show as the requests' status codes.
/// </summary>
internal static class MetricsExtensions
{
    private static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", Endpoint.AnswerCache.MeterName];

    public static IServiceCollection AddGraphMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphMetricsOptions>().Bind(configuration.GetSection(GraphMetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Whether to listen at all is known only from the settings: the meters cost each request a little once listened to.
        if (configuration.GetSection(GraphMetricsOptions.Section).Get<GraphMetricsOptions>() is not { Enabled: false })
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        }

        return services;
    }

    public static WebApplication MapGraphMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphMetricsOptions>>().Value;
        if (options.Enabled) app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }
}
