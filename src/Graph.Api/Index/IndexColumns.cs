namespace Graph.Api.Index;

/// <summary>
/// The columns of numbers an index's relationships are held in: the table's rows and their order
/// (<see cref="RelationshipTable"/>), the adjacency's rows (<see cref="CompactAdjacency"/>), and what the index works out
/// from every row once. A seed snapshot keeps them as they lie in memory, and a restart maps them instead of building them
/// (<see cref="Import.SeedSnapshotFormat"/>): 55 MB for a million relationships that need not be read before ready.
/// </summary>
/// <param name="Rows">The relationships' rows, by position (by the entity each starts at, then by ordinal).</param>
/// <param name="OrdinalAt">Each position's ordinal.</param>
/// <param name="PositionOf">Each ordinal's position.</param>
/// <param name="OutStart">Where each entity's outgoing rows start, by its ordinal, and last the count.</param>
/// <param name="OutOther">The entity at each outgoing row's far end.</param>
/// <param name="InStart">Where each entity's incoming rows start, and last the count.</param>
/// <param name="InRelationship">Each incoming row's relationship ordinal.</param>
/// <param name="InOther">The entity each incoming row starts at.</param>
/// <param name="ValidTimeOf">Each relationship's valid time (its place among the values' valid times), by ordinal.</param>
/// <param name="RelationshipTypes">Each relationship's type, by ordinal.</param>
/// <param name="EntityRelationshipTypes">The types each entity takes part in, a bit each, by ordinal.</param>
/// <param name="TypeCounts">How many relationships each type has, by the type's number.</param>
internal sealed record IndexColumns(
    Column<RelationshipRow> Rows,
    Column<int> OrdinalAt,
    Column<int> PositionOf,
    Column<int> OutStart,
    Column<int> OutOther,
    Column<int> InStart,
    Column<int> InRelationship,
    Column<int> InOther,
    Column<int> ValidTimeOf,
    Column<byte> RelationshipTypes,
    Column<ulong> EntityRelationshipTypes,
    Column<int> TypeCounts);
