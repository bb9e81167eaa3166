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
