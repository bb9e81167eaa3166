namespace Graph.Api.Tests.Support;

/// <summary>
/// A document of thousands of path searches, for the tests that need a request to run for a long time:
/// 20-30 s of work on the seed graph, far more than they wait, however fast the traversals get.
/// </summary>
internal static class HugeDocuments
{
    /// <summary>The selections: 4,000 aliased path searches of <paramref name="maxLength"/> steps (a literal or a variable).</summary>
    public static string PathSearches(string maxLength) =>
        string.Join(" ", Enumerable.Range(0, 4000).Select(i => $"p{i}: paths(from: \"xi-jinping\", to: \"hong-kong\", maxLength: {maxLength}, first: 50) {{ paths {{ entities {{ id name description aliases }} steps {{ relationship {{ id sources {{ paragraph document {{ name }} }} }} }} }} }}"));

    /// <summary>Limits raised so that such a document is accepted: its cost, aliases, fields and size.</summary>
    public static GraphApiFactory WithRoomForHugeDocuments(this GraphApiFactory factory) => factory
        .With("Graph:Limits:MaxCost", "100000000")
        .With("Graph:Limits:MaxAliases", "5000")
        .With("Graph:Limits:MaxFields", "1000000")
        .With("Graph:Limits:MaxQueryLength", "2000000")
        .With("Graph:Limits:MaxBodyBytes", "4000000");
}
