using System.Diagnostics;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Bench;

/// <summary>
/// Reading an import whole against reading its relationships in runs side by side, each followed by the
/// validation, alternating in one process: the first round is cold (the runtime compiling, the heap
/// growing), the later ones show the steady cost of each way.
/// </summary>
internal static class ImportReadTimes
{
    private const int Rounds = 4;

    public static void Report(string file)
    {
        var bytes = File.ReadAllBytes(file);
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (way, runBytes) in new[] { ("whole", int.MaxValue), ("in runs", SeedReader.RunBytes) })
            {
                var clock = Stopwatch.StartNew();
                var seed = SeedReader.Read(bytes, runBytes);
                var read = clock.Elapsed;
                clock.Restart();
                var records = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(seed);
                var validated = clock.Elapsed;
                GC.KeepAlive(records);
                Console.WriteLine($"round {round}, {way,-7}: read in {read.TotalSeconds:0.00} s, validated in {validated.TotalSeconds:0.00} s");
                GC.Collect();
            }
        }
    }
}
