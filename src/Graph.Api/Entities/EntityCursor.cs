using System.Globalization;
using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Schema;

namespace Graph.Api.Entities;

/// <summary>
/// A page of entities' cursors, one kind for each order: the entity's id for id order, its folded name and id
/// for name order, its degree and id for degree order. Each names the key the page was sorted by, not a place,
/// so a page stays right, as id cursors do, when the graph changes; and a cursor of one order is refused by another.
/// </summary>
internal static class EntityCursor
{
    public static string Encode(EntityNode entity, EntityOrder order, EntityOrders? orders) => order switch
    {
        EntityOrder.Name => Cursor.Encode("en", string.Create(CultureInfo.InvariantCulture, $"{orders!.FoldedName(entity.Ordinal).Length}:{orders.FoldedName(entity.Ordinal)}:{entity.Id}")),
        EntityOrder.Degree => Cursor.Encode("ed", string.Create(CultureInfo.InvariantCulture, $"{orders!.Degree(entity.Ordinal)}:{entity.Id}")),
        _ => Cursor.Encode("e", entity.Id),
    };

    /// <summary>Where the cursor's key stands in the order's list: the first place after it, or (<paramref name="atOrAfter"/>, for 'before') not before it.</summary>
    public static int Position(GraphIndex index, EntityOrder order, string cursor, string argument, bool atOrAfter)
    {
        var orders = index.Orders;
        if (order == EntityOrder.Name)
        {
            var text = Cursor.Decode("en", cursor, argument);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && colon + 1 + length < text.Length && text[colon + 1 + length] == ':')
            {
                return orders.NamePosition(index, text.Substring(colon + 1, length), text[(colon + 2 + length)..], atOrAfter);
            }
        }
        else
        {
            var parts = Cursor.Decode("ed", cursor, argument).Split(':', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var degree))
            {
                return orders.DegreePosition(index, degree, parts[1], atOrAfter);
            }
        }

        throw ResolveContextExtensions.BadArgument("INVALID_CURSOR", $"The '{argument}' cursor does not come from this list. Use a cursor returned by the same field.");
    }
}
