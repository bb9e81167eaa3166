using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// What the relationships' rows (<see cref="RelationshipRow"/>) refer to by place: the blocks their ids' JSON text lies in,
/// and the descriptions, valid times, property lists and citation lists, each held once for every row that has it.
/// A seed snapshot's tables are these lists as it reads them; a build from other rows collects them
/// (<see cref="RelationshipValuesBuilder"/>).
/// </summary>
internal sealed class RelationshipValues
{
    /// <summary>The place a row without a description gives.</summary>
    public const int None = -1;

    private readonly ReadOnlyMemory<byte>[] idBlocks;
    private readonly string[] texts;
    private readonly ValidTime[] validTimes;
    private readonly IReadOnlyList<TypedProperty>[] propertyLists;
    private readonly IReadOnlyList<Citation>[] citationLists;

    /// <param name="idBlocks">The blocks the ids' JSON text lies in: arrays, or a restart's mapped snapshot.</param>
    /// <param name="texts">The descriptions (a snapshot's strings, of which the descriptions are some).</param>
    /// <param name="validTimes">The valid times.</param>
    /// <param name="propertyLists">The property lists.</param>
    /// <param name="citationLists">The citation lists.</param>
    public RelationshipValues(
        ReadOnlyMemory<byte>[] idBlocks, string[] texts, ValidTime[] validTimes, IReadOnlyList<TypedProperty>[] propertyLists, IReadOnlyList<Citation>[] citationLists) =>
        (this.idBlocks, this.texts, this.validTimes, this.propertyLists, this.citationLists) = (idBlocks, texts, validTimes, propertyLists, citationLists);

    /// <summary>Every valid time, by place: what a pass over every row reads once for each instead of once a row.</summary>
    public ReadOnlySpan<ValidTime> ValidTimes => validTimes;

    public JsonText IdJson(in RelationshipRow row) => new(idBlocks[row.IdBlock], row.IdStart, row.IdLength);

    public string? Description(in RelationshipRow row) => row.Description == None ? null : texts[row.Description];

    public ValidTime ValidTime(in RelationshipRow row) => validTimes[row.ValidTime];

    public IReadOnlyList<TypedProperty> Properties(in RelationshipRow row) => propertyLists[row.Properties];

    public IReadOnlyList<Citation> Sources(in RelationshipRow row) => citationLists[row.Sources];
}
