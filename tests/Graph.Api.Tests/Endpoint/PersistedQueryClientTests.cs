using System.Diagnostics;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Schema;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Automatic persisted queries as the clients themselves speak them: Apollo Client's persisted-query link and
/// urql's persistedExchange, pinned in tests/Graph.Api.Tests/clients and run with Node against the service on
/// loopback, each over POST and over GET. Whether a client sends the text again, or gives hashes up, depends on
/// the status and the words of the service's refusals, which only the clients can say they read as meant.
/// </summary>
public sealed class PersistedQueryClientTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<JsonArray> RunClientsAsync(GraphApiFactory factory)
    {
        factory.OnLoopbackKestrel();
        var address = new Uri(factory.CreateGraphQLClient().Http.BaseAddress!, "/graphql");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(SchemaContractTests.RepositoryRoot(), "tests", "Graph.Api.Tests", "clients"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("persisted-queries.mjs");
        start.ArgumentList.Add(address.ToString());
        start.ArgumentList.Add(Guid.NewGuid().ToString("N"));
        using var node = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(Limit);
        try
        {
            var output = node.StandardOutput.ReadToEndAsync(cancel.Token);
            var errors = node.StandardError.ReadToEndAsync(cancel.Token);
            await node.WaitForExitAsync(cancel.Token);
            Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {await errors}");
            return JsonNode.Parse(await output)!.AsArray();
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
        }
    }

    private static string Requests(JsonNode run) => string.Join(", ", run["requests"]!.AsArray().Select(r =>
        $"{(r!["withText"]!.GetValue<bool>() ? "text" : "hash")} {r["status"]!.GetValue<int>()}"));

    private static string Names(JsonNode run) => string.Join(", ", run["names"]!.AsArray().Select(n => n!.GetValue<string>()));

    private static string Label(JsonNode run) => $"{run["client"]} over {(run["get"]!.GetValue<bool>() ? "GET" : "POST")}";

    [Fact]
    public async Task Apollo_and_urql_send_the_text_once_then_the_hash_alone()
    {
        using var factory = new GraphApiFactory();
        var runs = await RunClientsAsync(factory);

        Assert.Equal(4, runs.Count);
        foreach (var run in runs)
        {
            // Told the hash is not known, the client sends it with the text; from then on the hash is enough.
            Assert.Equal((Label(run!), "hash 404, text 200, hash 200, hash 200"), (Label(run!), Requests(run!)));
            Assert.Equal((Label(run!), "Belarus, China, Belarus"), (Label(run!), Names(run!)));
        }

        // A hash alone over GET stays a GET when asked for (the short URL caches keep).
        Assert.All(runs.Where(r => r!["get"]!.GetValue<bool>()), run => Assert.Equal("GET", run!["requests"]!.AsArray().Last()!["method"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Switched_off_Apollo_and_urql_give_hashes_up_after_the_first_refusal()
    {
        using var factory = new GraphApiFactory().With("Graph:PersistedQueries:Enabled", "false");
        var runs = await RunClientsAsync(factory);

        Assert.Equal(4, runs.Count);
        foreach (var run in runs)
        {
            Assert.Equal((Label(run!), "hash 400, text 200, text 200, text 200"), (Label(run!), Requests(run!)));
            Assert.Equal((Label(run!), "Belarus, China, Belarus"), (Label(run!), Names(run!)));
        }
    }
}
