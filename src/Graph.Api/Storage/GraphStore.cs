using Microsoft.EntityFrameworkCore;

namespace Graph.Api.Storage;

/// <summary>Reads the whole store, for building the index.</summary>
internal sealed class GraphStore(IDbContextFactory<GraphDbContext> contexts)
{
    public async Task<(List<EntityRecord> Entities, List<RelationshipRecord> Relationships)> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entities = await db.Entities.AsNoTracking().ToListAsync(cancellationToken);
        var relationships = await db.Relationships.AsNoTracking().ToListAsync(cancellationToken);
        return (entities, relationships);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.Entities.AnyAsync(cancellationToken);
    }
}
