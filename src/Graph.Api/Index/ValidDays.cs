using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>A valid time as the compact adjacency tests and sorts it (<see cref="CompactAdjacency"/>): days as numbers.</summary>
/// <param name="From">The first day it holds on (a DayNumber), int.MinValue when open.</param>
/// <param name="To">The last day it holds on, int.MaxValue when open.</param>
/// <param name="TimelineKey">What a timeline sorts it by (<see cref="CompactAdjacency.TimelineKey"/>).</param>
internal readonly record struct ValidDays(int From, int To, long TimelineKey)
{
    public static ValidDays Of(ValidTime validTime) => new(
        validTime.Start?.Earliest.DayNumber ?? int.MinValue,
        validTime.End?.Latest.DayNumber ?? int.MaxValue,
        validTime.SortKey is { } date ? ((long)date.Earliest.DayNumber << 32) | (uint)date.Latest.DayNumber : CompactAdjacency.Undated);

    /// <summary>Whether it holds on the day (a DayNumber), as <see cref="ValidTime.HoldsOn"/> says.</summary>
    public bool HoldsOn(int dayNumber) => From <= dayNumber && dayNumber <= To;
}
