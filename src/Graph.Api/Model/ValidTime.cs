namespace Graph.Api.Model;

/// <summary>
/// When a fact holds. A point in time has the same start and end; an open end means it still holds.
/// Precision is respected: a fact dated "2013" holds on every day of 2013.
/// </summary>
public sealed record ValidTime(PartialDate? Start, PartialDate? End)
{
    public static readonly ValidTime Always = new(null, null);

    public bool IsPointInTime => Start is not null && Start == End;

    public bool HoldsOn(DateOnly date) =>
        (Start is null || date >= Start.Earliest) && (End is null || date <= End.Latest);

    /// <summary>The date a timeline sorts by: the start if known, else the end.</summary>
    public PartialDate? SortKey => Start ?? End;
}
