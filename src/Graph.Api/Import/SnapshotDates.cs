using System.Runtime.InteropServices;
using Graph.Api.Model;

namespace Graph.Api.Import;

/// <summary>
/// The valid times a seed snapshot's reader makes from pairs of date texts given by their places among its strings, each
/// date parsed once and shared by every valid time that has it: a million relationships' sixty thousand pairs of dates
/// were 120 thousand parsed dates (4.6 MB) for a few thousand distinct texts.
/// </summary>
internal sealed class SnapshotDates(string[] strings)
{
    private readonly Dictionary<int, PartialDate> parsed = [];

    /// <summary>The valid time from the date at one place to the date at another (<see cref="SeedSnapshotFormat.None"/> for an open end).</summary>
    public ValidTime TimeOf(int from, int to) =>
        from == SeedSnapshotFormat.None && to == SeedSnapshotFormat.None ? ValidTime.Always : new ValidTime(DateAt(from), DateAt(to));

    private PartialDate? DateAt(int place)
    {
        if (place == SeedSnapshotFormat.None) return null;
        ref var date = ref CollectionsMarshal.GetValueRefOrAddDefault(parsed, place, out _);
        return date ??= PartialDate.Parse(strings[place]);
    }
}
