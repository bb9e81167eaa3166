using Graph.Api.Index;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>
/// What a seed snapshot gives back: the seed's checked rows, the values the relationships' rows refer to, and what it kept
/// beside them for the index.
/// </summary>
internal sealed record SeedSnapshot(List<EntityRecord> Entities, RelationshipRow[] Relationships, RelationshipValues Values, PrebuiltParts Prebuilt)
{
    /// <summary>How the index reads these relationships' rows.</summary>
    public RelationshipInput<RelationshipRow> Input => RelationshipInput.Rows(Values);
}
