using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Schema;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Execution;

/// <summary>
/// Answers do not depend on what else the service is doing. The plans write into pooled buffers and
/// the traversals reuse per-thread scratch, so one request's state leaking into another's would show
/// only when requests overlap, or when a client hangs up halfway. Random queries are answered one at a
/// time first; then the same queries, in a shuffled order, on several connections at once with some
/// clients hanging up mid-request, must get exactly those answers again.
/// </summary>
public sealed class ConcurrentAnswersTests
{
    private const int Queries = 80;
    private const int Workers = 8;
    private const int RequestsPerWorker = 60;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Overlapping_requests_and_hang_ups_leave_every_answer_unchanged(int seed)
    {
        // A generated graph, large enough that a traversal takes long enough for others to overlap it.
        using var graph = new SyntheticSeedFile(3_000, 30_000, seed);
        using var factory = new GraphApiFactory()
            .With("Graph:Seed:Path", graph.Path)
            // Nothing may be turned away for load here: every request must be answered to be compared.
            .With("Graph:Limits:MaxConcurrentExpensive", "4")
            .With("Graph:Limits:MaxQueueWaitMilliseconds", "60000");
        factory.OnLoopbackKestrel();
        var client = factory.CreateGraphQLClient();
        var queries = await QueriesFor(factory, client, seed);

        var expected = new List<(string Query, JsonObject? Variables, HttpStatusCode Status, JsonNode Body)>();
        foreach (var (query, variables) in queries)
        {
            // The second request keeps the document and validates it on the engine; the third and later run its plan.
            await client.PostAsync(query, variables);
            await client.PostAsync(query, variables);
            var alone = await client.PostAsync(query, variables);
            expected.Add((query, variables, alone.Status, alone.BodyWithoutRequestIds()));
        }

        var failures = new List<string>();
        var hangUps = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed * 100 + worker);
            for (var i = 0; i < RequestsPerWorker; i++)
            {
                var (query, variables, status, body) = expected[random.Next(expected.Count)];
                if (random.Next(5) == 0)
                {
                    // A client that gives up after a moment, anywhere from before its request is read to during its answer.
                    using var hangUp = new CancellationTokenSource(TimeSpan.FromMicroseconds(random.Next(0, 3000)));
                    try
                    {
                        using var _ = await client.Http.PostAsJsonAsync("/graphql", new { query, variables }, hangUp.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref hangUps);
                    }

                    continue;
                }

                var answer = await client.PostAsync(query, variables);
                if (answer.Status != status || !JsonNode.DeepEquals(body, answer.BodyWithoutRequestIds()))
                {
                    lock (failures) failures.Add($"{query}\nvariables: {variables?.ToJsonString()}\nalone ({(int)status}): {body.ToJsonString()}\noverlapping ({(int)answer.Status}): {answer.Body.ToJsonString()}");
                }
            }
        })));

        Assert.True(failures.Count == 0, $"{failures.Count} answers changed when requests overlapped; the first:\n{failures.FirstOrDefault()}");
        Assert.True(hangUps > 0, "no client hung up before its answer came");

        // And afterwards, one at a time again, as before.
        foreach (var (query, variables, status, body) in expected)
        {
            var after = await client.PostAsync(query, variables);
            Assert.True(after.Status == status && JsonNode.DeepEquals(body, after.BodyWithoutRequestIds()), $"changed after the overlapping run:\n{query}");
        }
    }

    private static async Task<List<(string Query, JsonObject? Variables)>> QueriesFor(GraphApiFactory factory, GraphQLClient client, int seed)
    {
        var random = await RandomQueries.ForServiceAsync(factory.Services.GetRequiredService<GraphSchema>(), seed, client);
        var queries = new List<(string, JsonObject?)>();
        for (var i = 0; i < Queries; i++)
        {
            var (query, variables) = random.Next();
            random.Learn((await client.PostAsync(query, variables)).Data);
            queries.Add((query, variables));
        }

        return queries;
    }
}
