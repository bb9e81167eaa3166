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

    /// <summary>Takes one more item than asked for, to learn whether another page follows.</summary>
    public static Page<TEdge> Take<TItem, TEdge>(IEnumerable<TItem> afterCursor, int first, bool hasPrevious, Func<TItem, TEdge> edge, Func<int> countAll, bool truncated = false)
        where TEdge : IPageEdge
    {
        // A loop into a list of the right size: the query operators' list builder, not knowing the count, grew in segments.
        var items = new List<TEdge>(first + 1);
        foreach (var item in afterCursor)
        {
            items.Add(edge(item));
            if (items.Count > first) break;
        }

        var hasNext = items.Count > first;
        if (hasNext) items.RemoveAt(items.Count - 1);
        return new Page<TEdge>(items, hasNext, hasPrevious, countAll, truncated);
    }

    /// <summary>
    /// The last <paramref name="last"/> items, given last first (the list walked backward), in the list's
    /// order; one more is taken to learn whether items precede the page.
    /// </summary>
    public static Page<TEdge> TakeLast<TItem, TEdge>(IEnumerable<TItem> backward, int last, bool hasNext, Func<TItem, TEdge> edge, Func<int> countAll, bool truncated = false)
        where TEdge : IPageEdge
    {
        var items = new List<TEdge>(last + 1);
        foreach (var item in backward)
        {
            items.Add(edge(item));
            if (items.Count > last) break;
        }

        var hasPrevious = items.Count > last;
        if (hasPrevious) items.RemoveAt(items.Count - 1);
        items.Reverse();
        return new Page<TEdge>(items, hasNext, hasPrevious, countAll, truncated);
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
