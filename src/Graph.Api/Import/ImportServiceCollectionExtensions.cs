using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

internal static class ImportServiceCollectionExtensions
{
    // earlyRead: the seed's read if Program began it before the host was built; the host takes it if its settings name the same seed.
    public static IServiceCollection AddGraphImport(this IServiceCollection services, IConfiguration configuration, EarlySeedRead? earlyRead = null)
    {
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Index.GraphIndexHolder>();
        services.AddSingleton<GraphImporter>();
        services.AddSingleton<SeedSnapshots>();
        if (earlyRead is null)
        {
            services.AddSingleton<SeedRead>();
        }
        else
        {
            services.AddSingleton(provider => earlyRead.Take(provider.GetRequiredService<IOptions<SeedOptions>>().Value, provider.GetRequiredService<ILoggerFactory>())
                ?? ActivatorUtilities.CreateInstance<SeedRead>(provider));
        }

        services.AddHostedService<GraphStartup>();
        return services;
    }
}
