using System.Diagnostics;
using System.Globalization;

namespace Graph.Bench;

/// <summary>
/// One request's compiled execution repeated for a bounded time, with nothing else in the process:
/// something steady for a profiler to sample (perf record -p, with DOTNET_PerfMapEnabled=1).
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string query, double seconds)
    {
        var benchmarks = new ExecutionBenchmarks { Query = query };
        benchmarks.Setup();
        var clock = Stopwatch.StartNew();
        var answers = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            benchmarks.Compiled().GetAwaiter().GetResult();
            answers++;
        }

        benchmarks.Cleanup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{answers} answers in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalMicroseconds / answers:F1} µs each"));
    }
}
