namespace Graph.Api.Endpoint;

/// <summary>A request refused before execution: its HTTP status, a stable code and a message for the client.</summary>
internal sealed class RequestError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>Headers the status needs (Allow for 405, Retry-After for 503).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static RequestError BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
