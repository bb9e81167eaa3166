using Graph.Api.Index;

namespace Graph.Api.Traversal;

/// <summary>
/// An entity's dated relationships in date order: by the first day the start may mean (the end's when
/// there is no start), then the last day it may mean, then relationship id; undated ones left out.
/// Latest first is the same order reversed. A page continues after a relationship: whatever comes after
/// its place in that order. A period (<see cref="DatePeriod"/>) keeps the entries whose date may fall in
/// it: "2013" is in a period from 2013-06-01, as a fact dated 2013 holds on that day.
/// </summary>
/// <remarks>
/// The relationships, filter and all, and the days they sort by come from the compact adjacency, so only
/// those on the page are read; only as many as the page holds are sorted. A hub's thousand relationships,
/// each read through its node and sorted whole, took most of the request.
/// </remarks>
public static class Timeline
{
    public static List<Adjacent> Of(GraphIndex index, EntityNode entity, RelationshipFilter filter, int first,
        TimelineOrder order = TimelineOrder.EarliestFirst, int afterOrdinal = -1, DatePeriod period = default)
    {
        var adjacency = index.Compact;
        var latestFirst = order == TimelineOrder.LatestFirst;
        var afterKey = afterOrdinal < 0 ? 0 : adjacency.TimelineKey(afterOrdinal);
        var dated = new List<Dated>();
        foreach (var step in adjacency.Steps(entity.Ordinal, Direction.Both, new CompactFilter(adjacency, filter)))
        {
            var key = adjacency.TimelineKey(step.Relationship);
            if (key == CompactAdjacency.Undated || !period.Overlaps(key)) continue;
            var entry = new Dated(key, step);
            if (afterOrdinal >= 0 && entry.Compare(afterKey, afterOrdinal) is var place && (latestFirst ? place >= 0 : place <= 0)) continue;
            dated.Add(entry);
        }

        var ordered = latestFirst ? dated.OrderDescending() : dated.Order();
        return [.. ordered.Take(first).Select(d => new Adjacent(index.RelationshipAt(d.Step.Relationship), index.EntityAt(d.Step.Other), d.Step.Direction))];
    }

    private readonly record struct Dated(long Key, CompactStep Step) : IComparable<Dated>
    {
        public int CompareTo(Dated other) => Compare(other.Key, other.Step.Relationship);

        /// <summary>Where this entry sorts against the place of a relationship with this key (earliest first).</summary>
        public int Compare(long key, int relationship) => Key != key ? Key.CompareTo(key) : Step.Relationship.CompareTo(relationship);
    }
}
