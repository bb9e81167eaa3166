using Graph.Api.Index;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Storage;

public sealed class StoreRoundTripTests
{
    [Theory]
    [InlineData(null)] // the default batch: the seed's rows in one save per table
    [InlineData("5")] // five rows at a time: many saves, each tracked only until it is saved
    public async Task Every_row_read_back_from_the_store_equals_what_the_index_serves(string? saveBatchRows)
    {
        using var factory = new GraphApiFactory();
        if (saveBatchRows is not null) factory.With("Graph:Seed:SaveBatchRows", saveBatchRows);
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

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void A_save_batch_of_no_rows_stops_the_service_with_a_message(string saveBatchRows)
    {
        using var factory = new GraphApiFactory().With("Graph:Seed:SaveBatchRows", saveBatchRows);

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("SaveBatchRows", refused.Message, StringComparison.Ordinal);
    }
}
