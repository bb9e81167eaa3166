using Graph.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Graph.Api.Storage;

/// <summary>The durable form of the graph. Reads are served from the index, never from here.</summary>
internal sealed class GraphDbContext(DbContextOptions<GraphDbContext> options) : DbContext(options)
{
    public DbSet<EntityRecord> Entities => Set<EntityRecord>();
    public DbSet<RelationshipRecord> Relationships => Set<RelationshipRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var entity = modelBuilder.Entity<EntityRecord>();
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Kind).HasConversion(kind => EnumText<EntityKind>.Of(kind), text => Enum.Parse<EntityKind>(text));
        entity.Property(e => e.Version).IsConcurrencyToken();
        StoreAsJson(entity.Property(e => e.Aliases));
        StoreAsJson(entity.Property(e => e.Properties));

        var relationship = modelBuilder.Entity<RelationshipRecord>();
        relationship.HasKey(r => r.Id);
        relationship.Property(r => r.Type).HasConversion(type => EnumText<RelationshipType>.Of(type), text => Enum.Parse<RelationshipType>(text));
        relationship.Property(r => r.Version).IsConcurrencyToken();
        relationship.HasIndex(r => r.FromId);
        relationship.HasIndex(r => r.ToId);
        // Deleting an entity that still has relationships is refused by the store, never left dangling.
        relationship.HasOne<EntityRecord>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Restrict);
        relationship.HasOne<EntityRecord>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Restrict);
        StoreAsJson(relationship.Property(r => r.Properties));
        StoreAsJson(relationship.Property(r => r.Sources));
    }

    // Lists are never changed in place (a change assigns another list), so a list is its own snapshot:
    // copying each one, as a mutable list needs, doubled the lists held while an import is saved.
    private static void StoreAsJson<T>(PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
            value => JsonColumn<T>.ToJson(value),
            text => JsonColumn<T>.FromJson(text),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list));
}
