using Graph.Api.Search;

namespace Graph.Api.Index;

/// <summary>
/// What an index build would otherwise work out from the rows, handed to it by whoever has it already: a seed
/// snapshot keeps all three beside its rows, and the check of a seed file finds each relationship's ends. The
/// search's suffixes are taken only when they fit the names (and sorted anew otherwise); the ends only when
/// there is a pair for each relationship, as given, since they are made from these very rows; the ordinals only with
/// the ends, and when the rows lie in the order they say.
/// </summary>
/// <param name="SearchSuffixes">The search index's name suffixes in sorted order (<see cref="SearchIndex.SuffixOrder"/>), or null.</param>
/// <param name="Ends">
/// Each relationship's ends, in the order the relationships are given, as the positions of their entities in the order
/// those are given; or null. A snapshot keeps the ends so, and the check of a seed file finds them so.
/// </param>
/// <param name="Ordinals">
/// Each relationship's ordinal (its place in id order), in the order the relationships are given, when they are given in
/// the order the index lays its rows out in (by the entity they start at, then by ordinal); or null. A snapshot keeps its
/// rows so: then each step of the build reads them in order, where rows in id order were read at random places.
/// </param>
/// <param name="SearchNameOrder">The search index's names in sorted order (<see cref="SearchIndex.NameOrder"/>), or null.</param>
internal sealed record PrebuiltParts(NameSuffixes.Suffix[]? SearchSuffixes, RelationshipEnds? Ends, int[]? Ordinals = null, int[]? SearchNameOrder = null);
