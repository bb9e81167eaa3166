namespace Graph.Api.Tests.Support;

/// <summary>
/// A seed file on disk that the import's checks refuse: its one relationship ends at 'nowhere', an
/// entity it does not have. Deleted when disposed.
/// </summary>
internal sealed class RefusedSeedFile : IDisposable
{
    public const string MissingEntity = "nowhere";

    public RefusedSeedFile() => File.WriteAllText(Path, $$"""
        {"format":"graph-seed/1",
         "entities":[{"id":"doc","kind":"DOCUMENT","name":"A document"},{"id":"somewhere","kind":"COUNTRY","name":"Somewhere"}],
         "relationships":[{"id":"r1","type":"DIPLOMATIC_RELATIONS","from":"somewhere","to":"{{MissingEntity}}","sources":[{"document":"doc","paragraph":1}]}]}
        """);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"graph-refused-seed-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(Path);
}
