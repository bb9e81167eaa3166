namespace Graph.Api.Tests.Support;

/// <summary>
/// A service loaded with a generated graph (<see cref="SyntheticSeedFile"/>) for the tests of one class:
/// each class fixes the graph's sizes and seed in a parameterless subclass, as xunit's class fixtures need.
/// </summary>
public abstract class SyntheticGraphService : IDisposable
{
    private readonly SyntheticSeedFile file;
    private readonly GraphApiFactory factory;

    protected SyntheticGraphService(int entities, int relationships, int seed)
    {
        file = new SyntheticSeedFile(entities, relationships, seed);
        factory = new GraphApiFactory().With("Graph:Seed:Path", file.Path);
        Client = factory.CreateGraphQLClient();
    }

    public GraphQLClient Client { get; }

    /// <summary>The seed file the service loaded.</summary>
    public string SeedPath => file.Path;

    public void Dispose()
    {
        factory.Dispose();
        file.Dispose();
        GC.SuppressFinalize(this);
    }
}
