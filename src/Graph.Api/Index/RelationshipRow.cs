using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// A relationship's own fields as a value, one of a million in the array an index keeps them in
/// (<see cref="RelationshipTable"/>), rather than an object each. A seed snapshot's reader fills that array in
/// place on every core, laid out as the index lays it out, and the index keeps it as it is: a restart makes no object
/// per relationship on its way to ready. Its valid time is made once for each pair of dates and shared by the rows
/// with that pair. Its id is the JSON text answers write (<see cref="JsonText"/>), in a block shared by many rows;
/// the string is made only when asked for. Its ends are not in it: the index keeps every relationship's ends as
/// ordinals in two flat arrays (<see cref="RelationshipEnds"/>).
/// </summary>
internal readonly record struct RelationshipRow(
    JsonText IdJson,
    RelationshipType Type,
    string? Description,
    ValidTime ValidTime,
    IReadOnlyList<TypedProperty> Properties,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>The id, made from its text each time it is asked for.</summary>
    public string Id => IdJson.Decoded();
}
