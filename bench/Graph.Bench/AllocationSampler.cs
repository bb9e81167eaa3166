using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Graph.Bench;

/// <summary>
/// Bytes allocated by type, from the runtime's allocation events while <see cref="Step"/> is set: one sample every
/// 100 KB or so, each standing for the bytes since the one before, so a large array is counted whole and small objects
/// by how often they cross the mark. Events arrive on the listener's own thread a little after the allocations.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    public ConcurrentDictionary<(string Step, string Type), long> Bytes { get; } = new();

    public volatile string? Step;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // The runtime's GC events at the verbose level, which include the allocation samples.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (Step is not { } step || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null) return;
        var names = data.PayloadNames!;
        var type = data.Payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        Bytes.AddOrUpdate((step, type), amount, (_, sum) => sum + amount);
    }
}
