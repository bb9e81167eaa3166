using System.Net;
using Graph.Api.Endpoint;
using Graph.Api.Index;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Validating a large document the service has not seen before is costly work of its own, so such a
/// document waits in the expensive lane however cheap its execution; once validated it is cheap again.
/// And the thread pool keeps a thread ready for every request the lanes admit.
/// </summary>
public sealed class NewDocumentLaneTests
{
    [Fact]
    public async Task A_large_document_not_yet_validated_runs_in_the_expensive_lane()
    {
        using var factory = new GraphApiFactory()
            .With("Graph:Limits:MaxConcurrentExpensive", "1")
            .With("Graph:Limits:MaxQueued", "0")
            .With("Graph:Limits:ExpensiveNewDocumentFields", "50");
        var client = factory.CreateGraphQLClient();
        var gate = factory.Services.GetRequiredService<ExecutionGate>();
        // Asked for twice: kept from the second request, and validated then.
        var seenBefore = BelarusQueries.WithFields(0, fields: 60);
        await client.QueryAsync(seenBefore);
        await client.QueryAsync(seenBefore);

        using (await gate.EnterAsync(cost: 1_000_000, largeNewDocument: false, CancellationToken.None))
        {
            // The expensive lane's one slot is taken and nothing may queue: a large new document is turned away...
            var large = await client.PostAsync(BelarusQueries.WithFields(1, fields: 60));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, large.Status);
            Assert.Equal("OVERLOADED", large.FirstErrorCode);
            // ...while the same size validated before, and a small new document, run in the cheap lane.
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(seenBefore)).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(BelarusQueries.WithFields(2, fields: 40))).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(BelarusQueries.WithFields(1, fields: 60))).Status);
    }

    [Fact]
    public async Task A_new_document_of_many_fragments_runs_in_the_expensive_lane()
    {
        using var factory = new GraphApiFactory()
            .With("Graph:Limits:MaxConcurrentExpensive", "1")
            .With("Graph:Limits:MaxQueued", "0");
        var client = factory.CreateGraphQLClient();
        var gate = factory.Services.GetRequiredService<ExecutionGate>();

        using (await gate.EnterAsync(cost: 1_000_000, largeNewDocument: false, CancellationToken.None))
        {
            // 26 fragments of two fields: few fields, but past the 25 fragments a new document may have in the cheap lane.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsync(BelarusQueries.WithFragments(26))).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(BelarusQueries.WithFragments(25))).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(BelarusQueries.WithFragments(26))).Status);
    }

    [Fact]
    public async Task Once_ready_the_thread_pool_keeps_a_thread_ready_for_every_admitted_request()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxConcurrentCheap", "40").With("Graph:Limits:MaxConcurrentExpensive", "3");
        await factory.CreateGraphQLClient().QueryAsync("{ __typename }");
        await factory.Services.GetRequiredService<GraphIndexHolder>().WhenReady;

        // The floor is raised by a continuation of readiness, on a pool thread: given up to five seconds.
        var workers = 0;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            ThreadPool.GetMinThreads(out workers, out _);
            if (workers >= 43) break;
            await Task.Delay(50);
        }

        Assert.True(workers >= 43, $"the pool keeps {workers} threads ready for 43 admitted requests");
    }
}
