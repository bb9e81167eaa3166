using System.Net.Http.Json;
using Graph.Api.Import;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Import;

/// <summary>
/// With a seed snapshot configured, the seed's read begins before the host is built (<see cref="EarlySeedRead"/>). The
/// service run as a process of its own takes that read and says so, and logs what the read logged before its logging
/// existed. A host whose settings name another seed reads for itself; without a snapshot nothing begins early.
/// </summary>
public sealed class EarlySeedReadTests : IDisposable
{
    private const string Question = """{ entity(id: "belarus") { name relationships(first: 5) { totalCount } } graphStatistics { entityCount relationshipCount } }""";

    private readonly string folder = Directory.CreateTempSubdirectory("graph-early-read-").FullName;

    private string SnapshotPath => Path.Combine(folder, "seed.snapshot");

    [Fact]
    public async Task The_service_takes_the_read_begun_before_its_host_on_both_the_first_start_and_a_restart()
    {
        var environment = new Dictionary<string, string> { ["Graph__Seed__SnapshotPath"] = SnapshotPath };
        string firstAnswer;
        using (var first = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path, environment))
        {
            firstAnswer = await AskAsync(first);
            await first.WaitForOutputAsync("Wrote the seed snapshot", TimeSpan.FromSeconds(30));
            Assert.Contains("The seed's read began before the host was built", first.Output, StringComparison.Ordinal);
            // Logged by the read before the host's logging existed, and passed on once the host took it.
            Assert.Contains("is not used: there is none yet", first.Output, StringComparison.Ordinal);
        }

        using var restart = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path, environment);
        var restartAnswer = await AskAsync(restart);

        Assert.Contains("The seed's read began before the host was built", restart.Output, StringComparison.Ordinal);
        Assert.Contains("Read the seed's rows from the snapshot", restart.Output, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Belarus\"", restartAnswer, StringComparison.Ordinal);
        Assert.Equal(firstAnswer, restartAnswer);
    }

    [Fact]
    public async Task A_host_whose_settings_name_the_same_seed_takes_the_early_read_and_its_log()
    {
        using var early = EarlySeedRead.BeginIfSnapshot(Settings(SnapshotPath));
        Assert.NotNull(early);
        var logs = new LogCapture();
        await using var host = Host(Settings(SnapshotPath), early, logs);

        var read = host.GetRequiredService<SeedRead>();
        var load = await read.Take();

        Assert.NotNull(load);
        Assert.Contains(logs.Messages, m => m.Contains("The seed's read began before the host was built", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("is not used: there is none yet", StringComparison.Ordinal));
        // Decided once: the host took it.
        Assert.Null(early.Take(new SeedOptions { SnapshotPath = SnapshotPath }, host.GetRequiredService<ILoggerFactory>()));
    }

    [Fact]
    public async Task A_host_whose_settings_name_another_snapshot_stops_the_early_read_and_reads_for_itself()
    {
        using var early = EarlySeedRead.BeginIfSnapshot(Settings(SnapshotPath));
        Assert.NotNull(early);
        var logs = new LogCapture();
        var otherSnapshot = Path.Combine(folder, "other.snapshot");
        await using var host = Host(Settings(otherSnapshot), early, logs);

        var load = await host.GetRequiredService<SeedRead>().Take();

        Assert.NotNull(load);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("began before the host was built", StringComparison.Ordinal));
        // The host's own read looked for its own snapshot; none of the early read's log reached the host.
        Assert.Contains(logs.Messages, m => m.Contains(otherSnapshot, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(SnapshotPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "true")]
    [InlineData("  ", "true")]
    [InlineData("seed.snapshot", "false")]
    [InlineData("seed.snapshot", "sometimes")]
    public void Without_a_snapshot_for_a_seed_to_load_nothing_begins_early(string? snapshotPath, string enabled)
    {
        var settings = new Dictionary<string, string?> { ["Graph:Seed:Enabled"] = enabled, ["Graph:Seed:SnapshotPath"] = snapshotPath };

        Assert.Null(EarlySeedRead.BeginIfSnapshot(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IConfiguration Settings(string snapshotPath) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:Seed:SnapshotPath"] = snapshotPath }).Build();

    /// <summary>The import's services as the host registers them, with the early read, logging to <paramref name="logs"/>.</summary>
    private static ServiceProvider Host(IConfiguration settings, EarlySeedRead? early, LogCapture logs) =>
        new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddGraphImport(settings, early)
            .BuildServiceProvider();

    private static async Task<string> AskAsync(RunningService service)
    {
        using var http = new HttpClient { BaseAddress = service.Address };
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var answer = await http.PostAsJsonAsync("/graphql", new { query = Question });
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadAsStringAsync();
    }
}
