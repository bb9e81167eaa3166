namespace Graph.Api.Traversal;

/// <summary>
/// The days from <paramref name="Since"/> to <paramref name="Until"/>, both included; either may be open
/// (the default period holds every day). A date of lower precision is in it when any of its days is.
/// </summary>
public readonly record struct DatePeriod(DateOnly? Since, DateOnly? Until)
{
    /// <summary>
    /// Whether a timeline key (the first day a date may mean in its high half, the last in its low half,
    /// as <see cref="Index.CompactAdjacency.TimelineKey"/> gives them) shares a day with the period.
    /// </summary>
    public bool Overlaps(long key) =>
        (Until is not { } until || (int)(key >> 32) <= until.DayNumber)
        && (Since is not { } since || (int)(key & uint.MaxValue) >= since.DayNumber);
}
