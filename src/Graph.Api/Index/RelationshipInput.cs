using System.Runtime.CompilerServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// How <see cref="GraphIndex"/> reads one kind of relationship it is built from: the id it is ordered
/// by, the ids of its ends, and the row it becomes (<see cref="RelationshipRow"/>). The index is built from the model's
/// relationships or straight from rows (checked, stored or read from a seed snapshot), which spares a million model
/// objects made only to be copied. Rows made from objects put their values in the values the build collects
/// (<see cref="RelationshipValuesBuilder"/>); rows that already refer to values (a seed snapshot's) give those
/// (<see cref="Values"/>) and their ids' JSON text (<see cref="IdText"/>), and the others' ids are encoded into a block by the
/// build. Rows always given with their ends' positions (<see cref="PrebuiltParts.Ends"/>, a seed snapshot's) need no ids of their ends.
/// </summary>
internal sealed record RelationshipInput<T>(
    Func<T, string> Id,
    Func<T, string>? FromId,
    Func<T, string>? ToId,
    Func<T, JsonText, RelationshipValuesBuilder, RelationshipRow> Row,
    Func<T, JsonText>? IdText = null,
    RelationshipValues? Values = null);

internal static class RelationshipInput
{
    public static RelationshipInput<Relationship> Model { get; } = new(
        static r => r.Id, static r => r.FromId, static r => r.ToId,
        static (r, idJson, values) => values.Row(idJson, r.Type, r.Description, r.ValidTime, r.Properties, r.Sources));

    /// <summary>
    /// Rows as a seed snapshot written without the index gives them: referring to its values, with their ends' positions. A
    /// snapshot written with the index gives its columns instead (<see cref="PrebuiltParts.Columns"/>), with no rows.
    /// </summary>
    public static RelationshipInput<RelationshipRow> Rows(RelationshipValues values) => new(
        r => values.IdJson(r).Decoded(), FromId: null, ToId: null,
        [MethodImpl(LoadingCode.Optimised)] static (r, _, _) => r,
        r => values.IdJson(r), values);
}
