using Graph.Api.Index;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Storage;

/// <summary>
/// The store's rows carry an optimistic concurrency token for writes: a row the seed wrote has none yet (null), and two
/// writers that change the same row from the same read still conflict, the first winning.
/// </summary>
public sealed class ConcurrencyTokenTests
{
    [Fact]
    public async Task Of_two_writers_changing_a_seeded_row_from_the_same_read_only_the_first_wins()
    {
        using var factory = new GraphApiFactory();
        factory.CreateGraphQLClient();
        await factory.AssertStoreEqualsIndexAsync();
        var id = factory.Services.GetRequiredService<GraphIndexHolder>().Current.Relationships[0].Id;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<GraphDbContext>>();

        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var firstRow = await first.Relationships.SingleAsync(r => r.Id == id);
        var secondRow = await second.Relationships.SingleAsync(r => r.Id == id);
        Assert.Null(firstRow.Version);

        (firstRow.Description, firstRow.Version) = ("changed by the first", Guid.NewGuid());
        (secondRow.Description, secondRow.Version) = ("changed by the second", Guid.NewGuid());
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var reader = await contexts.CreateDbContextAsync();
        var stored = await reader.Relationships.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(("changed by the first", firstRow.Version), (stored.Description, stored.Version));
    }
}
