namespace Graph.Api.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddGraphImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Index.GraphIndexHolder>();
        services.AddSingleton<GraphImporter>();
        services.AddSingleton<SeedSnapshots>();
        services.AddSingleton<SeedRead>();
        services.AddHostedService<GraphStartup>();
        return services;
    }
}
