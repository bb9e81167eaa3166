using Graph.Api.Entities;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Search;

internal sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "An entity found by search.";
        Field<NonNullGraphType<EntityInterface>>("entity").Description("The entity found.").ResolveSource(s => s.Entity);
        Field<NonNullGraphType<StringGraphType>>("matchedName").Description("The name or alias that matched.").ResolveSource(s => s.MatchedName);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to the same search for the hits ranked after this one.").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<Schema.MatchKindType>>("match").Description("How it matched: EXACT, PREFIX, CONTAINS, WORDS or SIMILAR.").ResolveSource(s => s.Match);
    }
}
