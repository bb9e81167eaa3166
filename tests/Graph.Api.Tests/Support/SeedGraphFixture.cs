namespace Graph.Api.Tests.Support;

/// <summary>One read-only service for the tests that only read the seed graph.</summary>
public sealed class SeedGraphFixture : IDisposable
{
    public GraphApiFactory Factory { get; } = new();

    public GraphQLClient Client => Factory.CreateGraphQLClient();

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SeedGraphTests : ICollectionFixture<SeedGraphFixture>
{
    public const string Name = "seed graph";
}
