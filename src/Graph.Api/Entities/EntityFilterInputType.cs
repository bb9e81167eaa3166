using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Entities;

/// <summary>Narrows a list of entities; all given conditions must hold.</summary>
public sealed record EntityFilter(string? NameContains, Model.RelationshipType? HasRelationshipType, string? PropertyKey, string? PropertyValue);

internal sealed class EntityFilterInputType : InputObjectGraphType<EntityFilter>
{
    public EntityFilterInputType()
    {
        Name = "EntityFilter";
        Description = "Conditions an entity must meet; all given conditions must hold.";
        Field<StringGraphType>("nameContains").Description("The name or an alias contains this text (ignoring case, accents and punctuation).");
        Field<RelationshipTypeType>("hasRelationshipType").Description("The entity has at least one relationship of this type, in either direction.");
        Field<StringGraphType>("propertyKey").Description("The entity has a property with this key.");
        Field<StringGraphType>("propertyValue").Description("With propertyKey: the property's value as text equals this.");
    }
}
