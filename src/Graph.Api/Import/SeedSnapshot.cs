using Graph.Api.Index;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>What a seed snapshot gives back: the seed's checked rows, and what it kept beside them for the index.</summary>
internal sealed record SeedSnapshot(List<EntityRecord> Entities, RelationshipRow[] Relationships, PrebuiltParts Prebuilt);
