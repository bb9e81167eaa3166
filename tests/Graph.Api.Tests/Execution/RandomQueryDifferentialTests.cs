using System.Text.Json.Nodes;
using Graph.Api.Execution;
using Graph.Api.Schema;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Execution;

/// <summary>
/// Random queries over the whole schema get the same answer, byte for byte apart from request ids,
/// from the compiled plans as from GraphQL.NET's executor. The hand-picked cases of
/// <see cref="CompiledExecutionTests"/> cover what was thought of; these cover the combinations
/// nobody listed (arguments, aliases, fragments and variables on every field, errors included).
/// </summary>
public sealed class RandomQueryDifferentialTests : IDisposable
{
    private const int QueriesPerSeed = 60;

    private readonly GraphApiFactory engineOnly = new GraphApiFactory().With("Graph:Execution:Compiled", "false");
    // Each plan gets its own code after its first object (PlanCode): the first compiled answer walks each plan once and
    // runs the code for the rest, the second runs on code alone. Every other test runs the default, where small answers
    // are walked.
    private readonly GraphApiFactory compiled = new GraphApiFactory().With("Graph:Execution:CodeAfterRuns", "1");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_queries_answer_the_same_on_both_paths(int seed)
    {
        var engineClient = engineOnly.CreateGraphQLClient();
        var compiledClient = compiled.CreateGraphQLClient();
        var executor = compiled.Services.GetRequiredService<CompiledExecutor>();
        var queries = await RandomQueries.ForServiceAsync(compiled.Services.GetRequiredService<GraphSchema>(), seed, engineClient);
        var (answered, compiledBefore) = (0, executor.CompiledRuns);

        for (var i = 0; i < QueriesPerSeed; i++)
        {
            var (query, variables) = queries.Next();
            var expected = await engineClient.PostAsync(query, variables);
            queries.Learn(expected.Data);
            if (expected.Data is JsonObject) answered++;

            // The first two requests run on the engine (the second keeps the document and validates it); the third runs its
            // plans, the fourth their code.
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var actual = await compiledClient.PostAsync(query, variables);
                Assert.True(expected.Status == actual.Status && JsonNode.DeepEquals(expected.BodyWithoutRequestIds(), actual.BodyWithoutRequestIds()),
                    $"seed {seed}, query {i}, attempt {attempt}\n{query}\nvariables: {variables?.ToJsonString()}\nengine ({(int)expected.Status}): {expected.Body.ToJsonString()}\ncompiled ({(int)actual.Status}): {actual.Body.ToJsonString()}");
            }
        }

        // Guards against a generator gone bland: most queries must run, and many on the plans.
        Assert.True(answered >= QueriesPerSeed / 2, $"only {answered} of {QueriesPerSeed} queries were answered with data");
        Assert.True(executor.CompiledRuns - compiledBefore >= QueriesPerSeed / 4, $"only {executor.CompiledRuns - compiledBefore} requests ran on compiled plans");
    }

    public void Dispose()
    {
        engineOnly.Dispose();
        compiled.Dispose();
    }
}
