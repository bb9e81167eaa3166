using System.IO.Hashing;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Endpoint;

/// <summary>
/// GET answers as HTTP caches expect them: an entity tag made from the answer's bytes and its media type,
/// Cache-Control, and 304 Not Modified for a request whose If-None-Match already names the answer. The
/// tag is weak: compressed and plain, the bytes differ but the answer is the same.
/// </summary>
internal static class ConditionalGet
{
    /// <summary>
    /// The hash of an answer's bytes that its tag is made from. An answer kept by the answer cache keeps it too, so a GET sent
    /// from there reads none of its bytes for the tag: a neighbourhood's 141 KB took a GET from the cache about a tenth
    /// fewer answers a second than a POST (bench/HISTORY.md, round 68).
    /// </summary>
    public static ulong HashOf(ReadOnlySpan<byte> body) => XxHash64.HashToUInt64(body);

    /// <summary>
    /// Marks the answer cacheable, its tag made from its media type and the hash of its bytes (<see cref="HashOf"/>); true
    /// when the request already holds it, so only 304 is to be sent.
    /// </summary>
    public static bool NotModified(HttpContext context, string contentType, ulong bodyHash, int maxAgeSeconds)
    {
        var hash = new XxHash64();
        hash.Append(MemoryMarshal.AsBytes(contentType.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in bodyHash)));
        var tag = new EntityTagHeaderValue($"\"{hash.GetCurrentHashAsUInt64():x16}\"", isWeak: true);
        var headers = context.Response.Headers;
        headers.ETag = tag.ToString();
        headers.CacheControl = maxAgeSeconds > 0 ? $"public, max-age={maxAgeSeconds}" : "no-cache";
        // The media type follows the request's Accept.
        headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        return Names(context.Request.Headers.IfNoneMatch, tag);
    }

    // If-None-Match compares weakly (RFC 9110, 13.1.2), and "*" names any answer.
    private static bool Names(StringValues ifNoneMatch, EntityTagHeaderValue tag) =>
        ifNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var listed)
        && listed.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
}
