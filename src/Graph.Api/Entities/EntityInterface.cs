using Graph.Api.Index;
using GraphQL.Types;

namespace Graph.Api.Entities;

internal sealed class EntityInterface : InterfaceGraphType<EntityNode>
{
    public EntityInterface()
    {
        Name = "Entity";
        Description = "A node of the knowledge graph: a country, person, organization, agreement, project, event, topic, place or document.";
        Interface<NodeInterface>();
        foreach (var field in EntityFields.Declarations())
        {
            AddField(field);
        }

        // Straight from the kind to its object type, instead of asking each kind's IsTypeOf in turn:
        // entities are resolved through this interface thousands of times in a large response. The compiled plans
        // rely on the kind alone deciding the type (FieldPlan.EntityPlan).
        ResolveType = value => value is EntityNode entity ? ByKind()[(int)entity.Kind] : null;
    }

    private IObjectGraphType?[]? byKind;

    // Indexed by the kind's number; built on first use, once the schema has collected its possible types.
    private IObjectGraphType?[] ByKind()
    {
        if (byKind is { } built) return built;
        var types = PossibleTypes.OfType<EntityObjectType>().ToList();
        var table = new IObjectGraphType?[Model.EntityKindTable.Size];
        foreach (var type in types) table[(int)type.Kind] = type;
        return byKind = table;
    }
}
