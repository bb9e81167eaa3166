using System.Diagnostics;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Bench;

/// <summary>
/// Reading an import file whole against reading its relationships in runs side by side as the file
/// is read, each followed by the validation, alternating in one process: the first round is cold (the
/// runtime compiling, the heap growing), the later ones show the steady cost of each way.
/// </summary>
internal static class ImportReadTimes
{
    private const int Rounds = 4;

    public static void Report(string file)
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var ways = new (string, Func<SeedFile>)[]
            {
                ("whole", () => SeedReader.Read(File.ReadAllBytes(file), int.MaxValue)),
                ("in runs", () => SeedReader.ReadFile(file, CancellationToken.None)),
            };
            foreach (var (way, read) in ways)
            {
                var clock = Stopwatch.StartNew();
                var seed = read();
                var readTime = clock.Elapsed;
                clock.Restart();
                var records = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(seed);
                var validated = clock.Elapsed;
                GC.KeepAlive(records);
                Console.WriteLine($"round {round}, {way,-7}: read in {readTime.TotalSeconds:0.00} s, validated in {validated.TotalSeconds:0.00} s");
                GC.Collect();
            }
        }
    }
}
