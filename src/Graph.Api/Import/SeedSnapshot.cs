using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Import;

/// <summary>
/// What a seed snapshot gives back: the seed's checked entities (as the index takes them) and relationships' rows (none when
/// the index's columns stand for them, <see cref="PrebuiltParts.Columns"/>), the values the rows refer to, and what it kept
/// beside them for the index.
/// </summary>
internal sealed record SeedSnapshot(Entity[] Entities, RelationshipRow[] Relationships, RelationshipValues Values, PrebuiltParts Prebuilt)
{
    /// <summary>How the index reads these relationships' rows.</summary>
    public RelationshipInput<RelationshipRow> Input => RelationshipInput.Rows(Values);
}
