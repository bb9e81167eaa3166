using Graph.Api.Endpoint;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Builders;

namespace Graph.Api.Entities;

/// <summary>Entities one typed step away, for the fields each kind adds (an agreement's parties, an event's place).</summary>
internal static class RelatedEntities
{
    /// <summary>
    /// The distinct entities one step of the type away, through relationships that hold on the field's
    /// <c>asOf</c> when it is given (<see cref="WithAsOf"/>), counted towards the request's budget for unpaged lists.
    /// </summary>
    public static List<EntityNode> Related(this IResolveFieldContext<EntityNode> context, RelationshipType type, Direction direction, params EntityKind[] kinds) =>
        context.Counted(context.Index()
            .Adjacents(context.Source, direction, new RelationshipFilter(new HashSet<RelationshipType> { type }, kinds.Length == 0 ? null : kinds.ToHashSet(), context.GetArgument<DateOnly?>("asOf")))
            .Select(a => a.Other)
            .Distinct());

    /// <summary>The <c>asOf</c> argument of a kind's own lists, as every field that reads relationships has one.</summary>
    public static FieldBuilder<EntityNode, TReturn> WithAsOf<TReturn>(this FieldBuilder<EntityNode, TReturn> field) =>
        field.Argument<DateScalar>("asOf", "Only through relationships that hold on this date (a fact dated 2013 holds all through 2013; an open end still holds).");

    /// <summary>
    /// An unpaged list made whole and counted towards <see cref="LimitsOptions.MaxRelatedEntities"/>: none is
    /// made once the request's budget is spent, so lists nested under lists stop at it. A field that returns
    /// one is also named in <see cref="DocumentAnalyzer"/>'s costing, which works on names alone.
    /// </summary>
    public static List<T> Counted<T>(this IResolveFieldContext context, IEnumerable<T> items)
    {
        var user = context.Graph();
        user.CountRelated(0);
        var list = items.ToList();
        user.CountRelated(list.Count);
        return list;
    }

    public static string? PropertyText(this EntityNode entity, string key) =>
        entity.Entity.Properties.Find(key)?.Value;
}
