using Graph.Api.Index;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Storage;

public sealed class StoreRoundTripTests
{
    [Fact]
    public async Task Every_row_read_back_from_the_store_equals_what_the_index_serves()
    {
        using var factory = new GraphApiFactory();
        factory.CreateGraphQLClient();
        var index = factory.Services.GetRequiredService<GraphIndexHolder>().Current;
        var store = factory.Services.GetRequiredService<GraphStore>();

        // The seed's index is served before its rows are saved; wait (bounded) until they are.
        var (entities, relationships) = await store.LoadAllAsync(CancellationToken.None);
        for (var attempt = 0; attempt < 300 && relationships.Count < index.Relationships.Count; attempt++)
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
