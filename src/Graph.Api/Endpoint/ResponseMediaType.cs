using Microsoft.Net.Http.Headers;

namespace Graph.Api.Endpoint;

/// <summary>Picks the response media type from Accept, as the GraphQL-over-HTTP draft asks.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The Content-Type of an answer in <paramref name="mediaType"/>: one string for each, not one per request.</summary>
    public static string ContentType(string mediaType) => mediaType == GraphQLResponse ? GraphQLResponseUtf8 : JsonUtf8;

    private const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";
    private const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>The media type to answer with, or null when the client accepts neither.</summary>
    public static string? Choose(HttpRequest request)
    {
        // Most clients name one of the two types alone: that needs no parsing.
        if (request.Headers.Accept is [{ } only])
        {
            if (only.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return GraphQLResponse;
            if (only.Equals(Json, StringComparison.OrdinalIgnoreCase)) return Json;
        }

        var accept = request.Headers.Accept.ToString();
        // A client that states no preference is treated as a legacy JSON client.
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.OfType<string>().ToList(), out var ranges) || ranges is null) return Json;

        string? best = null;
        double bestQuality = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var candidate = range.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse or "*/*" or "application/*" => GraphQLResponse,
                Json => Json,
                _ => null,
            };
            if (candidate is not null && quality > bestQuality)
            {
                (best, bestQuality) = (candidate, quality);
            }
        }

        return best;
    }
}
