using Microsoft.EntityFrameworkCore;

namespace Graph.Api.Storage;

/// <summary>
/// The store's contexts, made by EF Core's context factory, which is resolved on first use: resolving it builds EF Core's
/// options and the store's compiled model, two hundred methods compiled on a start, and nothing reads or writes the store
/// before the index serves.
/// </summary>
internal sealed class StoreContexts(IServiceProvider services)
{
    // Resolved at most twice if two threads race here, which gives the same singleton both times.
    private IDbContextFactory<GraphDbContext>? factory;

    public Task<GraphDbContext> CreateAsync(CancellationToken cancellationToken) =>
        (factory ??= services.GetRequiredService<IDbContextFactory<GraphDbContext>>()).CreateDbContextAsync(cancellationToken);
}
