using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Graph.Api.Endpoint;

/// <summary>
/// ASP.NET Core's response compression for the service's answers. A neighbourhood drawn for a graph
/// view is 100 KB or more of JSON that repeats its field names; compressed it is a small part of that,
/// which is what a browser across a real network waits for.
/// </summary>
internal static class ResponseCompressionExtensions
{
    public static IServiceCollection AddGraphResponseCompression(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphCompressionOptions>(configuration.GetSection(GraphCompressionOptions.Section));
        services.AddResponseCompression(options =>
        {
            // No answer holds a secret (there are no credentials or sessions), so compressing over HTTPS
            // gives a BREACH-style attack nothing to recover.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, ResponseMediaType.GraphQLResponse];
        });
        // The fastest levels: the answers are made per request, and time spent compressing is time not answering.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseGraphResponseCompression(this IApplicationBuilder app)
    {
        var enabled = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphCompressionOptions>>().Value.Enabled;
        return enabled ? app.UseResponseCompression() : app;
    }
}
