using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Paging;
using Graph.Api.Schema;
using Graph.Api.Search;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Entities;

internal static class EntityQueries
{
    public static void AddEntityQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node").Description("Any entity or relationship by its id (Relay).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The id.")
            .Resolve(c => FindNode(c.Index(), c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes").Description("Several nodes by id, in the order asked; null where an id is unknown.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids, at most the maximum page size.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > c.Graph().Limits.MaxPageSize)
                    throw ResolveContextExtensions.BadArgument("TOO_MANY_IDS", $"At most {c.Graph().Limits.MaxPageSize} ids at once.");
                return ids.Select(id => FindNode(c.Index(), id)).ToList();
            });
        query.Field<EntityInterface>("entity").Description("An entity by its id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The entity's id, e.g. 'belarus'.")
            .Resolve(c => c.Index().FindEntity(c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<EntityConnectionType>>("entities").Description("Entities, optionally of one kind and filtered, in id order or by name or degree, one page at a time.")
            .Argument<EntityKindType>("kind", "Only entities of this kind.")
            .Argument<EntityFilterInputType>("filter", "Further conditions.")
            .Argument<EntityOrderType>("orderBy", "The order of the pages: ID (the default), NAME or DEGREE. A cursor pages on only in the order it came from.", a => a.DefaultValue = EntityOrder.Id)
            .WithPaging()
            .Resolve(PageEntities);
    }

    private static object? FindNode(GraphIndex index, string id) => (object?)index.FindEntity(id) ?? index.FindRelationship(id);

    private static Page<EntityEdge> PageEntities(IResolveFieldContext context)
    {
        var index = context.Index();
        var page = PageRequest.Read(context);
        var kind = context.GetArgument<EntityKind?>("kind");
        var filter = context.GetArgument<EntityFilter?>("filter");

        var (candidates, met) = Candidates(index, kind, filter);
        var matching = Matching(index, candidates, met, kind, filter);
        if (context.GetArgument("orderBy", EntityOrder.Id) is var order and not EntityOrder.Id) return PageInOrder(index, page, order, candidates, met, kind, filter, matching);
        if (page is { After: null, Before: null, Backward: false }) return page.Take(matching, e => new EntityEdge(e), () => matching.Count());
        var start = page.After is null ? 0 : Position(candidates, Cursor.Decode("e", page.After), skipEqual: true);
        var end = page.Before is null ? candidates.Count : Position(candidates, Cursor.Decode("e", page.Before, "before"), skipEqual: false);
        var between = Matching(index, Pages.Between(candidates, start, Math.Max(start, end), page.Backward), met, kind, filter);
        return page.Take(between, e => new EntityEdge(e), () => matching.Count());
    }

    /// <summary>
    /// A page by name or degree: the order's list of every entity, from the place of 'after' up to that of 'before',
    /// keeping the candidates that meet the conditions. A set of candidates is tested by its own bits, a kind's list
    /// by the kind; only another list (a short name's, a property key's) is marked by ordinal first. The total is
    /// the candidates', as in id order.
    /// </summary>
    private static Page<EntityEdge> PageInOrder(GraphIndex index, PageRequest page, EntityOrder order, IReadOnlyList<EntityNode> candidates, Met met,
        EntityKind? kind, EntityFilter? filter, IEnumerable<EntityNode> matching)
    {
        var orders = index.Orders;
        var list = order == EntityOrder.Name ? orders.ByName : orders.ByDegree;
        Func<int, bool> isCandidate = candidates switch
        {
            _ when ReferenceEquals(candidates, index.Entities) => static _ => true,
            _ when met == Met.Kind && filter is null => ordinal => index.EntityAt(ordinal).Kind == kind,
            MarkedEntities set => ordinal => set.Contains(index.EntityAt(ordinal)),
            _ => Marked(candidates, index.Entities.Count),
        };
        var start = page.After is null ? 0 : EntityCursor.Position(index, order, page.After, "after", atOrAfter: false);
        var end = page.Before is null ? list.Length : EntityCursor.Position(index, order, page.Before, "before", atOrAfter: true);
        var between = Pages.Between(list, start, Math.Max(start, end), page.Backward).Where(isCandidate).Select(index.EntityAt);
        return page.Take(Matching(index, between, met, kind, filter), e => new EntityEdge(e, order, orders), () => matching.Count());

        static Func<int, bool> Marked(IReadOnlyList<EntityNode> entities, int count)
        {
            var marks = new System.Collections.BitArray(count);
            foreach (var entity in entities) marks[entity.Ordinal] = true;
            return ordinal => marks[ordinal];
        }
    }

    // The candidates are in id order, so a cursor's place is where its id would stand: found by halving the
    // list, where reading every entity before it made each page cost more than the one before. The first
    // entity whose id is not before the cursor's, or (skipEqual, as for 'after') after it.
    private static int Position(IReadOnlyList<EntityNode> inIdOrder, string id, bool skipEqual)
    {
        int low = 0, high = inIdOrder.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(inIdOrder[middle].Id, id);
            if (order < 0 || (skipEqual && order == 0)) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    // The entities a page is taken from, in id order, and the conditions they meet by construction, which are
    // not checked on them again. The kind, the name and the relationship type give bit sets (a rare name, a
    // list), intersected word by word when there are several; then the shortest list wins, the property key's
    // included.
    private static (IReadOnlyList<EntityNode> Entities, Met Met) Candidates(GraphIndex index, EntityKind? kind, EntityFilter? filter)
    {
        // The usual page, without a filter, is the kind's own list (or every entity's) as it is.
        if (filter is null) return kind is { } ofKind ? (index.EntitiesOfKind(ofKind), Met.Kind) : (index.Entities, Met.Nothing);
        var sets = new List<MarkedEntities>(3);
        var setsMeet = Met.Nothing;
        IReadOnlyList<EntityNode>? named = null;
        if (kind is { } only)
        {
            sets.Add(index.KindSet(only));
            setsMeet = Met.Kind;
        }

        if (filter.NameContains is { } text && TextNormalizer.Normalize(text) is { Length: > 0 } folded)
        {
            named = index.Search.EntitiesNamedWith(folded);
            if (named is MarkedEntities nameSet)
            {
                sets.Add(nameSet);
                setsMeet |= Met.Name;
                named = null;
            }
        }

        if (filter.HasRelationshipType is { } type)
        {
            sets.Add(index.EntitiesTakingPartIn(type));
            setsMeet |= Met.RelationshipType;
        }

        // The kind alone is its own list (an array, read without ranks).
        (IReadOnlyList<EntityNode> Entities, Met Met) shortest = sets.Count switch
        {
            0 => (index.Entities, Met.Nothing),
            1 when setsMeet == Met.Kind => (index.EntitiesOfKind(kind!.Value), Met.Kind),
            1 => (sets[0], setsMeet),
            _ => (MarkedEntities.InAll(sets), setsMeet),
        };
        if (named is not null && named.Count < shortest.Entities.Count) shortest = (named, Met.Name);
        if (filter.PropertyKey is { } key && index.EntitiesWithProperty(key) is var withKey && withKey.Count < shortest.Entities.Count) shortest = (withKey, Met.Nothing);
        return shortest;
    }

    private static IEnumerable<EntityNode> Matching(GraphIndex index, IEnumerable<EntityNode> entities, Met met, EntityKind? kind, EntityFilter? filter)
    {
        var ofKind = met.HasFlag(Met.Kind) ? null : kind;
        var text = filter?.NameContains is null || met.HasFlag(Met.Name) ? null : TextNormalizer.Normalize(filter.NameContains);
        var type = met.HasFlag(Met.RelationshipType) ? null : filter?.HasRelationshipType;
        var key = filter?.PropertyKey;
        // With nothing left to check the candidates are the answer as they are, and a total is their count, not a walk.
        if (ofKind is null && text is null && type is null && key is null) return entities;
        return entities.Where(e =>
            (ofKind is null || e.Kind == ofKind)
            && (text is null || index.Search.NameContains(e, text))
            && (type is null || index.Compact.TakesPartIn(e.Ordinal, type.Value))
            && (key is null || e.Entity.Properties.Any(p => p.Key == key && (filter!.PropertyValue is null || p.Value == filter.PropertyValue))));
    }

    /// <summary>The conditions a list of candidates meets by construction.</summary>
    [Flags]
    private enum Met
    {
        Nothing = 0,
        Kind = 1,
        Name = 2,
        RelationshipType = 4,
    }
}
