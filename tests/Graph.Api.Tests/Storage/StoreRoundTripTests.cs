using Graph.Api.Tests.Support;

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

        await factory.AssertStoreEqualsIndexAsync();
    }
}
