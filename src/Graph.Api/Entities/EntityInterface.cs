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
        // entities are resolved through this interface thousands of times in a large response.
        ResolveType = value => value is EntityNode entity ? ByKind()[entity.Kind] : null;
    }

    private Dictionary<Model.EntityKind, IObjectGraphType>? byKind;

    private Dictionary<Model.EntityKind, IObjectGraphType> ByKind() =>
        byKind ??= PossibleTypes.OfType<EntityObjectType>().ToDictionary(t => t.Kind, t => (IObjectGraphType)t);
}
