namespace Graph.Api.Search;

/// <summary>How a name matched the search text; results are ranked in this order.</summary>
public enum MatchKind
{
    Exact,
    Prefix,
    Contains,
    Words,
    Similar,
}
