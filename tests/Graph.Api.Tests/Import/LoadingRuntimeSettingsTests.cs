using System.Text.Json.Nodes;
using Graph.Api.Tests.Schema;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The service's runtimeconfig carries the tiering and collector settings a large load is measured with (README, "Runtime
/// settings for large seeds"), so every way of starting it has them, not only those that set environment variables; and
/// the README's `dotnet run` has the one setting the runtime takes only from the environment.
/// </summary>
public sealed class LoadingRuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredCompilation.CallCountThreshold", 200)]
    [InlineData("System.GC.Server", null)]
    [InlineData("System.GC.DynamicAdaptationMode", 0)]
    public void The_service_runtimeconfig_sets(string property, int? value)
    {
        // The build copies the service's runtimeconfig next to the tests, as it does beside Graph.Api.dll.
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Graph.Api.runtimeconfig.json")))!;

        var set = config["runtimeOptions"]!["configProperties"]![property];

        Assert.NotNull(set);
        if (value is { } number) Assert.Equal(number, set.GetValue<int>());
        else Assert.True(set.GetValue<bool>());
    }

    [Fact]
    public void The_launch_profile_gives_the_young_generation_a_64_MiB_floor()
    {
        // The runtime reads this setting only from the environment (it has no runtimeconfig name), so the README's
        // `dotnet run` gets it from the launch profile; it is read as hexadecimal, with or without the 0x.
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "Graph.Api", "Properties", "launchSettings.json")))!;

        var set = profile["profiles"]!["Graph.Api"]!["environmentVariables"]?["DOTNET_GCgen0size"]?.GetValue<string>();

        Assert.NotNull(set);
        Assert.Equal(64L << 20, Convert.ToInt64(set, 16));
    }
}
