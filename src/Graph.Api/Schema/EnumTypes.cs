using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;
using GraphQL.Types;

namespace Graph.Api.Schema;

internal sealed class EntityKindType : EnumerationGraphType<EntityKind>
{
    public EntityKindType()
    {
        Name = "EntityKind";
        Description = "What an entity is. Each kind is an object type implementing Entity.";
    }
}

internal sealed class DatePrecisionType : EnumerationGraphType<DatePrecision>
{
    public DatePrecisionType()
    {
        Name = "DatePrecision";
        Description = "How much of a date the sources give.";
    }
}

internal sealed class PropertyValueTypeType : EnumerationGraphType<PropertyValueType>
{
    public PropertyValueTypeType()
    {
        Name = "PropertyValueType";
        Description = "The type of a property's value.";
    }
}

internal sealed class DirectionType : EnumerationGraphType<Direction>
{
    public DirectionType()
    {
        Name = "Direction";
        Description = "Which relationships of an entity to follow.";
        Values["OUT"]!.Description = "Relationships that start at the entity.";
        Values["IN"]!.Description = "Relationships that end at the entity.";
        Values["BOTH"]!.Description = "Both, ignoring direction (undirected).";
    }
}

internal sealed class MatchKindType : EnumerationGraphType<MatchKind>
{
    public MatchKindType()
    {
        Name = "MatchKind";
        Description = "How a search hit matched; hits are ranked in this order.";
        Values["EXACT"]!.Description = "The whole name or alias equals the search text (ignoring case, accents and punctuation).";
        Values["PREFIX"]!.Description = "A name or alias starts with the search text.";
        Values["CONTAINS"]!.Description = "A name or alias contains the search text.";
        Values["WORDS"]!.Description = "A name or alias holds every word of the search text, in another order or with other words between (a word of one or two letters must start a word of the name).";
        Values["SIMILAR"]!.Description = "Offered only when no name matches the search text in the ways above: a name or alias holds each word of the text, or for a word of four letters or more a word one slip from it (a letter left out, added or changed, or two neighbouring letters swapped), as in 'Lukashneko' for 'Lukashenko'.";
    }
}

internal sealed class RelationshipTypeType : EnumerationGraphType<RelationshipType>
{
    public RelationshipTypeType()
    {
        Name = "RelationshipType";
        Description = "The vocabulary of relationship types. Query relationshipTypes for which kinds each may join.";
        foreach (var info in RelationshipVocabulary.All)
        {
            Values[ConstantCase.Name(info.Type)]!.Description = info.Description;
        }
    }
}
