using System.Runtime.InteropServices;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// A relationship's own fields as a value, one of a million in the array an index keeps them in
/// (<see cref="RelationshipTable"/>): numbers only, 32 bytes, no reference the collector must follow. Its id is a slice
/// of one of the table's blocks of JSON text (<see cref="JsonText"/>); its description, valid time, properties and sources are
/// places in the table's shared lists (<see cref="RelationshipValues"/>), which rows with the same value share, read through
/// <see cref="RelationshipValues"/>. A seed snapshot's reader fills the array in place on every core, laid out as the index
/// lays it out, and the index keeps it as it is. Its ends are not in it: the rows are laid out by the entity they start at, and
/// the adjacency's outgoing rows hold each one's far end (<see cref="RelationshipTable.FromAt"/>, <see cref="RelationshipTable.ToAt"/>).
/// </summary>
/// <remarks>
/// It held the values themselves (the id's block, the description, the valid time and the two lists as references):
/// 56 bytes a row, 56 MB for a million, and five million references each full collection traced. Rows share most of those
/// values (a million relationships had some sixty thousand distinct valid times), and places in shared lists take half the room.
/// </remarks>
/// <param name="IdBlock">The block of <see cref="RelationshipValues"/> the id's JSON text lies in.</param>
/// <param name="IdStart">Where in that block it begins.</param>
/// <param name="IdLength">Its length in bytes.</param>
/// <param name="Type">The relationship's type.</param>
/// <param name="Description">The place of its description among the values' texts, or <see cref="RelationshipValues.None"/>.</param>
/// <param name="ValidTime">The place of its valid time among the values' valid times.</param>
/// <param name="Properties">The place of its properties among the values' property lists.</param>
/// <param name="Sources">The place of its sources among the values' citation lists.</param>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RelationshipRow(
    int IdBlock, int IdStart, int IdLength, RelationshipType Type, int Description, int ValidTime, int Properties, int Sources);
