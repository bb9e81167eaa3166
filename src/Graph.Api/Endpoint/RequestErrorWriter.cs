using System.Text.Json;

namespace Graph.Api.Endpoint;

/// <summary>Writes a request error: the status, any headers it needs, and {"errors":[…]} with no data key.</summary>
internal static class RequestErrorWriter
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = Index.JsonText.Encoder };

    public static async Task WriteAsync(HttpContext context, RequestError error, string mediaType, IEnumerable<object>? locations = null)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = ResponseMediaType.ContentType(mediaType);
        foreach (var (name, value) in error.Headers) response.Headers[name] = value;

        var body = new Dictionary<string, object?>
        {
            ["message"] = error.Message,
        };
        if (locations is not null) body["locations"] = locations;
        body["extensions"] = new Dictionary<string, object?> { ["code"] = error.Code, ["requestId"] = context.TraceIdentifier };
        await JsonSerializer.SerializeAsync(response.Body, new { errors = new[] { body } }, Options, context.RequestAborted);
    }
}
