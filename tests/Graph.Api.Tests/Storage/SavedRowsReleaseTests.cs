using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Storage;

/// <summary>
/// The seed's rows are written to the store a batch at a time after the index serves; a batch's records
/// must be let go once stored, or a large seed holds its records and the store's rows whole at once
/// (with a million relationships that ran out of memory in a 1 GiB container).
/// </summary>
public sealed class SavedRowsReleaseTests
{
    [Fact]
    public async Task Rows_already_stored_are_let_go_while_the_rest_of_the_seed_is_saved()
    {
        var watcher = new SavedRecordsWatcher();
        using var watched = new GraphApiFactory().With("Graph:Seed:SaveBatchRows", "4").WithStoreInterceptor(watcher);
        await watched.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var index = watched.Services.GetRequiredService<GraphIndexHolder>().Current;
        var rows = index.Entities.Count + index.Relationships.Count;
        for (var attempt = 0; attempt < 300 && watcher.SavedRows < rows; attempt++) await Task.Delay(100);

        Assert.Equal(rows, watcher.SavedRows);
        // The essay's 64 rows in batches of 4: every save from the third on looks back at least once.
        Assert.True(watcher.Checks >= 10, $"only {watcher.Checks} saves looked back");
        Assert.Equal(0, watcher.StillHeld);
    }

    /// <summary>
    /// Before each save, collects garbage and counts the records of batches stored two or more saves
    /// earlier that are still alive; then notes weakly which records this save stores. (The batch
    /// stored just before is left out: the engine may hold its last save's entries a little longer.)
    /// </summary>
    private sealed class SavedRecordsWatcher : SaveChangesInterceptor
    {
        private readonly List<List<WeakReference>> batches = [];

        public int SavedRows { get; private set; }

        public int Checks { get; private set; }

        public int StillHeld { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (batches.Count >= 2)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                Checks++;
                StillHeld += batches.Take(batches.Count - 1).Sum(batch => batch.Count(record => record.IsAlive));
            }

            batches.Add(WeaklyHeld(eventData.Context!));
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            SavedRows += result;
            return ValueTask.FromResult(result);
        }

        // Its own frame, so no strong reference to a record outlives it in a local.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static List<WeakReference> WeaklyHeld(DbContext context) =>
            context.ChangeTracker.Entries().Select(entry => new WeakReference(entry.Entity)).ToList();
    }
}
