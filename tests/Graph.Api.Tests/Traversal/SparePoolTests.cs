using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// A traversal's per-entity marks are shared by every thread, not kept per thread: what one thread gives back,
/// a thread started later takes, so the thread pool's comings and goings do not allocate them anew; and
/// no spare is ever held by two takers at once.
/// </summary>
public sealed class SparePoolTests
{
    [Fact]
    public void A_spare_given_back_on_one_thread_is_taken_on_another_started_later()
    {
        var pool = new SparePool<object>(2);
        var spare = new object();
        RunOnNewThread(() => pool.Give(spare));

        object? taken = null;
        RunOnNewThread(() => taken = pool.Take());

        Assert.Same(spare, taken);
        Assert.Null(pool.Take());
    }

    [Fact]
    public void Beyond_its_capacity_the_pool_keeps_nothing_more()
    {
        var pool = new SparePool<object>(2);
        object[] given = [new(), new(), new()];
        foreach (var spare in given) pool.Give(spare);

        var taken = new[] { pool.Take(), pool.Take(), pool.Take() };

        Assert.Equal(2, taken.OfType<object>().Distinct().Count());
        Assert.Null(taken[2]);
        Assert.All(taken.OfType<object>(), spare => Assert.Contains(spare, given));
    }

    [Fact]
    public void No_spare_is_held_by_two_takers_at_once()
    {
        // Fewer spares than takers, so that takers meet at the same slots.
        var pool = new SparePool<Holder>(2);
        for (var i = 0; i < 2; i++) pool.Give(new Holder());
        var clashes = 0;
        var taken = 0;
        using var start = new Barrier(4);

        var takers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 50_000; i++)
            {
                if (pool.Take() is not { } holder) continue;
                Interlocked.Increment(ref taken);
                if (Interlocked.Increment(ref holder.Takers) != 1) Interlocked.Increment(ref clashes);
                Thread.SpinWait(20);
                Interlocked.Decrement(ref holder.Takers);
                pool.Give(holder);
            }
        })).ToList();
        takers.ForEach(thread => thread.Start());
        Assert.All(takers, thread => Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "a taker did not finish"));

        Assert.Equal(0, clashes);
        Assert.True(taken > 10_000, $"only {taken} of 200,000 takes found a spare");
    }

    private static void RunOnNewThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the thread did not finish");
    }

    private sealed class Holder
    {
        public int Takers;
    }
}
