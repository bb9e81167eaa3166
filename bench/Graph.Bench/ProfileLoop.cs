using System.Diagnostics;
using System.Globalization;

namespace Graph.Bench;

/// <summary>
/// One request's compiled execution (or the neighbourhood's traversal alone, or its answer's floors) repeated for a bounded time, with nothing
/// else in the process: something steady for a profiler to sample (perf record -p, with DOTNET_PerfMapEnabled=1).
/// </summary>
/// <remarks>
/// With <c>evictMiB</c> above zero, that many MiB are written between answers, so each answer starts with
/// caches that other work has filled, as it does under load, where every answer's transport copies and
/// the other requests pass through the caches between two answers. Only the answers are timed.
/// </remarks>
internal static class ProfileLoop
{
    /// <param name="query">
    /// neighborhood, entity, search or path: the load mix's query of that name; traversal: the neighbourhood's traversal alone;
    /// path-traversal: the shortest path's search alone;
    /// floor-hand or floor-template: the neighbourhood's answer written by <see cref="AnswerFloorBenchmarks"/>' code that knows the query,
    /// so the floors can be read with caches as cold as the plan's.
    /// </param>
    /// <param name="seconds">How long to answer it.</param>
    /// <param name="evictMiB">How many MiB to write between answers.</param>
    /// <param name="byType">Also samples what the answers allocate and prints it by type, per answer (<see cref="AllocationSampler"/>).</param>
    /// <param name="kernelEntries">How many times to enter the kernel between answers.</param>
    public static void Run(string query, double seconds, int evictMiB = 0, bool byType = false, int kernelEntries = 0)
    {
        // Only the harness the query needs loads the graph: the floors have their own, and a second graph would double
        // the setup and the memory the eviction has to push out.
        var floors = query.StartsWith("floor", StringComparison.Ordinal) ? new AnswerFloorBenchmarks() : null;
        var benchmarks = floors is null ? new ExecutionBenchmarks { Query = query switch { "traversal" => "neighborhood", "path-traversal" => "path", _ => query } } : null;
        floors?.Setup();
        benchmarks?.Setup();
        // The traversal alone is the neighbourhood's without its answer (ExecutionBenchmarks.TraversalOnly).
        Action answer = query switch
        {
            "floor-template" => () => floors!.Template(),
            "floor-hand" => () => floors!.HandWritten(),
            _ when floors is not null => throw new ArgumentException($"no floor named {query}: floor-hand or floor-template", nameof(query)),
            "traversal" or "path-traversal" => () => benchmarks!.TraversalOnly(),
            _ => () => benchmarks!.Compiled().GetAwaiter().GetResult(),
        };

        evictMiB = Math.Max(evictMiB, 0);
        var other = new byte[evictMiB << 20];
        // The setup's garbage is collected first, as the service collects once it has loaded: otherwise the
        // loop's first collections trace it, and their pauses land on a few answers.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        using var sampled = byType ? new AllocationSampler { Step = query } : null;
        var clock = Stopwatch.StartNew();
        var answering = 0L;
        // Each answer's time, for the median: on a shared machine a neighbour's burst moves the mean by more than a change does.
        var times = new List<long>();
        var answers = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            // One byte in each cache line is enough to make the line this loop's.
            for (var i = 0; i < other.Length; i += 64) other[i]++;
            // Each a system call (sched_yield): where the kernel keeps its page tables apart without PCID (the Firecracker VM
            // of most rounds since 73), every entry to it empties the TLB, as the server's threads find it after each call
            // they make or each switch.
            for (var entry = 0; entry < kernelEntries; entry++) Thread.Yield();
            var started = Stopwatch.GetTimestamp();
            answer();
            var took = Stopwatch.GetTimestamp() - started;
            answering += took;
            if (times.Count < 10_000_000) times.Add(took);
            answers++;
        }

        var allocatedEach = (GC.GetTotalAllocatedBytes() - allocated) / (double)answers;
        sampled?.Step = null;
        benchmarks?.Cleanup();
        var each = Stopwatch.GetElapsedTime(0, answering).TotalMicroseconds / answers;
        times.Sort();
        var median = Stopwatch.GetElapsedTime(0, times[times.Count / 2]).TotalMicroseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answers} answers in {clock.Elapsed.TotalSeconds:F1} s: {each:F1} µs (median {median:F1} µs) and {allocatedEach / 1024:F1} KiB allocated each, {evictMiB} MiB written and {kernelEntries} kernel entries between answers; " +
            $"collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, " +
            $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
        if (sampled is null) return;
        // Events arrive on the listener's own thread a little after the fact.
        Thread.Sleep(2000);
        foreach (var ((_, type), bytes) in sampled.Bytes.OrderByDescending(x => x.Value).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / answers,8:F2} KiB an answer  {type}"));
        }
    }
}
