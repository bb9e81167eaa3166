using Graph.Api.Entities;
using GraphQL.Types;

namespace Graph.Api.Search;

internal sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "An entity found by search.";
        Field<NonNullGraphType<EntityInterface>>("entity").Description("The entity found.").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<StringGraphType>>("matchedName").Description("The name or alias that matched.").Resolve(c => c.Source.MatchedName);
        Field<NonNullGraphType<Schema.MatchKindType>>("match").Description("How it matched: EXACT, PREFIX or CONTAINS.").Resolve(c => c.Source.Match);
    }
}
