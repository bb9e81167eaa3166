using Graph.Api.Model;
using Graph.Api.Search;

namespace Graph.Api.Index;

/// <summary>
/// Parts of an index that an earlier build of the same graph worked out and a seed snapshot keeps, so that a
/// restart takes them instead of working them out again: the costliest step that depends only on the graph,
/// not on where its objects lie in memory. Each part is checked against the graph it is given with, and one that
/// does not fit is worked out anew.
/// </summary>
/// <param name="SearchSuffixes">The search index's name suffixes in sorted order (<see cref="SearchIndex.SuffixOrder"/>), or null.</param>
/// <param name="Ends">
/// Each relationship's ends, in the order the relationships are given, as the positions of their entities in the order
/// those are given; or null. A snapshot has them already: it keeps the ends so.
/// </param>
/// <param name="Times">
/// Each relationship's valid time, in the order the relationships are given, rows with the same dates sharing one; or null.
/// A snapshot makes one for each pair of dates it holds, where the rows alone leave them to be found by their texts.
/// </param>
internal sealed record PrebuiltParts(NameSuffixes.Suffix[]? SearchSuffixes, (int From, int To)[]? Ends, ValidTime[]? Times);
