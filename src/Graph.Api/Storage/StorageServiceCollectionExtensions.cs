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
        // The model is compiled ahead of time (Storage/CompiledModel, made by `dotnet ef dbcontext optimize`):
        // building it from OnModelCreating took about half a second of every start, before the store
        // could answer whether it is empty. A test fails when the two differ.
        services.AddDbContextFactory<GraphDbContext>(db => db.UseInMemoryDatabase(options.DatabaseName, root).UseModel(CompiledModel.GraphDbContextModel.Instance));
        services.AddSingleton<StoreContexts>();
        services.AddSingleton<GraphStore>();
        return services;
    }
}
