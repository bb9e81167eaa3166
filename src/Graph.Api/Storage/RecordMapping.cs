using System.Collections.Concurrent;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Storage;

/// <summary>Turns stored rows into the model the index is built from.</summary>
internal static class RecordMapping
{
    public static Entity ToEntity(EntityRecord record) => new(
        record.Id, record.Kind, record.Name, record.Aliases, record.Description, record.Properties,
        TimeOf(record.ValidFrom, record.ValidTo));

    public static Relationship ToRelationship(RelationshipRecord record) => ToRelationship(record, TimeOf(record.ValidFrom, record.ValidTo));

    /// <summary>
    /// All the rows mapped on every core, in their order: for an import of a million rows. Rows with
    /// the same dates share one <see cref="ValidTime"/> (a million rows held some sixty thousand
    /// distinct pairs), each parsed once.
    /// </summary>
    public static Relationship[] ToRelationships(IReadOnlyList<RelationshipRecord> records)
    {
        var times = SharedTimes();
        var mapped = new Relationship[records.Count];
        Parallel.For(0, mapped.Length, i => mapped[i] = ToRelationship(records[i], times(records[i])));
        return mapped;
    }

    /// <summary>Rows as the index reads them: each becomes its node directly, rows with the same dates sharing one <see cref="ValidTime"/>.</summary>
    public static RelationshipInput<RelationshipRecord> ForIndex()
    {
        var times = SharedTimes();
        return new(static r => r.Id, static r => r.FromId, static r => r.ToId,
            (ordinal, r, from, to) => new RelationshipNode(ordinal, r.Id, r.Type, r.Description, times(r), r.Properties, r.Sources, from, to));
    }

    /// <summary>A row's valid time, one instance per distinct pair of dates, safe to call from every core.</summary>
    private static Func<RelationshipRecord, ValidTime> SharedTimes()
    {
        var times = new ConcurrentDictionary<(string? From, string? To), ValidTime>();
        return record => record.ValidFrom is null && record.ValidTo is null
            ? ValidTime.Always
            : times.GetOrAdd((record.ValidFrom, record.ValidTo), static dates => TimeOf(dates.From, dates.To));
    }

    private static Relationship ToRelationship(RelationshipRecord record, ValidTime time) => new(
        record.Id, record.Type, record.FromId, record.ToId, record.Description, time, record.Properties, record.Sources);

    private static ValidTime TimeOf(string? from, string? to) =>
        from is null && to is null
            ? ValidTime.Always
            : new ValidTime(from is null ? null : PartialDate.Parse(from), to is null ? null : PartialDate.Parse(to));
}
