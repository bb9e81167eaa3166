using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Graph.Api.Import;

/// <summary>
/// Writes validated rows (the seed checked at startup, or read from its snapshot) into an empty store, the index
/// swapped in first; or builds the index from a store that already has data. Writes are serialised by one lock.
/// </summary>
internal sealed partial class GraphImporter(
    StoreContexts contexts, GraphIndexHolder index, GraphStore store, IOptions<SeedOptions> seed, IOptions<StorageOptions> storage,
    ILogger<GraphImporter> logger) : IDisposable
{
    private readonly SemaphoreSlim writeLock = new(1, 1);

    /// <summary>
    /// Writes validated rows into an empty store: the seed checked at this start, or its rows from a
    /// snapshot of an earlier start, which only this build writes and only from a seed it validated
    /// (<see cref="SeedSnapshotReader"/>). The new index is swapped in before the save: the store is
    /// empty and nothing reads it (reads come only from the index), so the service is ready while it is
    /// still being written (<see cref="GraphStore.IsEmptyAtStartAsync"/> says whether it is empty without
    /// asking a store that does not outlive the process). The write lock is held until the save
    /// ends, so no other write can interleave. Once the index is built it is handed to
    /// <paramref name="beforeSave"/>, if given (to keep a snapshot of the rows it captured). The rows handed in are
    /// then let go: the store's are made from the index's entities and relationships, a batch at a time.
    /// <paramref name="prebuilt"/> is what the index can take as it is: a snapshot's kept parts, or the
    /// ends the seed's check found. The relationships are read through <paramref name="input"/>: checked rows, or a
    /// snapshot's values.
    /// </summary>
    public async Task<(int Entities, int Relationships)> ImportValidatedAsync<T>(
        Entity[] entities, IEnumerable<T> relationships, RelationshipInput<T> input, CancellationToken cancellationToken,
        Action<GraphIndex>? beforeSave = null, PrebuiltParts? prebuilt = null)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!await store.IsEmptyAtStartAsync(cancellationToken)) throw new InvalidOperationException("Validated rows are only written into an empty store.");
            var loading = IndexAndSaveAsync(entities, relationships, input, beforeSave, prebuilt, cancellationToken);
            // An async method keeps its parameters alive until it returns; the rows (half a gigabyte for a
            // million relationships), what the index took as it was and the callback that may hold the rows
            // are let go here, and by the loading task when it can.
            (entities, relationships, beforeSave, prebuilt) = (null!, null!, null, null);
            return await loading;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task<(int Entities, int Relationships)> IndexAndSaveAsync<T>(Entity[] entities, IEnumerable<T> relationships,
        RelationshipInput<T> input, Action<GraphIndex>? beforeSave, PrebuiltParts? prebuilt, CancellationToken stopping)
    {
        // One full collection, without compacting, before the index is built: the parsed file and the
        // validation's leftovers are free memory again, so the build fills that instead of pages the
        // process has never touched (costly on the VMs measured), and its own collections find less
        // to trace. For a million relationships it took 0.14–0.2 s and the index came 1.2 s sooner
        // (bench/HISTORY.md, round 10). An import is a one-off load (the seed at startup), so the pause is paid once.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The rows become the index's rows directly (a snapshot's are kept as they are); nodes are made as requests read them.
        var built = GraphIndex.Build(entities, relationships, input, prebuilt);
        // Past the build the index holds the entities itself; neither the array they came in, the rows handed in, nor what the
        // build took as it was is needed (of the ends, the far ends' column is kept as the outgoing rows; the starts, 4 MB for a
        // million relationships, are let go).
        (entities, relationships, prebuilt) = (null!, null!, null);
        index.Replace(built);
        // The process's time to ready and resident memory at that moment: read from outside, the memory is already growing
        // with the store's write, and the time carries the reader's polling, which shares the cores with the start.
        LogIndexed(logger, clock.Elapsed.TotalSeconds, SinceProcessStart().TotalSeconds, Environment.WorkingSet / (1024 * 1024));

        beforeSave?.Invoke(built);
        beforeSave = null;
        // Until here everything ran on the caller's thread, and the in-memory store's saves complete without
        // waiting, so without this the callers' frames (the startup's, the method above) would hold the rows they
        // handed in until the whole store is written: their own references are let go only once this returns.
        await Task.Yield();
        // The store's first context is made only now, with the index serving: making it starts EF Core (its services,
        // the model, hundreds of methods compiled on first use), which nothing before ready needs.
        await using var db = await contexts.CreateAsync(stopping);
        var counts = (Entities: built.Entities.Count, Relationships: built.Relationships.Count);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // A durable store's save, once begun, is completed, never abandoned half-way: a later start would find
        // half a graph in it. The in-memory store goes with the host, so a service told to stop drops the rest
        // of the save instead of finishing it first (with a million relationships that held a stop up by 8 s).
        var dropOnStop = storage.Value.IsDurable ? CancellationToken.None : stopping;
        var total = counts.Entities + counts.Relationships;
        var saved = await SaveInBatchesAsync(db, db.Entities, built.Entities.Count, i => RecordMapping.ToRecord(built.Entities[i].Entity), dropOnStop);
        if (!dropOnStop.IsCancellationRequested)
        {
            saved += await SaveInBatchesAsync(db, db.Relationships, built.Relationships.Count, i => RecordMapping.ToRecord(built.UncachedRelationshipAt(i)), dropOnStop);
        }

        if (dropOnStop.IsCancellationRequested)
        {
            LogSaveDropped(logger, saved, total);
            dropOnStop.ThrowIfCancellationRequested();
        }

        return counts;
    }

    /// <summary>
    /// The rows saved a batch at a time, each made when its batch is due and tracked only until it is saved. The
    /// seed goes into an empty store that nothing reads (the index serves every read), and a seed that fails to save
    /// stops the host, so no half-written store is ever used. One save of a million rows tracked them all at
    /// once, each relationship's keys fixed up against every tracked entity: in four of five alternating
    /// pairs the graph was loaded 5–8 s later, and it always peaked 300–370 MiB higher, than in batches
    /// of 50,000 (bench/HISTORY.md, round 11).
    /// A batch's rows are garbage once stored (the store keeps values of its own, not the records), so the
    /// records and the store's rows are never both held whole: with a million relationships the load fits in
    /// a 768 MiB heap, a 1 GiB container's default (bench/HISTORY.md, round 31).
    /// </summary>
    /// <returns>How many rows were saved: all of them, or those saved before <paramref name="stopping"/> was signalled.</returns>
    private async Task<int> SaveInBatchesAsync<T>(GraphDbContext db, DbSet<T> table, int count, Func<int, T> rowAt, CancellationToken stopping)
        where T : class
    {
        var batch = seed.Value.SaveBatchRows;
        var saved = 0;
        for (var start = 0; start < count && !stopping.IsCancellationRequested; start += batch)
        {
            var rows = new T[Math.Min(batch, count - start)];
            for (var i = 0; i < rows.Length; i++) rows[i] = rowAt(start + i);
            table.AddRange(rows);
            try
            {
                // The batch's rows stop being tracked right after (below), so marking each one saved first, as a
                // plain save does, would be work thrown away: the million-relationship store was written about a
                // second sooner without it (bench/HISTORY.md, round 48).
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, stopping);
                saved += rows.Length;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped during this batch: the store is dropped with the host, whatever the batch left in it.
            }

            db.ChangeTracker.Clear();
        }

        return saved;
    }

    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        var (entities, relationships) = await store.LoadAllAsync(cancellationToken);
        index.Replace(GraphIndex.Build(RecordMapping.ToEntities(entities), relationships, RecordMapping.ForIndex()));
    }

    public void Dispose() => writeLock.Dispose();

    [LoggerMessage(LogLevel.Information, "The service is stopping: the in-memory store's write was dropped after {Saved} of {Total} rows, since the store goes with the service.")]
    private static partial void LogSaveDropped(ILogger logger, int saved, int total);

    private static TimeSpan SinceProcessStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }

    [LoggerMessage(LogLevel.Information, "Index built and serving in {Seconds:0.00} s ({SinceStart:0.00} s after the process started), the process resident in {ResidentMiB} MiB; the store is written next.")]
    private static partial void LogIndexed(ILogger logger, double seconds, double sinceStart, long residentMiB);
}
