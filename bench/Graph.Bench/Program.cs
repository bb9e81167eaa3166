using System.Globalization;
using BenchmarkDotNet.Running;
using Graph.Bench;

// generate <entities> <relationships> <file>  — writes a synthetic graph in the seed format
// memory <file>                               — live heap of the parsed import, the records and the index
// read <file>                                 — reading an import whole against in runs side by side, then validating
// restart <file> <snapshot> [rounds]          — a seed snapshot read, and the index built with its kept parts and without
// allocations <file> <snapshot>               — what a restart's snapshot read and index build allocate, by type
// micro [BenchmarkDotNet arguments]            — in-process benchmarks of the index and traversals
// bare <port> [bytes]                          — a bare endpoint with fixed JSON (1 KB unless given): the load run's ceiling
// profile <neighborhood|entity|search|traversal|floor-hand|floor-template> <sec.> [MiB] [entries] — one query's compiled execution (or the
//                                               neighbourhood's traversal alone, or its answer written by AnswerFloorBenchmarks' code) in a loop, for a
//                                               profiler; MiB written between answers to fill the caches as load does, and system calls made between them
// pages                                        — how many 4 KiB pages the load run's neighbourhood reads its data from, by what lies there
// kernel-entry <pages> <lines>                 — what an entry to the kernel costs the reads after it: lines chased over pages, with and without one
// profile-allocations <query> <sec.>           — the same loop, printing what an answer allocates, by type
switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 4:
        SyntheticGraph.Write(args[3], int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        Console.WriteLine($"wrote {args[3]}");
        return 0;
    case "memory" when args.Length == 2:
        MemoryFootprint.Report(args[1]);
        return 0;
    case "read" when args.Length == 2:
        ImportReadTimes.Report(args[1]);
        return 0;
    case "restart" when args.Length is 3 or 4:
        SnapshotRestartTimes.Report(args[1], args[2], args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4);
        return 0;
    case "allocations" when args.Length == 3:
        RestartAllocations.Report(args[1], args[2]);
        return 0;
    case "bare" when args.Length is 2 or 3:
        BareEndpoint.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1024);
        return 0;
    case "profile" when args.Length is >= 3 and <= 5:
        ProfileLoop.Run(args[1], double.Parse(args[2], CultureInfo.InvariantCulture), args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0,
            kernelEntries: args.Length == 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0);
        return 0;
    case "profile-allocations" when args.Length == 3:
        ProfileLoop.Run(args[1], double.Parse(args[2], CultureInfo.InvariantCulture), byType: true);
        return 0;
    case "pages" when args.Length == 1:
        AnswerPages.Report();
        return 0;
    case "kernel-entry" when args.Length == 3:
        KernelEntryCost.Report(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(IndexBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: Graph.Bench generate <entities> <relationships> <file> | memory <file> | read <file> | restart <file> <snapshot> [rounds] | allocations <file> <snapshot> | micro [--filter *] | bare <port> [bytes] | profile <neighborhood|entity|search|traversal|floor-hand|floor-template> <seconds> [MiB] [kernel entries] | pages | kernel-entry <pages> <lines> | profile-allocations <same> <seconds>");
        return 2;
}
