namespace Graph.Api.Endpoint;

/// <summary>
/// What a document asks for, measured before it runs. Counts are over the selected operation with
/// fragments expanded (saturating, so a fragment bomb measures huge instead of hanging); aliases,
/// directives and fragments (spreads and inline fragments) are counted as written.
/// </summary>
internal sealed record DocumentAnalysis(int Depth, long Fields, long Cost, int Aliases, int Directives, int Fragments, int IntrospectionDepth, bool UsesIntrospection);
