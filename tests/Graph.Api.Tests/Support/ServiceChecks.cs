namespace Graph.Api.Tests.Support;

internal static class ServiceChecks
{
    /// <summary>After an abusive request: a plain query still answers right and the graph is as seeded.</summary>
    public static async Task AssertStillServesUnchangedAsync(this GraphQLClient client)
    {
        var data = await client.QueryAsync("{ __typename entity(id: \"belarus\") { name } graphStatistics { entityCount relationshipCount } }");
        Assert.Equal("Query", data["__typename"]!.GetValue<string>());
        Assert.Equal("Belarus", data["entity"]!["name"]!.GetValue<string>());
        Assert.Equal(22, data["graphStatistics"]!["entityCount"]!.GetValue<int>());
        Assert.Equal(42, data["graphStatistics"]!["relationshipCount"]!.GetValue<int>());
    }
}
