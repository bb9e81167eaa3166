using System.Text;
using Graph.Api.Schema;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// The served schema as SDL at GET /graphql?sdl, where HotChocolate serves it and where code generators
/// and schema registries look for it: the text of schema.graphql, printed once from the schema itself.
/// Turning introspection off hides it too.
/// </summary>
internal sealed class SchemaDocument(GraphSchema schema, IOptions<LimitsOptions> limits)
{
    private readonly Lazy<byte[]> text = new(() => Encoding.UTF8.GetBytes(schema.Print().ReplaceLineEndings("\n").Trim() + "\n"));

    public static bool IsAskedFor(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("sdl") && !request.Query.ContainsKey("query");

    public Task WriteAsync(HttpContext context)
    {
        if (!limits.Value.Introspection)
        {
            return RequestErrorWriter.WriteAsync(context,
                RequestError.BadRequest("INTROSPECTION_DISABLED", "The schema is not served: introspection is turned off on this service."), ResponseMediaType.Json);
        }

        var response = context.Response;
        response.ContentType = "application/graphql; charset=utf-8";
        response.Headers.ContentDisposition = "inline; filename=\"schema.graphql\"";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.ContentLength = text.Value.Length;
        return response.Body.WriteAsync(text.Value, context.RequestAborted).AsTask();
    }
}
