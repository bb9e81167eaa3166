namespace Graph.Api.Ide;

/// <summary>The Banana Cake Pop IDE served at /graphql to browsers (<c>Graph:Ide</c>).</summary>
public sealed class IdeOptions
{
    public const string Section = "Graph:Ide";

    /// <summary>Serve the IDE; when off, a browser at /graphql gets an ordinary GraphQL error.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The title the IDE shows.</summary>
    public string Title { get; set; } = "Graph — China–Belarus knowledge graph";
}
