using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Storage;

/// <summary>Turns stored rows into the model the index is built from, and the index's relationships into rows to store.</summary>
internal static class RecordMapping
{
    [MethodImpl(LoadingCode.Optimised)]
    public static Entity ToEntity(EntityRecord record) => ToEntity(record, TimeOf(record.ValidFrom, record.ValidTo));

    [MethodImpl(LoadingCode.Optimised)]
    private static Entity ToEntity(EntityRecord record, ValidTime validTime) =>
        new(record.Id, record.Kind, record.Name, record.Aliases, record.Description, record.Properties, validTime);

    /// <summary>
    /// Every row's entity, made on every core: a hundred thousand of them were 0.05–0.13 s of one core on a restart's way to
    /// ready. Entities with the same dates share one valid time, as relationships do (<see cref="ForIndex"/>).
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    public static Entity[] ToEntities(List<EntityRecord> records)
    {
        var entities = new Entity[records.Count];
        var times = new ConcurrentDictionary<(string? From, string? To), ValidTime>();
        Parallel.For(0, entities.Length, [MethodImpl(LoadingCode.Optimised)] (i) =>
        {
            var record = records[i];
            entities[i] = ToEntity(record, times.GetOrAdd((record.ValidFrom, record.ValidTo), static dates => TimeOf(dates.From, dates.To)));
        });
        return entities;
    }

    /// <summary>The row an entity is stored as; its dates are the texts they were parsed from, as written.</summary>
    public static EntityRecord ToRecord(Entity entity) => new()
    {
        Id = entity.Id, Kind = entity.Kind, Name = entity.Name, Aliases = entity.Aliases, Description = entity.Description, Properties = entity.Properties,
        ValidFrom = entity.ValidTime.Start?.Text, ValidTo = entity.ValidTime.End?.Text,
    };

    public static Relationship ToRelationship(RelationshipRecord record) => new(
        record.Id, record.Type, record.FromId, record.ToId, record.Description, TimeOf(record.ValidFrom, record.ValidTo), record.Properties, record.Sources);

    /// <summary>
    /// The row a relationship of the index is stored as: the seed's rows are written from the index built from them
    /// (<see cref="Import.GraphImporter"/>), so the rows it was built from need not be held until the store is written.
    /// The dates are the texts they were parsed from, as written.
    /// </summary>
    public static RelationshipRecord ToRecord(RelationshipNode node) => new()
    {
        Id = node.Id, Type = node.Type, FromId = node.From.Id, ToId = node.To.Id, Description = node.Description,
        ValidFrom = node.ValidTime.Start?.Text, ValidTo = node.ValidTime.End?.Text, Properties = node.Properties, Sources = node.Sources,
    };

    /// <summary>
    /// Rows as the index reads them: each becomes its row of the index directly. Rows with the same dates share one
    /// <see cref="ValidTime"/> (a million rows held some sixty thousand distinct pairs), each parsed once,
    /// from whichever core meets it first.
    /// </summary>
    public static RelationshipInput<RelationshipRecord> ForIndex()
    {
        var times = new ConcurrentDictionary<(string? From, string? To), ValidTime>();
        [MethodImpl(LoadingCode.Optimised)]
        ValidTime TimeOfRow(RelationshipRecord r) => r.ValidFrom is null && r.ValidTo is null
            ? ValidTime.Always
            : times.GetOrAdd((r.ValidFrom, r.ValidTo), static dates => TimeOf(dates.From, dates.To));
        return new(static r => r.Id, static r => r.FromId, static r => r.ToId,
            [MethodImpl(LoadingCode.Optimised)] (r, idJson, values) => values.Row(idJson, r.Type, r.Description, TimeOfRow(r), r.Properties, r.Sources));
    }

    [MethodImpl(LoadingCode.Optimised)]
    internal static ValidTime TimeOf(string? from, string? to) =>
        from is null && to is null
            ? ValidTime.Always
            : new ValidTime(from is null ? null : PartialDate.Parse(from), to is null ? null : PartialDate.Parse(to));
}
