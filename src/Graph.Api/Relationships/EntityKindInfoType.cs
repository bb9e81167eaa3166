using System.ComponentModel;
using System.Reflection;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class EntityKindInfoType : ObjectGraphType<EntityKind>
{
    public EntityKindInfoType()
    {
        Name = "EntityKindInfo";
        Description = "One entity kind with how many entities of it the graph holds.";
        Field<NonNullGraphType<EntityKindType>>("kind").Description("The kind.").ResolveSource(s => s);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What entities of this kind are.")
            .ResolveSource(s => typeof(EntityKind).GetField(s.ToString())!.GetCustomAttribute<DescriptionAttribute>()!.Description);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many entities of this kind there are.").Resolve(c => c.Index().EntitiesOfKind(c.Source).Count);
    }
}
