using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The service's runtimeconfig carries the tiering and collector settings a large load is measured with (README, "Runtime
/// settings for large seeds"), so every way of starting it has them, not only those that set environment variables.
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
}
