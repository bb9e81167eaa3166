namespace Graph.Api.Traversal;

/// <summary>Counts the work a traversal has done: entities reached and relationships examined.</summary>
internal sealed class TraversalBudget(TraversalLimits limits)
{
    private int visited;
    private int scanned;

    public bool Exhausted { get; private set; }

    /// <summary>Entities reached so far.</summary>
    public int Visited => visited;

    /// <summary>Relationships examined so far.</summary>
    public int Scanned => scanned;

    /// <summary>Records a newly reached entity; false once the cap is reached.</summary>
    public bool Visit()
    {
        if (visited >= limits.MaxVisited) return !(Exhausted = true);
        visited++;
        return true;
    }

    /// <summary>Records one relationship examined; false once the cap is reached.</summary>
    public bool Scan()
    {
        if (scanned >= limits.MaxScanned) return !(Exhausted = true);
        if ((++scanned & 1023) == 0) limits.Cancellation.ThrowIfCancellationRequested();
        return true;
    }

    /// <summary>Records a run of relationships examined at once; false (and none recorded) when it would pass the cap.</summary>
    public bool Scan(int count)
    {
        if (scanned + count > limits.MaxScanned) return !(Exhausted = true);
        // Check for cancellation whenever the run crosses a multiple of 1024, as the one-at-a-time count does.
        if (((scanned & ~1023) != ((scanned + count) & ~1023))) limits.Cancellation.ThrowIfCancellationRequested();
        scanned += count;
        return true;
    }
}
