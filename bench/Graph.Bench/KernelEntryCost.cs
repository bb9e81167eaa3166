using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Graph.Bench;

/// <summary>
/// What an entry to the kernel costs the reads that follow it: a chain of cache lines spread over some pages, read
/// one after another, with and without a system call (sched_yield) before each pass. With the lines on few pages the
/// caches alone answer, so a difference that grows with the pages and not the lines is the TLB emptied by the entry
/// (a kernel that keeps its page tables apart without PCID, as the Firecracker VM of most rounds since 73 does,
/// empties it on every entry).
/// </summary>
internal static class KernelEntryCost
{
    public static unsafe void Report(int pages, int lines, int passes = 3000)
    {
        var bytes = (nuint)pages * 4096;
        var region = (byte*)NativeMemory.AlignedAlloc(bytes, 4096);
        try
        {
            NativeMemory.Clear(region, bytes);
            // Line i lies on page i % pages; the chain visits them in a shuffled order, so each step waits on the last.
            var order = Enumerable.Range(0, lines).Select(i => (nuint)(i % pages) * 4096 + (nuint)(i / pages % 64) * 64).ToArray();
            new Random(7).Shuffle(order);
            for (var i = 0; i < lines; i++) *(nuint*)(region + order[i]) = (nuint)(region + order[(i + 1) % lines]);
            foreach (var entries in new[] { 0, 1, 0, 1 })
            {
                var at = (nuint)(region + order[0]);
                var times = new long[passes];
                for (var pass = 0; pass < passes; pass++)
                {
                    if (entries > 0) Thread.Yield();
                    var started = Stopwatch.GetTimestamp();
                    for (var step = 0; step < lines; step++) at = *(nuint*)at;
                    times[pass] = Stopwatch.GetTimestamp() - started;
                }

                Array.Sort(times);
                var median = Stopwatch.GetElapsedTime(0, times[passes / 2]).TotalNanoseconds / lines;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{lines} lines on {pages} pages, {(entries > 0 ? "a kernel entry" : "nothing")} before each pass: {median:F1} ns a line (median; the chain ended at {at & 0xfff:x})"));
            }
        }
        finally
        {
            NativeMemory.AlignedFree(region);
        }
    }
}
