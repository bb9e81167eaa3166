using System.Buffers.Text;
using System.Text;
using Graph.Api.Schema;

namespace Graph.Api.Paging;

/// <summary>
/// Opaque cursors. They carry the id of the last item seen, so a page stays correct when items
/// are added or removed before it (unlike offset cursors).
/// </summary>
internal static class Cursor
{
    public static string Encode(string prefix, string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{prefix}:{id}"));

    /// <summary>The ordinal of the relationship an 'after' cursor names, or -1 without a cursor.</summary>
    public static int RelationshipOrdinal(Index.GraphIndex index, string prefix, string? after) =>
        after is null ? -1 : index.FindRelationship(Decode(prefix, after))?.Ordinal
            ?? throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", "The 'after' cursor names a relationship that no longer exists; start again without 'after'.");

    public static string Decode(string prefix, string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(prefix + ":", StringComparison.Ordinal))
            {
                return text[(prefix.Length + 1)..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the same error as a well-formed cursor of another list.
        }

        throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", "The 'after' cursor does not come from this list. Use a cursor returned by the same field.");
    }
}
