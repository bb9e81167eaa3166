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
    public static int RelationshipOrdinal(Index.GraphIndex index, string prefix, string? after) => RelationshipOrdinal(index, prefix, after, "after", -1);

    /// <summary>The ordinal of the relationship a cursor names, or <paramref name="none"/> without a cursor.</summary>
    public static int RelationshipOrdinal(Index.GraphIndex index, string prefix, string? cursor, string argument, int none) =>
        cursor is null ? none : index.FindRelationship(Decode(prefix, cursor, argument))?.Ordinal
            ?? throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", $"The '{argument}' cursor names a relationship that no longer exists; start again without '{argument}'.");

    public static string Decode(string prefix, string cursor, string argument = "after")
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

        throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", $"The '{argument}' cursor does not come from this list. Use a cursor returned by the same field.");
    }
}
