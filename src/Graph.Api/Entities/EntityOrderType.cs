using GraphQL.Types;

namespace Graph.Api.Entities;

internal sealed class EntityOrderType : EnumerationGraphType<EntityOrder>
{
    public EntityOrderType()
    {
        Name = "EntityOrder";
        Description = "The order of a page of entities.";
        Values["ID"]!.Description = "By id (the default).";
        Values["NAME"]!.Description = "By name, A to Z, ignoring case, accents and punctuation; names alike by id. Page backward with 'last' for Z to A.";
        Values["DEGREE"]!.Description = "The most connected first: by how many relationships an entity has, either way; equal degrees by id.";
    }
}
