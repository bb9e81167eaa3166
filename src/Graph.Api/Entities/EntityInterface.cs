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
    }
}
