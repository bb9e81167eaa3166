using Graph.Api.Index;
using Graph.Api.Paging;
using Graph.Api.Model;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;
using GraphQL;

namespace Graph.Api.Entities;

/// <summary>
/// The fields every entity has. Declared once here and added both to the Entity interface and to
/// each kind's object type, so the two can never drift apart.
/// </summary>
internal static class EntityFields
{
    /// <summary>The shared fields without resolvers, for the Entity interface.</summary>
    public static IEnumerable<FieldType> Declarations()
    {
        var prototype = new ObjectGraphType<EntityNode>();
        AddTo(prototype);
        return prototype.Fields.Select(f => new FieldType { Name = f.Name, Description = f.Description, Type = f.Type, Arguments = f.Arguments });
    }

    public static void AddTo(ObjectGraphType<EntityNode> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Stable, human-readable id (e.g. 'belarus'), usable in URLs and unique across the graph.").ResolveSource(s => s.Id, s => s.IdJson.Utf8);
        type.Field<NonNullGraphType<EntityKindType>>("kind").Description("What the entity is.").ResolveSource(s => s.Kind);
        type.Field<NonNullGraphType<StringGraphType>>("name").Description("The usual name.").ResolveSource(s => s.Entity.Name, s => s.NameJson.Utf8);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names it is known by; search matches them too.").ResolveSource(s => s.Entity.Aliases);
        type.Field<NonNullGraphType<StringGraphType>>("description").Description("A short description.").ResolveSource(s => s.Entity.Description);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PropertyType>>>>("properties").Description("Typed facts about the entity.").ResolveSource(s => s.Entity.Properties);
        type.Field<PropertyType>("property").Description("One property by key, or null.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The property's key.")
            .Resolve(c => c.Source.Entity.Properties.Find(c.GetArgument<string>("key")));
        type.Field<NonNullGraphType<ValidTimeType>>("validTime").Description("When the entity existed or happened (an event's date, an agreement's signing), where known.").ResolveSource(s => s.Entity.ValidTime);
        type.Field<NonNullGraphType<RelationshipConnectionType>>("relationships")
            .Description("The entity's relationships with the entity at the other end of each, in a stable order, one page at a time.")
            .WithDirection()
            .WithRelationshipFilter()
            .WithPaging()
            .Resolve(c => c.PageRelationships(c.Source));
        Traversal.TraversalFields.AddTo(type);
    }
}
