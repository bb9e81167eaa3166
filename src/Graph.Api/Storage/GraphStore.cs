using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Graph.Api.Storage;

/// <summary>Reads the whole store, for building the index, and says whether it holds anything when the service starts.</summary>
internal sealed class GraphStore(StoreContexts contexts, IOptions<StorageOptions> storage)
{
    public async Task<(List<EntityRecord> Entities, List<RelationshipRecord> Relationships)> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var entities = await db.Entities.AsNoTracking().ToListAsync(cancellationToken);
        var relationships = await db.Relationships.AsNoTracking().ToListAsync(cancellationToken);
        return (entities, relationships);
    }

    /// <summary>
    /// Whether the store holds nothing yet, asked at startup before the seed is written. A store that does not outlive
    /// the process (the in-memory one: each host has its own) holds nothing then, so it is not asked: the question is
    /// EF Core's first query, 0.5–0.7 s of a core while the runtime compiles it, on the way to ready. A durable store is asked.
    /// </summary>
    public async Task<bool> IsEmptyAtStartAsync(CancellationToken cancellationToken)
    {
        if (!storage.Value.IsDurable) return true;
        await using var db = await contexts.CreateAsync(cancellationToken);
        return !await db.Entities.AnyAsync(cancellationToken);
    }
}
