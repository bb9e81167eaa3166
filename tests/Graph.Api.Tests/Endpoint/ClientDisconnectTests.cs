using System.Net;
using System.Net.Http.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// A client that hangs up has its work cancelled: the only slot of the expensive lane, held by a query
/// of 20-30 s's work, is free again within seconds of the client going, so the next query runs.
/// (Validating a new document and compiling its plan are not cut short: the document limits keep them
/// brief for any document they accept, and the test does both for its oversized one before it measures.)
/// </summary>
public sealed class ClientDisconnectTests
{
    [Fact]
    public async Task A_client_that_disconnects_has_its_work_cancelled_and_its_slot_freed()
    {
        using var factory = new GraphApiFactory()
            .WithRoomForHugeDocuments()
            .With("Graph:Limits:ExecutionTimeoutSeconds", "120")
            // Everything but a lone field runs in the expensive lane, one at a time, and nothing queues.
            .With("Graph:Limits:ExpensiveCost", "1")
            .With("Graph:Limits:MaxConcurrentExpensive", "1")
            .With("Graph:Limits:MaxQueued", "0");
        factory.OnLoopbackKestrel();
        var client = factory.CreateGraphQLClient();
        const string Small = "{ entity(id: \"belarus\") { name } }";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Small)).Status);

        // Validating so large a document, and compiling its plan, take seconds of their own that are not cut
        // short; so both are done first, with paths of one step (quick to run), and the same document with
        // paths of eight steps is then all execution.
        var heavy = "query($max: Int!) { " + HugeDocuments.PathSearches("$max") + " }";
        for (var warmUp = 0; warmUp < 2; warmUp++) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(heavy, new { max = 1 })).Status);
        // The probe that watches for the slot runs in the same lane, so the heavy query can arrive while a probe
        // holds the slot and be turned away at once (nothing queues); then it is sent again.
        for (var attempt = 1; ; attempt++)
        {
            using var hangUp = new CancellationTokenSource();
            var request = client.Http.PostAsJsonAsync("/graphql", new { query = heavy, variables = new { max = 8 } }, hangUp.Token);
            // Once it runs its slot is taken, and the lane answers 503 at once; then the client hangs up.
            if (await AnswersAsync(client, Small, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), until: request))
            {
                await hangUp.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
                break;
            }

            using var turnedAway = await request;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
            Assert.True(attempt < 5, "the heavy query never took the slot");
        }

        // Within ten seconds of the hang-up the slot is free, long before the work would have ended.
        Assert.True(await AnswersAsync(client, Small, HttpStatusCode.OK, TimeSpan.FromSeconds(10)), "the expensive lane was still held 10 s after its client hung up");
    }

    /// <summary>Asks until the answer has the status, for at most the given time or until <paramref name="until"/> ends.</summary>
    private static async Task<bool> AnswersAsync(GraphQLClient client, string query, HttpStatusCode status, TimeSpan within, Task? until = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && until is not { IsCompleted: true })
        {
            if ((await client.PostAsync(query)).Status == status) return true;
            await Task.Delay(100);
        }

        return false;
    }
}
