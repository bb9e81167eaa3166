using Graph.Bench;

namespace Graph.Api.Tests.Support;

/// <summary>
/// A seed file of the benchmarks' generated graph (<see cref="SyntheticGraph"/>): deterministic for its
/// sizes and seed, with hubs, dated relationships and every kind. Deleted when disposed.
/// </summary>
internal sealed class SyntheticSeedFile : IDisposable
{
    public SyntheticSeedFile(int entities, int relationships, int seed) => SyntheticGraph.Write(Path, entities, relationships, seed);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"graph-synthetic-seed-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(Path);
}
