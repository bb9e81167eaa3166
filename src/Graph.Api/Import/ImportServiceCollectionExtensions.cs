namespace Graph.Api.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddGraphImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<Index.GraphIndexHolder>();
        services.AddSingleton<GraphImporter>();
        services.AddHostedService<GraphStartup>();
        return services;
    }
}
