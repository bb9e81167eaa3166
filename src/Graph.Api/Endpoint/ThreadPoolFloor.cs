using Graph.Api.Index;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// Keeps as many thread-pool threads ready as the lanes admit requests (cheap and expensive slots
/// together). The pool starts with one thread per core and adds more only about twice a second when
/// its threads are busy; so on two cores, two requests that hold their threads for a long stretch
/// of CPU work (validating a large new document, an expensive traversal) left the cheap requests
/// waiting for a thread: under a stream of large new documents their p99 was 761 ms, and with the
/// floor 7 ms. Throughput without such requests was level (side by side, three alternating pairs).
/// </summary>
/// <remarks>
/// The floor is raised once the graph is ready, since no request is served before. Raised at start,
/// it kept eighteen threads on two cores through the loading, and the million-relationship graph was
/// checked in about a second more; capping the loading's parallel loops at one worker per core did
/// not help, so the likely cost is the idle threads woken each time a loop hands out work
/// (bench/HISTORY.md, round 30).
/// </remarks>
internal sealed class ThreadPoolFloor(GraphIndexHolder index, IOptions<LimitsOptions> limits) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await index.WhenReady.WaitAsync(stoppingToken);
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var admitted = limits.Value.MaxConcurrentCheap + limits.Value.MaxConcurrentExpensive;
        if (admitted > workers) ThreadPool.SetMinThreads(admitted, completionPorts);
    }
}
