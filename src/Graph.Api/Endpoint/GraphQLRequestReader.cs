using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Endpoint;

/// <summary>
/// Reads a GraphQL request from GET parameters or a JSON POST body, enforcing the transport rules:
/// only application/json bodies (so a browser form can never post a query: CSRF), a body size cap
/// checked before buffering, one operation per request, and a well-formed request object.
/// </summary>
internal sealed class GraphQLRequestReader(IOptions<LimitsOptions> limits, GraphQLSerializer serializer, PersistedQueries persisted)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public async Task<GraphQLHttpRequest> ReadAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method)) return ReadQueryString(request.Query);

        EnsureJsonContentType(request);
        var body = await ReadBodyAsync(request);
        return ReadBody(body);
    }

    private GraphQLHttpRequest ReadQueryString(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (values.Count > 1) throw RequestError.BadRequest("INVALID_REQUEST", $"The parameter '{key}' is given more than once.");
        }

        var given = query["query"].ToString();
        var hash = WithDocumentId(ReadJsonParameter(query, "extensions", ReadExtensions), query.TryGetValue("documentId", out var id) ? id.ToString() : null, given);
        var (text, persistAs) = QueryText(given, hash, "A GraphQL GET request needs a 'query' parameter.");
        var variables = ReadJsonParameter(query, "variables", ReadVariables);

        var operationName = query["operationName"].ToString();
        return new GraphQLHttpRequest(text, variables, operationName.Length == 0 ? null : operationName, persistAs);
    }

    /// <summary>
    /// A GET parameter that holds JSON (variables, extensions), read as the same member of a POST body is read;
    /// the default when it is absent or empty.
    /// </summary>
    private static T? ReadJsonParameter<T>(IQueryCollection query, string name, Func<JsonElement, T> read)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return default;
        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            throw RequestError.BadRequest("INVALID_JSON", $"The '{name}' parameter is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // Half a surrogate pair escaped in a member's name or a string, met by the check for duplicate names or when read.
            throw LoneSurrogate();
        }
    }

    private static void EnsureJsonContentType(HttpRequest request)
    {
        // The usual header is taken as it is; anything else is parsed.
        var usual = request.ContentType is { } given
            && (given.Equals("application/json", StringComparison.OrdinalIgnoreCase) || given.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase));
        if (!usual && (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))))
        {
            throw new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "POST a JSON body with 'Content-Type: application/json' (UTF-8).");
        }

        if (request.Headers.ContentEncoding.Count > 0 && request.Headers.ContentEncoding.ToString() != "identity")
        {
            throw new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_CONTENT_ENCODING", "Compressed request bodies are not accepted.");
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var max = limits.Value.MaxBodyBytes;
        if (request.ContentLength > max) throw TooLarge(max);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        // Read from the request pipe until the body ends, without a staging buffer: a request body is
        // usually one small segment, copied once into an array of its exact size.
        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(request.HttpContext.RequestAborted);
                var buffered = result.Buffer;
                if (buffered.Length > max) throw TooLarge(max);
                if (result.IsCompleted)
                {
                    var body = buffered.ToArray();
                    reader.AdvanceTo(buffered.End);
                    return body;
                }

                reader.AdvanceTo(buffered.Start, buffered.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(max);
        }
        catch (BadHttpRequestException ex)
        {
            // A body sent too slowly or cut short: the server has given up on it, and so do we.
            throw new RequestError(ex.StatusCode, "BODY_UNREADABLE", "The request body arrived too slowly or incomplete.");
        }
    }

    private static RequestError TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The request body is over the limit of {max} bytes.");

    private GraphQLHttpRequest ReadBody(byte[] body)
    {
        // A UTF-8 byte order mark is harmless; anything else that is not UTF-8 JSON is refused below.
        var json = body.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..];
        // The JSON reader checks UTF-8 only in the strings it reads; check the whole body so nothing malformed is ever stored or echoed.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span)) throw RequestError.BadRequest("INVALID_JSON", "The body is not valid UTF-8.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException)
        {
            throw RequestError.BadRequest("INVALID_JSON", "The body is not valid UTF-8 JSON (duplicate keys are refused too).");
        }
        catch (InvalidOperationException)
        {
            // The check for duplicate keys reads each property's name.
            throw LoneSurrogate();
        }

        using (document)
        {
            try
            {
                return ReadRequest(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                throw LoneSurrogate();
            }
        }
    }

    // A \u escape of half a surrogate pair is well-formed JSON, so the parser takes it, but it decodes to
    // no text: the JSON reader throws when such a string is read, wherever that is.
    private static RequestError LoneSurrogate() =>
        RequestError.BadRequest("INVALID_JSON", "A string in the request escapes half of a surrogate pair (\\uD800-\\uDFFF without its other half).");

    private GraphQLHttpRequest ReadRequest(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            throw RequestError.BadRequest("BATCHING_NOT_SUPPORTED", "Batched requests (a JSON array) are not accepted; send one operation per request.");
        if (root.ValueKind != JsonValueKind.Object)
            throw RequestError.BadRequest("INVALID_REQUEST", "The body must be a JSON object with a 'query' string.");

        var given = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
        var documentId = root.TryGetProperty("documentId", out var d) && d.ValueKind != JsonValueKind.Null
            ? d.ValueKind == JsonValueKind.String ? d.GetString() : throw RequestError.BadRequest("INVALID_REQUEST", "'documentId' must be a string.")
            : null;
        var hash = WithDocumentId(root.TryGetProperty("extensions", out var extensions) ? ReadExtensions(extensions) : null, documentId, given);
        var (query, persistAs) = QueryText(given, hash, "The body needs a non-empty 'query' string.");

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var op) && op.ValueKind != JsonValueKind.Null)
        {
            operationName = op.ValueKind == JsonValueKind.String ? op.GetString() : throw RequestError.BadRequest("INVALID_REQUEST", "'operationName' must be a string or null.");
        }

        Inputs? variables = root.TryGetProperty("variables", out var v) ? ReadVariables(v) : null;

        return new GraphQLHttpRequest(query, variables, string.IsNullOrEmpty(operationName) ? null : operationName, persistAs);
    }

    /// <summary>
    /// The text to run, and the hash to keep it under once it has run (<see cref="PersistedQueries"/>). A request
    /// with a hash and no text is answered from the text kept under it. The refusals' messages are the words
    /// Apollo's and urql's clients compare: told the hash is not known, they send it again with the text; told
    /// hashes are not supported, they stop sending them alone.
    /// </summary>
    private (string Text, string? PersistAs) QueryText(string? text, string? hash, string missingMessage)
    {
        var (query, persistAs) = TextAndHash(text, hash, missingMessage);
        if (persisted.OnlyTrusted && !persisted.IsTrusted(query))
        {
            throw new RequestError(StatusCodes.Status403Forbidden, "QUERY_NOT_IN_SAFELIST", "This endpoint runs only its trusted documents, and this query is not one of them.");
        }

        return (query, persistAs);
    }

    private (string Text, string? PersistAs) TextAndHash(string? text, string? hash, string missingMessage)
    {
        if (hash is null || !persisted.Enabled)
        {
            if (!string.IsNullOrEmpty(text)) return (text, null);
            throw hash is null
                ? RequestError.BadRequest("INVALID_REQUEST", missingMessage)
                : RequestError.BadRequest("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        }

        if (string.IsNullOrEmpty(text))
        {
            return (persisted.Find(hash) ?? throw new RequestError(StatusCodes.Status404NotFound, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"), null);
        }

        return PersistedQueries.IsHashOf(hash, text)
            ? (text, hash)
            : throw RequestError.BadRequest("PERSISTED_QUERY_HASH_MISMATCH", "'extensions.persistedQuery.sha256Hash' is not the SHA-256 of the query's UTF-8 text.");
    }

    /// <summary>
    /// The hash a request names: its persisted query's, or its <c>documentId</c>, as the GraphQL-over-HTTP draft's
    /// persisted documents give it (<c>sha256:</c> and the hash, which GraphQL.NET's own handler reads too). A
    /// document id stands instead of the text and of a persisted query, never beside them.
    /// </summary>
    private static string? WithDocumentId(string? hash, string? documentId, string? text)
    {
        if (string.IsNullOrEmpty(documentId)) return hash;
        if (!string.IsNullOrEmpty(text) || hash is not null)
        {
            throw RequestError.BadRequest("INVALID_REQUEST", "Send 'documentId' instead of the query's text and of a persisted query, not beside them.");
        }

        const string Prefix = "sha256:";
        return documentId.StartsWith(Prefix, StringComparison.Ordinal) && PersistedQueries.IsHashForm(documentId.AsSpan(Prefix.Length))
            ? documentId[Prefix.Length..].ToLowerInvariant()
            : throw RequestError.BadRequest("PERSISTED_QUERY_INVALID", "'documentId' must be 'sha256:' and the document's SHA-256 in hexadecimal (64 characters); no other kind of id is known here.");
    }

    /// <summary>
    /// Checks a request's extensions (an object, or null; members other than <c>persistedQuery</c> are not used);
    /// the hash a persisted query names, in lower case, or null when they name none.
    /// </summary>
    private static string? ReadExtensions(JsonElement extensions) => extensions.ValueKind switch
    {
        JsonValueKind.Object => extensions.TryGetProperty("persistedQuery", out var persistedQuery) && persistedQuery.ValueKind != JsonValueKind.Null
            ? ReadPersistedQuery(persistedQuery)
            : null,
        JsonValueKind.Null => null,
        _ => throw RequestError.BadRequest("INVALID_REQUEST", "'extensions' must be an object or null."),
    };

    /// <summary>Apollo's <c>{"version": 1, "sha256Hash": "…"}</c>: the hash, in lower case.</summary>
    private static string ReadPersistedQuery(JsonElement persistedQuery)
    {
        if (persistedQuery.ValueKind != JsonValueKind.Object
            || !persistedQuery.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
        {
            throw RequestError.BadRequest("PERSISTED_QUERY_INVALID", "'extensions.persistedQuery' must be an object with \"version\": 1 and a \"sha256Hash\".");
        }

        if (!persistedQuery.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String
            || hash.GetString() is not { } text || !PersistedQueries.IsHashForm(text))
        {
            throw RequestError.BadRequest("PERSISTED_QUERY_INVALID", "'extensions.persistedQuery.sha256Hash' must be a SHA-256 in hexadecimal (64 characters).");
        }

        return text.ToLowerInvariant();
    }

    private Inputs? ReadVariables(JsonElement variables)
    {
        if (variables.ValueKind == JsonValueKind.Null) return null;
        if (variables.ValueKind != JsonValueKind.Object) throw RequestError.BadRequest("INVALID_REQUEST", "'variables' must be a JSON object or null.");
        CheckSizes(variables);
        try
        {
            return serializer.ReadNode<Inputs>(variables);
        }
        catch (JsonException ex) when (ex.InnerException is InvalidOperationException)
        {
            throw LoneSurrogate();
        }
    }

    /// <summary>Refuses huge lists and strings in variables before GraphQL coerces them.</summary>
    private void CheckSizes(JsonElement value)
    {
        var limit = limits.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                if (value.GetArrayLength() > limit.MaxVariableListLength)
                    throw RequestError.BadRequest("VARIABLES_TOO_LARGE", $"A list in the variables has more than {limit.MaxVariableListLength} items.");
                foreach (var item in value.EnumerateArray()) CheckSizes(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) CheckSizes(property.Value);
                break;
            case JsonValueKind.String:
                // A character takes at least one byte of JSON, so a string no longer in bytes than the limit
                // is within it without being decoded; only longer ones are.
                if (JsonMarshal.GetRawUtf8Value(value).Length - 2 > limit.MaxVariableStringLength && value.GetString()!.Length > limit.MaxVariableStringLength)
                    throw RequestError.BadRequest("VARIABLES_TOO_LARGE", $"A string in the variables is longer than {limit.MaxVariableStringLength} characters.");
                break;
        }
    }
}
