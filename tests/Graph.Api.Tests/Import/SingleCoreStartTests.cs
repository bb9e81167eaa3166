using System.Net.Http.Json;
using System.Text.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

/// <summary>
/// A container limited to one CPU gives .NET one processor. A seed large enough to be read in runs
/// (more than 8 MB) is then read by the splitter and its runs taking turns on that core, and checked
/// and indexed on it: the service must still load it whole and serve it.
/// </summary>
public sealed class SingleCoreStartTests
{
    [Fact]
    public async Task On_one_processor_a_seed_read_in_runs_is_loaded_whole()
    {
        using var seed = new SyntheticSeedFile(6_000, 100_000, seed: 31);
        Assert.True(new FileInfo(seed.Path).Length > 2L * Graph.Api.Import.SeedReader.RunBytes, "the seed must span several runs");
        var environment = new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1", ["Graph__Seed__Path"] = seed.Path };
        using var service = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path, environment);
        using var http = new HttpClient { BaseAddress = service.Address };
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        using var answer = await http.PostAsJsonAsync("/graphql", new { query = "{ graphStatistics { entityCount relationshipCount } }" });
        var statistics = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("graphStatistics");
        // The generator writes one source document besides the entities asked for.
        Assert.Equal(6_001, statistics.GetProperty("entityCount").GetInt32());
        Assert.Equal(100_000, statistics.GetProperty("relationshipCount").GetInt32());
    }
}
