using Graph.Api.Index;
using Graph.Api.Model;
using GraphQL.Types;

namespace Graph.Api.Entities;

/// <summary>The object type of one entity kind: the shared entity fields plus what that kind adds.</summary>
internal abstract class EntityObjectType : ObjectGraphType<EntityNode>
{
    protected EntityObjectType(EntityKind kind, string description)
    {
        Kind = kind;
        Name = kind.ToString();
        Description = description;
        Interface<NodeInterface>();
        Interface<EntityInterface>();
        // A function of the kind alone, as the Entity interface's resolver is: the compiled plans rely on it, and give every
        // entity of a kind the plan the first one was resolved to (FieldPlan.EntityPlan).
        IsTypeOf = o => o is EntityNode e && e.Kind == kind;
        EntityFields.AddTo(this);
    }

    public EntityKind Kind { get; }
}
