using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Search;

internal static class SearchQueries
{
    private const int MaxSearchText = 200;

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitType>>>>("search")
            .Description("Finds entities by name or alias, ignoring case, accents and punctuation. Exact matches rank first, then names starting with the text, then names containing it (a text of one or two letters matches the start of names only: it would be in most of them), then names holding each of its words in any order (when it has a word of three letters or more). A text that matches no name in those ways finds the names holding its words with a slip of typing in a word of four letters or more (match SIMILAR).")
            .Argument<NonNullGraphType<StringGraphType>>("text", "What to look for, e.g. 'great stone'.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("kinds", "Only entities of these kinds.")
            .Argument<IntGraphType>("first", "How many hits at most (default and maximum as for pages).")
            .Argument<StringGraphType>("after", "A hit's cursor: the hits ranked after it, for the next page of the same search.")
            .Resolve(c =>
            {
                var text = c.GetArgument<string>("text");
                if (text.Length > MaxSearchText)
                    throw ResolveContextExtensions.BadArgument("SEARCH_TEXT_TOO_LONG", $"Search text is at most {MaxSearchText} characters.");
                var kinds = c.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet();
                var after = c.StringArgument("after") is { } cursor ? SearchCursor.Rank(c.Index(), cursor) : SearchIndex.NoRank;
                return c.Index().Search.Find(text, kinds, c.PageSize(), after);
            });
    }
}
