using Microsoft.EntityFrameworkCore;

namespace Graph.Api.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddGraphStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        // The in-memory root is per service provider so each test host gets its own store.
        var root = new Microsoft.EntityFrameworkCore.Storage.InMemoryDatabaseRoot();
        services.AddDbContextFactory<GraphDbContext>(db => db.UseInMemoryDatabase(options.DatabaseName, root));
        services.AddSingleton<GraphStore>();
        return services;
    }
}
