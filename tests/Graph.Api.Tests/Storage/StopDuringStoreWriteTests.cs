using Graph.Api.Index;
using Graph.Api.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Storage;

/// <summary>
/// The seed is written to the store after the index serves. The in-memory store goes with the service, so a
/// service told to stop while that write runs drops the rest of it rather than finishing it first (with a
/// million relationships, finishing held a stop up by about 8 s).
/// </summary>
public sealed class StopDuringStoreWriteTests
{
    [Fact]
    public async Task A_service_stopped_while_its_store_is_written_drops_the_rest_of_the_write()
    {
        var logs = new LogCapture();
        var held = new HeldSave(heldNumber: 3);
        var watched = new GraphApiFactory().With("Graph:Seed:SaveBatchRows", "4").WithLogs(logs).WithStoreInterceptor(held);
        await watched.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var index = watched.Services.GetRequiredService<GraphIndexHolder>().Current;
        var rows = index.Entities.Count + index.Relationships.Count;
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // Stops the host, as a SIGTERM does: the write's batch in progress is told to stop.
        await watched.DisposeAsync();

        Assert.True(held.Cancelled, "the save in progress was not told to stop");
        Assert.Equal(8, held.SavedRows);
        Assert.Contains(logs.Messages, m => m.Contains($"dropped after 8 of {rows} rows", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Seeded", StringComparison.Ordinal));
    }

    /// <summary>
    /// Lets the first saves through, then holds the one numbered <paramref name="heldNumber"/> until it is cancelled (at most 20 s,
    /// after which it goes through as well, so a write that is never told to stop still ends).
    /// </summary>
    private sealed class HeldSave(int heldNumber) : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int saves;

        public Task Reached => reached.Task;

        public bool Cancelled { get; private set; }

        public int SavedRows { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (++saves != heldNumber) return result;
            reached.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            SavedRows += result;
            return ValueTask.FromResult(result);
        }
    }
}
