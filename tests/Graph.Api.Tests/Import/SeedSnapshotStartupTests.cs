using Graph.Api.Import;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

/// <summary>
/// With <c>Graph:Seed:SnapshotPath</c> set, a start keeps a snapshot of the seed's validated rows, and a
/// restart with the same seed file and build loads them from it, answering exactly as before. A snapshot
/// that is damaged, or belongs to another seed file, is not used and is written anew; one that cannot be
/// written costs nothing but a warning.
/// </summary>
public sealed class SeedSnapshotStartupTests : IDisposable
{
    // Every entity and relationship field the seed fills, the traversals, valid time, search (names found by their suffixes),
    // the graph's parts and a document's supports (both kept in the snapshot as worked out).
    private const string Questions = """
        {
          entities(first: 100) { totalCount edges { node { id kind name aliases description validTime { start { text } end { text } }
            properties { key type value } } } }
          relationships: entity(id: "china") { relationships(first: 100) { edges { direction node { id } relationship {
            id type description validTime { start { text precision } end { text } } properties { key type value } sources { paragraph document { id } } } } } }
          shortestPath(from: "xi-jinping", to: "china-belarus-industrial-park") { length steps { from { id } to { id } relationship { id } } }
          in2000: neighborhood(id: "china", asOf: "2000-06-01") { nodes { distance entity { id } } relationships { id } }
          in2014: neighborhood(id: "china", asOf: "2014-06-01") { nodes { distance entity { id } } relationships { id } }
          contains: search(text: "elaru", first: 50) { matchedName match entity { id } }
          words: search(text: "park industrial", first: 50) { matchedName match entity { id } }
          graphStatistics { componentCount largestComponentSize }
          essay: entity(id: "essay-china-belarus-relations") { ... on Document {
            all: supports(first: 100) { totalCount edges { node { id } } }
            paragraph: supports(paragraph: 3, first: 100) { totalCount edges { node { id } } }
            in2014: supports(asOf: "2014-06-01", first: 100) { totalCount edges { node { id } } } } }
        }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("graph-snapshot-startup-").FullName;

    private string SnapshotPath => Path.Combine(folder, "seed.snapshot");

    [Fact]
    public async Task A_restart_loads_the_seed_from_its_snapshot_and_answers_as_the_first_start_did()
    {
        var firstLogs = new LogCapture();
        string firstAnswers;
        using (var first = new GraphApiFactory().With("Graph:Seed:SnapshotPath", SnapshotPath).WithLogs(firstLogs))
        {
            firstAnswers = (await first.CreateGraphQLClient().QueryAsync(Questions)).ToJsonString();
            await firstLogs.WaitForAsync("Wrote the seed snapshot");
        }

        var restartLogs = new LogCapture();
        using var restart = new GraphApiFactory().With("Graph:Seed:SnapshotPath", SnapshotPath).WithLogs(restartLogs);
        var restartAnswers = (await restart.CreateGraphQLClient().QueryAsync(Questions)).ToJsonString();

        Assert.Contains(firstLogs.Messages, m => m.Contains("is not used: there is none yet", StringComparison.Ordinal));
        Assert.Contains(restartLogs.Messages, m => m.Contains("Read the seed's rows from the snapshot", StringComparison.Ordinal));
        Assert.DoesNotContain(restartLogs.Messages, m => m.Contains("Read the seed file", StringComparison.Ordinal));
        Assert.Contains("china-belarus-industrial-park", restartAnswers, StringComparison.Ordinal);
        Assert.Contains("\"match\":\"CONTAINS\"", restartAnswers, StringComparison.Ordinal);
        Assert.Contains("\"match\":\"WORDS\"", restartAnswers, StringComparison.Ordinal);
        Assert.Matches("\"paragraph\":\\{\"totalCount\":[1-9]", restartAnswers);
        Assert.Equal(firstAnswers, restartAnswers);

        // The store is written from the snapshot's rows as it is from the file's.
        await restart.AssertStoreEqualsIndexAsync();
    }

    [Fact]
    public async Task A_damaged_snapshot_is_not_used_and_is_written_anew()
    {
        string plainAnswers;
        using (var plain = new GraphApiFactory())
        {
            plainAnswers = (await plain.CreateGraphQLClient().QueryAsync(Questions)).ToJsonString();
        }

        await File.WriteAllTextAsync(SnapshotPath, "GRAPHSNP but nothing a snapshot holds");
        var logs = new LogCapture();
        using var factory = new GraphApiFactory().With("Graph:Seed:SnapshotPath", SnapshotPath).WithLogs(logs);
        var answers = (await factory.CreateGraphQLClient().QueryAsync(Questions)).ToJsonString();
        await logs.WaitForAsync("Wrote the seed snapshot");

        Assert.Equal(plainAnswers, answers);
        Assert.Contains(logs.Messages, m => m.Contains("is not used: it is not a snapshot file", StringComparison.Ordinal));
        var seedPath = Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json");
        Assert.NotNull(SeedSnapshotReader.Read(SnapshotPath, SeedFingerprint.Of(seedPath), out var refusal));
        Assert.Null(refusal);
    }

    [Fact]
    public async Task A_changed_seed_file_is_read_again_rather_than_its_old_snapshot()
    {
        var seedPath = Path.Combine(folder, "seed.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"), seedPath);
        var firstLogs = new LogCapture();
        using (var first = new GraphApiFactory().With("Graph:Seed:Path", seedPath).With("Graph:Seed:SnapshotPath", SnapshotPath).WithLogs(firstLogs))
        {
            first.CreateGraphQLClient();
            await firstLogs.WaitForAsync("Wrote the seed snapshot");
        }

        var seed = await File.ReadAllTextAsync(seedPath);
        Assert.Contains("\"name\": \"Belarus\"", seed, StringComparison.Ordinal);
        await File.WriteAllTextAsync(seedPath, seed.Replace("\"name\": \"Belarus\"", "\"name\": \"Belarus, renamed\"", StringComparison.Ordinal));
        var logs = new LogCapture();
        using var restart = new GraphApiFactory().With("Graph:Seed:Path", seedPath).With("Graph:Seed:SnapshotPath", SnapshotPath).WithLogs(logs);
        var data = await restart.CreateGraphQLClient().QueryAsync("""{ entity(id: "belarus") { name } }""");

        Assert.Equal("Belarus, renamed", data["entity"]!["name"]!.GetValue<string>());
        Assert.Contains(logs.Messages, m => m.Contains("is not used: it was made from another seed file or by another build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_written_is_reported_and_the_graph_is_served_all_the_same()
    {
        var notAFolder = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(notAFolder, "");
        var logs = new LogCapture();
        using var factory = new GraphApiFactory().With("Graph:Seed:SnapshotPath", Path.Combine(notAFolder, "seed.snapshot")).WithLogs(logs);

        var data = await factory.CreateGraphQLClient().QueryAsync("""{ entity(id: "belarus") { name } }""");
        await logs.WaitForAsync("Graph loaded");

        Assert.Equal("Belarus", data["entity"]!["name"]!.GetValue<string>());
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning: Could not write the seed snapshot", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_snapshot_path_that_cannot_be_opened_is_reported_and_the_seed_read_from_its_file()
    {
        var aFolder = Directory.CreateDirectory(Path.Combine(folder, "a-folder")).FullName;
        var logs = new LogCapture();
        using var factory = new GraphApiFactory().With("Graph:Seed:SnapshotPath", aFolder).WithLogs(logs);

        var data = await factory.CreateGraphQLClient().QueryAsync("""{ entity(id: "belarus") { name } }""");
        await logs.WaitForAsync("Graph loaded");

        Assert.Equal("Belarus", data["entity"]!["name"]!.GetValue<string>());
        Assert.Contains(logs.Messages, m => m.Contains("is not used: it cannot be opened", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning: Could not write the seed snapshot", StringComparison.Ordinal));
        Assert.True(Directory.Exists(aFolder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
