using Graph.Api.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Graph.Api.Paging;

/// <summary>
/// A connection's paging arguments, as Relay has them: 'after' and 'before' cut the list down to the items
/// between them, then 'first' takes from the start of what is left, or 'last' from its end. The two sizes
/// together are refused: "the last of the first" is seldom what a client means, and Relay discourages it.
/// </summary>
internal readonly record struct PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public static PageRequest Read(IResolveFieldContext context)
    {
        var backward = context.IntArgument("last") is not null;
        if (backward && context.IntArgument("first") is not null)
        {
            throw ResolveContextExtensions.BadArgument("INVALID_PAGING", "Give 'first' or 'last', not both: 'first' pages forward from 'after', 'last' backward from 'before'.");
        }

        return new PageRequest(context.PageSize(backward ? "last" : "first"), backward, context.StringArgument("after"), context.StringArgument("before"));
    }

    /// <summary>
    /// The page: <paramref name="items"/> are the items between the cursors, walked from 'after' forward, or
    /// from 'before' backward when paging backward; one more than the page is read to learn whether more follow.
    /// </summary>
    public Page<TEdge> Take<TItem, TEdge>(IEnumerable<TItem> items, Func<TItem, TEdge> edge, Func<int> countAll, bool truncated = false)
        where TEdge : IPageEdge =>
        Backward
            ? Pages.TakeLast(items, Size, hasNext: Before is not null, edge, countAll, truncated)
            : Pages.Take(items, Size, hasPrevious: After is not null, edge, countAll, truncated);
}

/// <summary>The arguments of <see cref="PageRequest"/> on a connection field.</summary>
internal static class PagingArguments
{
    public static FieldBuilder<TSource, TReturn> WithPaging<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", "Page size, counted from the start of the list or from 'after' (default and maximum are configured; 20 and 100 unless changed).")
        .Argument<StringGraphType>("after", "A cursor from a page: the page starts after it.")
        .Argument<IntGraphType>("last", "Instead of 'first', to page backward: page size counted back from the end of the list or from 'before'.")
        .Argument<StringGraphType>("before", "A cursor from a page: the page ends before it.");
}
