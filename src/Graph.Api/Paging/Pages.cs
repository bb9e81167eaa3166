using Graph.Api.Schema;
using GraphQL;

namespace Graph.Api.Paging;

/// <summary>Paging over lists already in a stable order.</summary>
internal static class Pages
{
    /// <summary>Reads <c>first</c>: the configured default when absent; refused when negative or over the maximum.</summary>
    public static int PageSize(this IResolveFieldContext context, string argument = "first")
    {
        var limits = context.Graph().Limits;
        var first = context.IntArgument(argument) ?? limits.DefaultPageSize;
        if (first < 0 || first > limits.MaxPageSize)
        {
            throw ResolveContextExtensions.BadArgument("INVALID_PAGE_SIZE", $"'{argument}' must be between 0 and {limits.MaxPageSize}; page through larger results with {(argument == "last" ? "'before'" : "'after'")}.");
        }

        return first;
    }

    /// <summary>The first <paramref name="first"/> items; one more is taken to learn whether another page follows.</summary>
    public static Page<TEdge> Take<TItem, TEdge>(IEnumerable<TItem> afterCursor, int first, bool hasPrevious, Func<TItem, TEdge> edge, Func<int> countAll, bool truncated = false)
        where TEdge : IPageEdge
    {
        var (items, hasNext) = OneMoreThan(afterCursor, first, edge);
        return new Page<TEdge>(items, hasNext, hasPrevious, countAll, truncated);
    }

    /// <summary>
    /// The last <paramref name="last"/> items, given last first (the list walked backward), in the list's
    /// order; one more is taken to learn whether items precede the page.
    /// </summary>
    public static Page<TEdge> TakeLast<TItem, TEdge>(IEnumerable<TItem> backward, int last, bool hasNext, Func<TItem, TEdge> edge, Func<int> countAll, bool truncated = false)
        where TEdge : IPageEdge
    {
        var (items, hasPrevious) = OneMoreThan(backward, last, edge);
        items.Reverse();
        return new Page<TEdge>(items, hasNext, hasPrevious, countAll, truncated);
    }

    // Up to size items as edges, and whether there was one more (read, then dropped).
    private static (List<TEdge> Items, bool More) OneMoreThan<TItem, TEdge>(IEnumerable<TItem> items, int size, Func<TItem, TEdge> edge)
    {
        // A loop into a list of the right size: the query operators' list builder, not knowing the count, grew in segments.
        var taken = new List<TEdge>(size + 1);
        foreach (var item in items)
        {
            taken.Add(edge(item));
            if (taken.Count > size) break;
        }

        var more = taken.Count > size;
        if (more) taken.RemoveAt(taken.Count - 1);
        return (taken, more);
    }

    /// <summary>The items of a list from <paramref name="start"/> up to <paramref name="end"/>, forward or backward.</summary>
    public static IEnumerable<T> Between<T>(IReadOnlyList<T> list, int start, int end, bool backward)
    {
        if (backward)
        {
            for (var i = end - 1; i >= start; i--) yield return list[i];
        }
        else
        {
            for (var i = start; i < end; i++) yield return list[i];
        }
    }
}
