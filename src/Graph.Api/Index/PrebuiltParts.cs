using Graph.Api.Search;

namespace Graph.Api.Index;

/// <summary>
/// What an index build would otherwise work out from the rows, handed to it by whoever has it already: a seed
/// snapshot keeps them beside its rows, and the check of a seed file finds each relationship's ends. The
/// search's suffixes are taken only when they fit the names (and sorted anew otherwise); the ends only when
/// there is a pair for each relationship, as given, since they are made from these very rows.
/// </summary>
/// <param name="SearchSuffixes">The search index's name suffixes in sorted order (<see cref="SearchIndex.SuffixOrder"/>), or null.</param>
/// <param name="Ends">
/// Each relationship's ends, in the order the relationships are given, as the positions of their entities in the order
/// those are given; or null. A snapshot keeps the ends so, and the check of a seed file finds them so.
/// </param>
/// <param name="Columns">
/// The relationships' columns as a seed snapshot keeps them (<see cref="IndexColumns"/>), with the entities in id order and
/// no relationship given besides; or null. The index takes them as they lie instead of building them.
/// </param>
/// <param name="SearchNameOrder">The search index's names in sorted order (<see cref="SearchIndex.NameOrder"/>), or null.</param>
/// <param name="Citations">Which relationships cite each document and paragraph (<see cref="GraphIndex.Citations"/>), with the columns only; or null.</param>
/// <param name="Components">The graph's separate parts (<see cref="GraphIndex.Components"/>), with the columns only; or null.</param>
internal sealed record PrebuiltParts(
    Column<NameSuffixes.Suffix>? SearchSuffixes, RelationshipEnds? Ends, IndexColumns? Columns = null, int[]? SearchNameOrder = null,
    DocumentCitations? Citations = null, GraphComponents? Components = null);
