using System.Runtime.CompilerServices;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Storage;

/// <summary>
/// The seed's rows are written to the store a batch at a time after the index serves; a batch's records
/// must be let go once stored, or a large seed holds its records and the store's rows whole at once
/// (with a million relationships that ran out of memory in a 1 GiB container). So after a start from the
/// seed file, and after a restart from a seed snapshot, whose rows are made from the index as they are saved.
/// </summary>
public sealed class SavedRowsReleaseTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("graph-saved-rows-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_already_stored_are_let_go_while_the_rest_of_the_seed_is_saved(bool fromSnapshot)
    {
        var snapshotPath = fromSnapshot ? Path.Combine(folder, "seed.snapshot") : "";
        if (fromSnapshot)
        {
            using var first = new GraphApiFactory().With("Graph:Seed:SnapshotPath", snapshotPath);
            await first.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            for (var attempt = 0; attempt < 300 && !File.Exists(snapshotPath); attempt++) await Task.Delay(100);
        }

        var watcher = new SavedRecordsWatcher();
        var logs = new LogCapture();
        using var watched = new GraphApiFactory().With("Graph:Seed:SaveBatchRows", "4").With("Graph:Seed:SnapshotPath", snapshotPath)
            .WithLogs(logs).WithStoreInterceptor(watcher);
        await watched.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(fromSnapshot, logs.Messages.Any(m => m.Contains("Read the seed's rows from the snapshot", StringComparison.Ordinal)));
        var index = watched.Services.GetRequiredService<GraphIndexHolder>().Current;
        var rows = index.Entities.Count + index.Relationships.Count;
        for (var attempt = 0; attempt < 300 && watcher.SavedRows < rows; attempt++) await Task.Delay(100);

        Assert.Equal(rows, watcher.SavedRows);
        // The essay's 64 rows in batches of 4: every save from the third on looks back at least once.
        Assert.True(watcher.Checks >= 10, $"only {watcher.Checks} saves looked back");
        Assert.Equal(0, watcher.StillHeld);
    }

    /// <summary>
    /// The rows handed to the import are let go once the index is built, before the store is written: the store's
    /// rows are made from the index. The in-memory store's saves complete without waiting, so unless the import
    /// yields before saving, the caller's frame holds the rows it handed in until the whole store is written.
    /// </summary>
    [Fact]
    public async Task The_relationships_handed_to_the_import_are_let_go_before_the_store_is_written()
    {
        var watcher = new HandedRowsWatcher();
        using var service = new GraphApiFactory().WithoutLoading().With("Graph:Seed:SaveBatchRows", "4").WithStoreInterceptor(watcher);
        var importer = service.Services.GetRequiredService<GraphImporter>();

        var importing = StartImport(importer, watcher);
        watcher.CallerReturned();
        await importing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(watcher.Checks >= 10, $"only {watcher.Checks} saves of relationships looked");
        Assert.Equal(0, watcher.StillHeld);
    }

    // Its own frame, so that only the import can hold the rows once this returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<(int Entities, int Relationships)> StartImport(GraphImporter importer, HandedRowsWatcher watcher)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json));
        watcher.Watch(relationships);
        return importer.ImportValidatedAsync(RecordMapping.ToEntities(entities), relationships, RecordMapping.ForIndex(), CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// Before each save of relationships, collects garbage and counts the rows handed to the import that are still alive.
    /// The first check waits (two seconds at most) until the test's thread has left the frame that handed the rows in:
    /// once the import yields, its saves run on another thread at once, and on a busy machine the test's thread can be
    /// descheduled inside that frame, which then still holds them (a CI run counted all 42 so). An import that does not
    /// yield saves on the test's own thread, inside that frame: the wait times out and the rows are counted.
    /// </summary>
    private sealed class HandedRowsWatcher : SaveChangesInterceptor
    {
        private List<WeakReference> handed = [];
        private volatile bool callerReturned;
        private bool waited;

        public int Checks { get; private set; }

        public int StillHeld { get; private set; }

        public void Watch(List<RelationshipRecord> rows) => handed = rows.Select(row => new WeakReference(row)).ToList();

        public void CallerReturned() => callerReturned = true;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<RelationshipRecord>().Any())
            {
                var waiting = System.Diagnostics.Stopwatch.StartNew();
                while (!waited && !callerReturned && waiting.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
                waited = true;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                Checks++;
                StillHeld += handed.Count(row => row.IsAlive);
            }

            return ValueTask.FromResult(result);
        }
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
