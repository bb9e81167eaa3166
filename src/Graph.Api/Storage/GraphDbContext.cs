using System.Text.Json;
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
        entity.Property(e => e.Kind).HasConversion<string>();
        entity.Property(e => e.Version).IsConcurrencyToken();
        StoreAsJson(entity.Property(e => e.Aliases));
        StoreAsJson(entity.Property(e => e.Properties));

        var relationship = modelBuilder.Entity<RelationshipRecord>();
        relationship.HasKey(r => r.Id);
        relationship.Property(r => r.Type).HasConversion<string>();
        relationship.Property(r => r.Version).IsConcurrencyToken();
        relationship.HasIndex(r => r.FromId);
        relationship.HasIndex(r => r.ToId);
        // Deleting an entity that still has relationships is refused by the store, never left dangling.
        relationship.HasOne<EntityRecord>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Restrict);
        relationship.HasOne<EntityRecord>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Restrict);
        StoreAsJson(relationship.Property(r => r.Properties));
        StoreAsJson(relationship.Property(r => r.Sources));
    }

    private static void StoreAsJson<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
            text => JsonSerializer.Deserialize<List<T>>(text, JsonSerializerOptions.Default) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()));
}
