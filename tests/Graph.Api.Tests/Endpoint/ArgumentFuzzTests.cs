using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Every field that takes arguments, called with values from the edges of their types
/// (<see cref="ArgumentQueries"/>): each answer is JSON, never a 5xx, and never an INTERNAL error, which is
/// what a resolver's unforeseen exception becomes; a refusal carries a stable code; asked again, compiled
/// plans give the engine's answer. With either fix undone,
/// it finds the two such failures first met by hand: a search text holding half a surrogate pair, and
/// <c>__type</c> with an empty name.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class ArgumentFuzzTests(SeedGraphFixture fixture)
{
    private const int QueriesPerSeed = 300;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Edge_values_of_every_argument_get_an_answer_or_a_coded_refusal(int seed)
    {
        var client = fixture.Client;
        var queries = new ArgumentQueries(await client.QueryAsync(ArgumentQueries.Introspection), seed);
        var answered = 0;
        for (var i = 0; i < QueriesPerSeed; i++)
        {
            var query = queries.Next();
            var response = await client.PostAsync(query);
            var context = $"seed {seed}, query {i}: {(int)response.Status}\n{query}\n{response.Body.ToJsonString()}";

            AnswerChecks.AssertNoFault((int)response.Status, response.Errors, context);
            if (response.Errors is null) answered++;

            // Asked again, a document the engine has validated is answered by its compiled plan: the same answer.
            for (var again = 0; again < 2; again++)
            {
                var repeated = await client.PostAsync(query);
                Assert.True(response.Status == repeated.Status, context);
                Assert.Equal(response.BodyWithoutRequestIds().ToJsonString(), repeated.BodyWithoutRequestIds().ToJsonString());
            }
        }

        // Most calls are answered, so the values reach the resolvers rather than stopping at validation.
        Assert.True(answered > QueriesPerSeed / 2, $"only {answered} of {QueriesPerSeed} answered without errors");
        await client.AssertStillServesUnchangedAsync();
    }
}
