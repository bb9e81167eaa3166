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
        var set = ConfigProperty(property);

        Assert.NotNull(set);
        if (value is { } number) Assert.Equal(number, set.GetValue<int>());
        else Assert.True(set.GetValue<bool>());
    }

    [Fact]
    public void The_young_generations_floor_is_64_MiB_written_in_hexadecimal()
    {
        var set = ConfigProperty("GCgen0size");

        // The runtime reads this setting as hexadecimal in any form: a decimal 67108864 would ask for 1.7 GB.
        Assert.NotNull(set);
        var text = set.GetValue<string>();
        Assert.StartsWith("0x", text, StringComparison.Ordinal);
        Assert.Equal(64L << 20, Convert.ToInt64(text[2..], 16));
    }

    // The build copies the service's runtimeconfig next to the tests, as it does beside Graph.Api.dll.
    private static JsonNode? ConfigProperty(string property) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Graph.Api.runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]![property];
}
