namespace Graph.Api.Traversal;

/// <summary>Counts the work a traversal has done: entities reached and relationships examined.</summary>
internal sealed class TraversalBudget(TraversalLimits limits)
{
    private int visited;
    private int scanned;

    public bool Exhausted { get; private set; }

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
}
