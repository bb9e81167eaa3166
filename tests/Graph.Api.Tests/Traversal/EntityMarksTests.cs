using Graph.Api.Traversal;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// A traversal's per-entity marks are reused, shared by every thread rather than kept one per thread:
/// what one thread gives back, a thread started later takes, so the thread pool's comings and goings
/// do not allocate them anew. Reused marks start clear, and two traversals at once never share them.
/// The tests run alone, after the others, since the spare marks are the whole process's.
/// </summary>
[Collection(Name)]
public sealed class EntityMarksTests
{
    public const string Name = "entity marks";

    [Fact]
    public void Marks_given_back_on_one_thread_are_taken_on_a_thread_started_later()
    {
        object? first = null, second = null;
        RunOnNewThread(() =>
        {
            using var marks = EntityMarks.Rent(1_000);
            first = marks;
        });
        RunOnNewThread(() =>
        {
            using var marks = EntityMarks.Rent(1_000);
            second = marks;
        });

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Reused_marks_start_clear_and_marks_in_use_are_never_handed_out_again()
    {
        object reused;
        using (var marks = EntityMarks.Rent(1_000))
        {
            marks.Set(5, 7);
            Assert.Equal(7, marks[5]);
            reused = marks;
        }

        using var again = EntityMarks.Rent(1_000);
        using var alongside = EntityMarks.Rent(1_000);
        Assert.Same(reused, again);
        Assert.NotSame(again, alongside);
        Assert.False(again.IsMarked(5));
        Assert.Equal(0, again[5]);
    }

    private static void RunOnNewThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the thread did not finish");
    }
}

/// <summary>The spare marks are the whole process's: their tests run alone, after the parallel ones.</summary>
[CollectionDefinition(EntityMarksTests.Name, DisableParallelization = true)]
public sealed class EntityMarksRunAlone;
