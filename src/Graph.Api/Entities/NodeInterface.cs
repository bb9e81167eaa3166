using GraphQL.Types;

namespace Graph.Api.Entities;

internal sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything with a global id that node(id) can fetch again (Relay).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable, human-readable id, unique across the graph.");
    }
}
