namespace Graph.Api.Endpoint;

/// <summary>Browser origins allowed to call the API from their pages (<c>Graph:Cors</c>); none by default.</summary>
public sealed class GraphCorsOptions
{
    public const string Section = "Graph:Cors";

    /// <summary>Exact origins such as https://app.example.org; "*" is refused so an allow-list stays an allow-list.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
