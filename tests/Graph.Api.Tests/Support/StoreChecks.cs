using Graph.Api.Index;
using Graph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Support;

internal static class StoreChecks
{
    /// <summary>
    /// Waits (bounded) until the seed's rows are saved (the index is served before), then requires every
    /// stored row to equal what the index serves, field for field.
    /// </summary>
    public static async Task AssertStoreEqualsIndexAsync(this GraphApiFactory factory)
    {
        var index = factory.Services.GetRequiredService<GraphIndexHolder>().Current;
        var store = factory.Services.GetRequiredService<GraphStore>();
        var (entities, relationships) = await store.LoadAllAsync(CancellationToken.None);
        // Both counts: the two tables are read one after the other while the save goes on, so a read can find
        // the relationships complete and the entities not (a delay between the two queries on a busy machine).
        for (var attempt = 0; attempt < 300 && (entities.Count < index.Entities.Count || relationships.Count < index.Relationships.Count); attempt++)
        {
            await Task.Delay(100);
            (entities, relationships) = await store.LoadAllAsync(CancellationToken.None);
        }

        Assert.Equal(index.Entities.Count, entities.Count);
        Assert.Equal(index.Relationships.Count, relationships.Count);
        Assert.Contains(relationships, r => r.Properties.Count > 0);
        foreach (var record in relationships)
        {
            var served = index.FindRelationship(record.Id)!.ToModel();
            var read = RecordMapping.ToRelationship(record);
            Assert.Equal((served.Type, served.FromId, served.ToId, served.Description, served.ValidTime), (read.Type, read.FromId, read.ToId, read.Description, read.ValidTime));
            Assert.Equal(served.Properties, read.Properties);
            Assert.Equal(served.Sources, read.Sources);
        }

        foreach (var record in entities)
        {
            var served = index.FindEntity(record.Id)!.Entity;
            Assert.Equal((served.Kind, served.Name, served.Description, served.ValidTime), (record.Kind, record.Name, record.Description, RecordMapping.ToEntity(record).ValidTime));
            Assert.Equal(served.Aliases, record.Aliases);
            Assert.Equal(served.Properties, record.Properties);
        }
    }
}
